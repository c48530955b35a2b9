package io.hounsfield.archive.events;

import org.springframework.stereotype.Component;

/**
 * Finds studies that have gone quiet. It consumes the events like a subscriber, with its own position, so that which
 * studies are active survives a crash: each stored instance marks its study active from the time it was stored;
 * once the dispatcher has given it every event, studies with nothing new for the quiet period get their
 * {@code StudyQuiesced} and are no longer active, until their next instance.
 */
@Component
class StudyQuiescence implements ChangeConsumer {
    static final String NAME = "archive.study-quiescence";

    private final EventLog log;
    private final EventProperties settings;

    StudyQuiescence(EventLog log, EventProperties settings) {
        this.log = log;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void accept(Change change) {
        if (change.type() == Change.Type.InstanceStored) {
            log.markActive(change.studyInstanceUid(), change.accessionNumber(), change.time());
        }
    }

    /** Records {@code StudyQuiesced} for the studies quiet by now; how many. Only when this is up to date. */
    int recordQuietStudies() {
        return log.appendQuietStudies(settings.studyQuietPeriod());
    }
}
