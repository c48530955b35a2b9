package io.hounsfield.worklist;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a stored image means for its exam (IHE SWF RAD-8; docs/workflow.md): the first image of an exam that has
 * not started starts it. The exam is found as the worklist gave it to the modality: by accession number, else by
 * Study Instance UID. Quarantined images do not count: they may belong to another patient.
 *
 * <p>Runs after the ingest committed, in a transaction of its own; a failure here is logged and never turns a
 * stored image into a failed C-STORE. Exams already told are remembered, so that the rest of a 1,000-image series
 * costs no query.
 */
@Component
class StoredImageWorkflow {

    private static final System.Logger LOG = System.getLogger(StoredImageWorkflow.class.getName());
    private static final int REMEMBERED = 2048;

    private final ExamService exams;
    private final TransactionTemplate ownTransaction;
    private final Set<String> told = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    StoredImageWorkflow(ExamService exams, PlatformTransactionManager transactions) {
        this.exams = exams;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void instanceStored(InstanceStored stored) {
        String key = stored.studyInstanceUid() + "|" + stored.accessionNumber();
        if (stored.quarantined() || told.contains(key)) {
            return;
        }
        try {
            ownTransaction.executeWithoutResult(status -> examOf(stored).ifPresent(exam ->
                    exams.imageStored(exam.id(), new Actor(stored.sourceAeTitle(), "DICOM", null))));
            told.add(key);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "image " + stored.sopInstanceUid() + " is stored, but its exam was"
                    + " not updated: " + e.getMessage(), e);
        }
    }

    private Optional<Exam> examOf(InstanceStored stored) {
        Optional<Exam> exam = stored.accessionNumber() == null || stored.accessionNumber().isBlank()
                ? Optional.empty() : exams.findByAccession(stored.accessionNumber().strip());
        return exam.isPresent() ? exam : exams.findByStudyInstanceUid(stored.studyInstanceUid());
    }
}
