package io.hounsfield.archive.events;

import io.hounsfield.archive.ArchiveEventSubscriber;

/** What the dispatcher delivers to, with a position of its own: a subscriber bean, or the archive's own steps. */
interface ChangeConsumer {

    String name();

    void accept(Change change);

    static ChangeConsumer of(ArchiveEventSubscriber subscriber) {
        return new ChangeConsumer() {
            @Override
            public String name() {
                return subscriber.name();
            }

            @Override
            public void accept(Change change) {
                switch (change.type()) {
                    case InstanceStored -> subscriber.onInstanceStored(change.instanceStored());
                    case StudyQuiesced -> subscriber.onStudyQuiesced(change.studyQuiesced());
                }
            }
        };
    }
}
