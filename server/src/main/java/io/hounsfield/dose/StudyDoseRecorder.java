package io.hounsfield.dose;

import io.hounsfield.audit.Actor;
import io.hounsfield.catalog.Procedure;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.DicomDateTime;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.equipment.EquipmentService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.notification.NotificationService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * After a dose object of a study was read: keeps the study's dose in a line ({@link DoseSummary}) and, for an exam,
 * raises each level it exceeds once: to the notifications of leads and physicists, and onto the follow-up list.
 */
@Component
class StudyDoseRecorder {
    private static final List<String> TOLD = List.of("LEAD", "PHYSICIST");

    private final DoseRecords records;
    private final DoseExams summaries;
    private final DoseAlerts alerts;
    private final ExamDoseChecks checks;
    private final ExamService exams;
    private final ProcedureCatalog catalog;
    private final NotificationService notifications;
    private final EquipmentService equipment;
    private final Clock clock;

    StudyDoseRecorder(DoseRecords records, DoseExams summaries, DoseAlerts alerts, ExamDoseChecks checks,
            ExamService exams, ProcedureCatalog catalog, NotificationService notifications, EquipmentService equipment,
            Clock clock) {
        this.records = records;
        this.summaries = summaries;
        this.alerts = alerts;
        this.checks = checks;
        this.exams = exams;
        this.catalog = catalog;
        this.notifications = notifications;
        this.equipment = equipment;
        this.clock = clock;
    }

    void studyRead(DoseRecords.Origin origin, Attributes dataset, String sourceAeTitle) {
        Optional<Exam> exam = Optional.ofNullable(origin.examId()).map(exams::get);
        ExamDose dose = records.doseOf(origin.examId(), origin.studyInstanceUid());
        if (!dose.known()) {
            return;
        }
        summaries.save(summary(origin, exam, dose, dataset, sourceAeTitle));
        exam.ifPresent(found -> raise(found, origin.patient(), dose));
    }

    private void raise(Exam exam, String patient, ExamDose dose) {
        Map<String, List<DoseCheck>> exceeded = new LinkedHashMap<>();
        for (List<DoseCheck> some : List.of(checks.atTheScanner(exam, dose), checks.forFollowUp(exam, dose))) {
            some.stream().filter(DoseCheck::exceeded)
                    .forEach(check -> exceeded.computeIfAbsent(check.level().key(), key -> new ArrayList<>())
                            .add(check));
        }
        exceeded.forEach((key, found) -> {
            String finding = found.stream().map(DoseCheck::inWords).collect(Collectors.joining("; "));
            if (alerts.raise(exam.id(), key, finding, clock.instant())) {
                notifications.notify(TOLD, exam.accessionNumber(), patient, "Dose above a level in exam "
                        + exam.accessionNumber() + ". " + finding + ".", "/exams/" + exam.id() + "#dose",
                        Actor.SYSTEM);
            }
        });
    }

    private DoseSummary summary(DoseRecords.Origin origin, Optional<Exam> exam, ExamDose dose, Attributes dataset,
            String sourceAeTitle) {
        Optional<Procedure> procedure = exam.flatMap(found -> catalog.find(found.procedureCode()));
        String description = blankToNull(dataset.getString(Tags.StudyDescription));
        Instant performed = performed(dataset).or(() -> exam.map(Exam::scheduledStart)).orElse(clock.instant());
        String modality = procedure.map(Procedure::modality).orElse(dose.acquisitions().isEmpty()
                ? blankToNull(dataset.getString(Tags.Modality)) : "CT");
        return new DoseSummary(origin.studyInstanceUid(), origin.examId(), exam.map(Exam::patientId).orElse(null),
                origin.accessionNumber(),
                exam.map(Exam::procedureCode).orElse(description == null ? "UNNAMED" : description),
                procedure.map(Procedure::name).orElse(description == null ? "Not named" : description),
                procedure.map(Procedure::bodyPart).orElse(blankToNull(dataset.getString(Tags.BodyPartExamined))),
                device(dataset, sourceAeTitle, exam).orElse("unknown"),
                modality, exam.map(found -> checks.age(found) >= ExamDoseChecks.ADULT_FROM).orElse(true), performed,
                highest(dose.acquisitions().stream().map(ExamDose.Acquisition::ctdiVolMGy).toList()),
                dose.dlpTotalMGyCm(),
                highest(dose.acquisitions().stream().map(ExamDose.Acquisition::ssdeMGy).toList()),
                dose.dapTotalGyCm2(), dose.doseRpTotalMGy(), dose.fluoroTimeTotalS(), dose.partial());
    }

    /**
     * The unit that did the exam: its booked station; else the unit of the equipment records the header values
     * name (a known serial number or station name, so that a renamed station or a new AE title stays the same
     * unit: OpenREM's complaint); else the station name or calling AE title as sent. Either way the header values
     * are learnt as the unit's aliases.
     */
    private Optional<String> device(Attributes dataset, String sourceAeTitle, Optional<Exam> exam) {
        String stationName = blankToNull(dataset.getString(Tags.StationName));
        Optional<String> unit = equipment.identify(sourceAeTitle, blankToNull(dataset.getString(
                Tags.DeviceSerialNumber)), null, stationName).flatMap(found -> found.aeTitles().stream().findFirst());
        return exam.map(Exam::stationAeTitle).or(() -> unit).or(() -> Optional.ofNullable(stationName))
                .or(() -> Optional.ofNullable(sourceAeTitle));
    }

    /** The study's date and time as the modality wrote them, in the department's time zone. */
    private Optional<Instant> performed(Attributes dataset) {
        try {
            LocalDate date = DicomDateTime.parseDate(dataset.getString(Tags.StudyDate));
            if (date == null) {
                return Optional.empty();
            }
            String time = dataset.getString(Tags.StudyTime);
            LocalTime at = time == null || time.isBlank() ? LocalTime.NOON : DicomDateTime.parseTime(time);
            return Optional.of(date.atTime(at).atZone(clock.getZone()).toInstant());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private static Double highest(List<Double> values) {
        return values.stream().filter(Objects::nonNull).max(Double::compare).orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
