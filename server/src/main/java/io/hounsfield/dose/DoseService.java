package io.hounsfield.dose;

import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.system.Count;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Radiation dose (issue 18): what the dose reports and image headers of a study or exam said, read as they are
 * stored (see {@code DoseSubscriber}). Units: mGy, mGy·cm, Gy·cm², seconds.
 */
@Service
public class DoseService {
    private final DoseRecords records;
    private final AuditService audit;

    DoseService(DoseRecords records, AuditService audit) {
        this.records = records;
        this.audit = audit;
    }

    /** One entry per dose report of the study, in the order they were read; reading them is audited. */
    public List<DoseReport> reports(String studyInstanceUid) {
        return audit.read(() -> {
            List<DoseRecords.StoredReport> stored = records.reportsOfStudy(studyInstanceUid);
            audit.record(AuditEntry.success("DOSE_REPORTS_VIEWED", "STUDY", studyInstanceUid)
                    .forPatients(stored.stream().map(DoseRecords.StoredReport::patient).filter(Objects::nonNull)
                            .distinct().toList())
                    .withDetail(Count.of(stored.size(), "dose report", "dose reports")));
            return stored.stream().map(report -> DoseReport.of(report.sopInstanceUid(), report.dose())).toList();
        });
    }

    /**
     * The exam's dose per acquisition and event and in total, from its reports, else its images' headers. Not
     * audited here: it is shown on the exam's page, whose view is.
     */
    public ExamDose examDose(Exam exam) {
        List<ReadDose> reports = records.reportsOfExam(exam.id(), exam.studyInstanceUid()).stream()
                .map(DoseRecords.StoredReport::dose).toList();
        return ExamTotals.of(reports, reports.isEmpty() ? records.imagesOfExam(exam.id(), exam.studyInstanceUid())
                : List.of());
    }
}
