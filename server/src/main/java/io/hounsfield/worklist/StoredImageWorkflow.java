package io.hounsfield.worklist;

import io.hounsfield.archive.ArchiveEventSubscriber;
import io.hounsfield.archive.InstanceStored;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a stored image means for its exam (IHE SWF RAD-8; docs/workflow.md): the first image of an exam that has
 * not started starts it. The exam is found as the worklist gave it to the modality: by accession number, else by
 * Study Instance UID. Quarantined images do not count: they may belong to another patient.
 *
 * <p>An archive event subscriber: it runs after the ingest committed, never failing a store, in the dispatcher's
 * transaction, so the exam's change and the subscriber's position commit together; a failure is retried. It is
 * idempotent: {@link ExamService#imageStored} marks the first image only once, so an event delivered again adds
 * no second history entry. Exams already told are remembered (once that commit is done), so that the rest of a
 * 1,000-image series costs no query.
 */
@Component
class StoredImageWorkflow implements ArchiveEventSubscriber {

    private static final int REMEMBERED = 2048;

    private final ExamService exams;
    private final Set<String> told = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    StoredImageWorkflow(ExamService exams) {
        this.exams = exams;
    }

    /** The position's name: kept as it is, or the subscriber starts again from the first event. */
    @Override
    public String name() {
        return "worklist.first-image-starts-exam";
    }

    @Override
    public void onInstanceStored(InstanceStored stored) {
        String key = stored.studyInstanceUid() + "|" + stored.accessionNumber();
        if (stored.quarantined() || told.contains(key)) {
            return;
        }
        examOf(stored).ifPresent(exam -> exams.imageStored(exam.id(), new Actor(stored.sourceAeTitle(), "DICOM", null)));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    told.add(key);
                }
            });
        } else {
            told.add(key);
        }
    }

    private Optional<Exam> examOf(InstanceStored stored) {
        Optional<Exam> exam = stored.accessionNumber() == null || stored.accessionNumber().isBlank()
                ? Optional.empty() : exams.findByAccession(stored.accessionNumber().strip());
        return exam.isPresent() ? exam : exams.findByStudyInstanceUid(stored.studyInstanceUid());
    }
}
