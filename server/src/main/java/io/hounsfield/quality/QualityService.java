package io.hounsfield.quality;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.system.Count;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The image-quality feature's API: the automatic check results of a study's images, their acknowledgement before
 * the technologist approves the exam, and the thresholds the checks apply.
 */
@Service
public class QualityService {

    private static final int REASON_LENGTH = 500;

    private final QualityRecords records;
    private final AuditService audit;
    private final Clock clock;

    QualityService(QualityRecords records, AuditService audit, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /** The results per image of the study, in series and storing order; empty before the first is checked. */
    public List<InstanceChecks> checks(String studyInstanceUid) {
        return records.forStudy(studyInstanceUid);
    }

    /** The warnings and failures of the study nobody has acknowledged yet. */
    public List<CheckResult> unacknowledged(String studyInstanceUid) {
        return records.forStudy(studyInstanceUid).stream().flatMap(instance -> instance.checks().stream())
                .filter(CheckResult::open).toList();
    }

    /** Acknowledges every open warning and failure of the study with the technologist's reason; audited. */
    @Transactional
    public int acknowledge(String studyInstanceUid, String accessionNumber, String patient, String reason,
            Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new HounsfieldException(Failure.INVALID_INPUT,
                    "Say why the images are acceptable despite the warnings, for example \"anatomy not burned out\".");
        }
        String given = reason.strip().length() > REASON_LENGTH ? reason.strip().substring(0, REASON_LENGTH)
                : reason.strip();
        int acknowledged = records.acknowledge(studyInstanceUid, given, actor.name(), clock.instant());
        audit.record(actor, AuditEntry.success("QUALITY_ACKNOWLEDGED", "EXAM", accessionNumber).forPatient(patient)
                .withDetail(Count.of(acknowledged, "check result", "check results") + ": " + given));
        return acknowledged;
    }

    /** The thresholds in force, one per name (and manufacturer). */
    public List<Threshold> thresholds() {
        return records.currentThresholds();
    }

    /** Every version recorded, newest first. */
    public List<Threshold> thresholdHistory() {
        return records.thresholdHistory();
    }

    /** A new version of a threshold; the old one stays on record. */
    @Transactional
    public void changeThreshold(String name, String manufacturer, double value, String source, Actor actor) {
        boolean known = records.currentThresholds().stream().anyMatch(threshold -> threshold.name().equals(name));
        if (!known && !name.equals("TARGET_EI")) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "There is no such threshold.");
        }
        if (name.equals("TARGET_EI") && (manufacturer == null || manufacturer.isBlank() || value <= 0)) {
            throw new HounsfieldException(Failure.INVALID_INPUT,
                    "A target exposure index needs the manufacturer and a value above 0.");
        }
        if (source == null || source.isBlank()) {
            throw new HounsfieldException(Failure.INVALID_INPUT, "Name the source of the threshold.");
        }
        String maker = name.equals("TARGET_EI") ? manufacturer.strip() : "";
        records.addThreshold(name, maker, value, source.strip(), actor.name(), clock.instant());
        audit.record(actor, AuditEntry.success("QUALITY_THRESHOLD_CHANGED", "QUALITY", name)
                .withDetail((maker.isEmpty() ? "" : maker + ": ") + value + " (" + source.strip() + ")"));
    }
}
