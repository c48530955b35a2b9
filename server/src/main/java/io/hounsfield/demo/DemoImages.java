package io.hounsfield.demo;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.StoreBatch;
import io.hounsfield.archive.StoreResult;
import io.hounsfield.catalog.Procedure;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientService;
import io.hounsfield.system.UidGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The images of the demo day's finished exams, stored through the archive's ingest like any upload, so that the
 * cockpit, the viewer and the automatic checks have something to show. A finished exam without images gets them at
 * start; the last radiograph of the day is overexposed (Deviation Index +3.4), for its quality review.
 */
@Component
@ConditionalOnExpression("${hounsfield.demo:false} and ${hounsfield.demo-images:true}")
class DemoImages {

    private static final Logger log = LoggerFactory.getLogger(DemoImages.class);
    private static final EnumSet<ExamState> FINISHED = EnumSet.of(ExamState.ACQUIRED, ExamState.QC_APPROVED,
            ExamState.RELEASED);
    private static final Duration REACH = Duration.ofHours(12);
    private static final double TARGET_EXPOSURE_INDEX = 400;

    private final ExamService exams;
    private final PatientService patients;
    private final ProcedureCatalog catalog;
    private final ArchiveService archive;
    private final Clock clock;

    DemoImages(ExamService exams, PatientService patients, ProcedureCatalog catalog, ArchiveService archive,
            Clock clock) {
        this.exams = exams;
        this.patients = patients;
        this.catalog = catalog;
        this.archive = archive;
        this.clock = clock;
    }

    /** After the demo day is booked and committed (application runners come before this event). */
    @EventListener(ApplicationReadyEvent.class)
    void storeImages() {
        Instant now = clock.instant();
        List<Exam> finished = exams.booked(FINISHED, now.minus(REACH), now, null).stream()
                .filter(exam -> archive.instanceCount(exam.studyInstanceUid()) == 0)
                .sorted(Comparator.comparing(Exam::scheduledStart)).toList();
        Exam lastRadiograph = finished.stream().filter(exam -> modality(exam).equals("DX"))
                .reduce((first, second) -> second).orElse(null);
        for (Exam exam : finished) {
            store(exam, exam == lastRadiograph);
        }
        if (!finished.isEmpty()) {
            log.info("Demo: stored the images of {} finished exams", finished.size());
        }
    }

    private void store(Exam exam, boolean overexposed) {
        StoreBatch batch = StoreBatch.of("DEMO", "demo", exam.studyInstanceUid());
        try {
            for (Attributes image : images(exam, overexposed)) {
                StoreResult result = archive.store(image, batch);
                if (result.outcome() != StoreResult.Outcome.STORED) {
                    log.warn("Demo image of {}: {} {}", exam.accessionNumber(), result.outcome(), result.detail());
                }
            }
        } finally {
            archive.finished(batch);
        }
    }

    private List<Attributes> images(Exam exam, boolean overexposed) {
        Attributes study = study(exam);
        long seed = exam.accessionNumber().hashCode();
        return switch (modality(exam)) {
            case "DX" -> List.of(radiograph(study, seed, 1, "PA", false, 0.2),
                    radiograph(study, seed, 2, "LL", true, overexposed ? 3.4 : -0.3));
            case "CT" -> slices(5, number -> grey(study, Uids.CTImageStorage, 256, 12,
                    SyntheticImages.ctSlice(256, seed, number), number, "40", "400", -1024));
            case "MR" -> slices(4, number -> grey(study, Uids.MRImageStorage, 256, 12,
                    SyntheticImages.mrSlice(256, seed, number), number, "600", "1200", 0));
            default -> List.of(ultrasound(study, seed));
        };
    }

    /** What every image of the exam's study carries: patient, study and the room it was taken in. */
    private Attributes study(Exam exam) {
        Patient patient = patients.get(exam.patientId());
        Procedure procedure = catalog.get(exam.procedureCode());
        var day = exam.scheduledStart().atZone(clock.getZone());
        Attributes study = new Attributes();
        study.setString(Tags.PatientName, VR.PN, patient.demographics().familyName().toUpperCase()
                + "^" + (patient.demographics().givenName() == null ? "" : patient.demographics().givenName()));
        study.setString(Tags.PatientID, VR.LO, patient.identifier().value());
        study.setString(Tags.IssuerOfPatientID, VR.LO, patient.identifier().issuer());
        if (patient.demographics().birthDate() != null) {
            study.setDate(Tags.PatientBirthDate, patient.demographics().birthDate());
        }
        study.setString(Tags.PatientSex, VR.CS, patient.demographics().sex() == null ? ""
                : patient.demographics().sex().name());
        study.setString(Tags.StudyInstanceUID, VR.UI, exam.studyInstanceUid());
        study.setString(Tags.SeriesInstanceUID, VR.UI, UidGenerator.newUid());
        study.setString(Tags.AccessionNumber, VR.SH, exam.accessionNumber());
        study.setString(Tags.StudyDate, VR.DA, day.format(DateTimeFormatter.BASIC_ISO_DATE));
        study.setString(Tags.StudyTime, VR.TM, day.format(DateTimeFormatter.ofPattern("HHmmss")));
        study.setString(Tags.SeriesDate, VR.DA, day.format(DateTimeFormatter.BASIC_ISO_DATE));
        study.setString(Tags.StudyDescription, VR.LO, procedure.name());
        study.setString(Tags.SeriesDescription, VR.LO, procedure.name());
        study.setString(Tags.Modality, VR.CS, procedure.modality());
        study.setString(Tags.BodyPartExamined, VR.CS, procedure.bodyPart());
        study.setString(Tags.StationName, VR.SH, exam.stationAeTitle());
        study.setString(Tags.Manufacturer, VR.LO, "Hounsfield demo");
        study.setString(Tags.StudyID, VR.SH, "1");
        study.setInts(Tags.SeriesNumber, VR.IS, 1);
        if (exam.laterality() != null) {
            study.setString(Tags.Laterality, VR.CS, exam.laterality().name());
        }
        return study;
    }

    /** A radiograph with its exposure indices (IEC 62494-1): EI from the target and the Deviation Index wanted. */
    private static Attributes radiograph(Attributes study, long seed, int number, String view, boolean lateral,
            double deviationIndex) {
        Attributes image = grey(study, Uids.DigitalXRayImageStorageForPresentation, 512, 12,
                SyntheticImages.chest(512, seed + number, lateral), number, "2000", "3600", 0);
        image.setString(Tags.ViewPosition, VR.CS, view);
        if (study.contains(Tags.Laterality)) {
            image.setString(Tags.ImageLaterality, VR.CS, study.getString(Tags.Laterality));
        }
        double exposureIndex = TARGET_EXPOSURE_INDEX * Math.pow(10, deviationIndex / 10);
        image.setDoubles(Tags.ExposureIndex, VR.DS, Math.round(exposureIndex));
        image.setDoubles(Tags.TargetExposureIndex, VR.DS, TARGET_EXPOSURE_INDEX);
        image.setDoubles(Tags.DeviationIndex, VR.DS, deviationIndex);
        image.setDoubles(Tags.KVP, VR.DS, lateral ? 110 : 100);
        image.setInts(Tags.ExposureInuAs, VR.IS, lateral ? 4000 : 2000);
        image.setDoubles(Tags.ImageAndFluoroscopyAreaDoseProduct, VR.DS, lateral ? 0.9 : 0.45);
        image.setDoubles(Tags.EntranceDoseInmGy, VR.DS, lateral ? 0.35 : 0.15);
        return image;
    }

    private static List<Attributes> slices(int count, IntFunction<Attributes> slice) {
        return IntStream.rangeClosed(1, count).mapToObj(slice).toList();
    }

    private static Attributes grey(Attributes study, String sopClassUid, int size, int bitsStored, short[] pixels,
            int number, String windowCentre, String windowWidth, int rescaleIntercept) {
        Attributes image = copy(study);
        image.setString(Tags.SOPClassUID, VR.UI, sopClassUid);
        image.setString(Tags.SOPInstanceUID, VR.UI, UidGenerator.newUid());
        image.setInts(Tags.InstanceNumber, VR.IS, number);
        image.setInts(Tags.SamplesPerPixel, VR.US, 1);
        image.setString(Tags.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        image.setInts(Tags.Rows, VR.US, size);
        image.setInts(Tags.Columns, VR.US, size);
        image.setInts(Tags.BitsAllocated, VR.US, 16);
        image.setInts(Tags.BitsStored, VR.US, bitsStored);
        image.setInts(Tags.HighBit, VR.US, bitsStored - 1);
        image.setInts(Tags.PixelRepresentation, VR.US, 0);
        image.setString(Tags.WindowCenter, VR.DS, windowCentre);
        image.setString(Tags.WindowWidth, VR.DS, windowWidth);
        if (sopClassUid.equals(Uids.CTImageStorage)) {
            image.setString(Tags.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
            image.setDoubles(Tags.RescaleIntercept, VR.DS, rescaleIntercept);
            image.setDoubles(Tags.RescaleSlope, VR.DS, 1);
            // Typical adult values (AAPM and ACR reference levels are 75 mGy for the head, 25 for the abdomen).
            image.setDoubles(Tags.CTDIvol, VR.FD, "HEAD".equals(image.getString(Tags.BodyPartExamined)) ? 52 : 11.5);
            image.setDoubles(Tags.KVP, VR.DS, 120);
        }
        byte[] bytes = new byte[pixels.length * 2];
        for (int i = 0; i < pixels.length; i++) {
            bytes[2 * i] = (byte) pixels[i];
            bytes[2 * i + 1] = (byte) (pixels[i] >> 8);
        }
        image.setValue(Tags.PixelData, VR.OW, bytes);
        return image;
    }

    private static Attributes ultrasound(Attributes study, long seed) {
        Attributes image = copy(study);
        image.setString(Tags.SOPClassUID, VR.UI, Uids.UltrasoundImageStorage);
        image.setString(Tags.SOPInstanceUID, VR.UI, UidGenerator.newUid());
        image.setInts(Tags.InstanceNumber, VR.IS, 1);
        image.setInts(Tags.SamplesPerPixel, VR.US, 1);
        image.setString(Tags.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        image.setInts(Tags.Rows, VR.US, 240);
        image.setInts(Tags.Columns, VR.US, 320);
        image.setInts(Tags.BitsAllocated, VR.US, 8);
        image.setInts(Tags.BitsStored, VR.US, 8);
        image.setInts(Tags.HighBit, VR.US, 7);
        image.setInts(Tags.PixelRepresentation, VR.US, 0);
        image.setValue(Tags.PixelData, VR.OB, SyntheticImages.ultrasound(320, 240, seed));
        return image;
    }

    private static Attributes copy(Attributes study) {
        Attributes copy = new Attributes();
        for (int i = 0; i < study.size(); i++) {
            copy.setValue(study.tagAt(i), study.vrAt(i), study.valueAt(i));
        }
        return copy;
    }

    private String modality(Exam exam) {
        return catalog.get(exam.procedureCode()).modality();
    }
}
