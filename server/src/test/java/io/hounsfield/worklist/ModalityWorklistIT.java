package io.hounsfield.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.Actor;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.contrast.ContrastService;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.Priority;
import io.hounsfield.order.NewOrder;
import io.hounsfield.order.OrderService;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.PregnancyStatus;
import io.hounsfield.patient.Sex;
import io.hounsfield.scp.DicomListener;
import io.hounsfield.system.HounsfieldException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** dcmtk's findscu -W as the modality, against the demo department's day. */
@HounsfieldIntegrationTest
class ModalityWorklistIT {


    @Autowired
    DicomListener listener;

    @Autowired
    Clock clock;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    OrderService orders;

    @Autowired
    ProcedureCatalog catalog;

    @Autowired
    ContrastService contrast;

    @TempDir
    Path responses;

    /** One "today" for the whole test, even when it runs across midnight. */
    private final LocalDate day;
    private final String today;

    ModalityWorklistIT(@Autowired Clock clock) {
        day = LocalDate.now(clock);
        today = day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    @Test
    void ct1GetsTodaysOpenCtExamsForCt1WithTheirReturnKeys() throws Exception {
        Exam knee = scheduleCtKnee();

        List<Attributes> worklist = findscu("CT1", "-k", "(0040,0100)[0].ScheduledStationAETitle=CT1",
                "-k", "(0040,0100)[0].Modality=CT", "-k", "(0040,0100)[0].ScheduledProcedureStepStartDate=" + today);

        List<String> expected = exams.booked(EnumSet.of(ExamState.SCHEDULED, ExamState.ARRIVED, ExamState.VERIFIED,
                                ExamState.IN_PROGRESS),
                        day.atStartOfDay(ZoneId.systemDefault()).toInstant(),
                        day.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant(), "CT1")
                .stream().filter(exam -> catalog.get(exam.procedureCode()).modality().equals("CT"))
                .filter(exam -> exams.activeHold(exam.id()).isEmpty())
                .filter(this::contrastLetsItStart)
                .map(Exam::accessionNumber).toList();
        assertThat(expected).contains(knee.accessionNumber());
        assertThat(worklist).extracting(entry -> entry.getString(Tags.AccessionNumber))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(worklist).allSatisfy(entry -> {
            Attributes step = entry.getSequence(Tags.ScheduledProcedureStepSequence).get(0);
            assertThat(step.getString(Tags.ScheduledStationAETitle)).isEqualTo("CT1");
            assertThat(step.getString(Tags.Modality)).isEqualTo("CT");
        });

        Attributes entry = worklist.stream()
                .filter(found -> knee.accessionNumber().equals(found.getString(Tags.AccessionNumber))).findFirst().orElseThrow();
        assertThat(entry.getString(Tags.PatientName)).isEqualTo("Wong^Mei^Ling");
        assertThat(entry.getString(Tags.PatientID)).isEqualTo("MWL-1");
        assertThat(entry.getString(Tags.IssuerOfPatientID)).isEqualTo("HOSP");
        assertThat(entry.getString(Tags.PatientBirthDate)).isEqualTo("19900215");
        assertThat(entry.getString(Tags.PatientSex)).isEqualTo("F");
        assertThat(entry.getString(Tags.Allergies)).isEqualTo("Iodinated contrast");
        assertThat(entry.getInt(Tags.PregnancyStatus, 0)).isEqualTo(2);
        assertThat(entry.getString(Tags.StudyInstanceUID)).isEqualTo(knee.studyInstanceUid());
        assertThat(entry.getString(Tags.RequestedProcedureDescription)).isEqualTo("CT knee without contrast");
        assertThat(entry.getString(Tags.RequestedProcedurePriority)).isEqualTo("HIGH");
        assertThat(entry.getString(Tags.ReasonForTheRequestedProcedure)).isEqualTo("Twisting injury");
        Attributes step = entry.getSequence(Tags.ScheduledProcedureStepSequence).get(0);
        assertThat(step.getString(Tags.ScheduledProcedureStepStartDate)).isEqualTo(today);
        assertThat(step.getString(Tags.ScheduledProcedureStepStartTime)).startsWith("2330");
        assertThat(step.getString(Tags.ScheduledProcedureStepDescription)).isEqualTo("CT knee without contrast — LEFT");
        assertThat(step.getString(Tags.ScheduledProcedureStepID)).isEqualTo("SPS" + knee.id());
        assertThat(step.getString(Tags.ScheduledProcedureStepStatus)).isEqualTo("SCHEDULED");
        assertThat(step.getSequence(Tags.ScheduledProtocolCodeSequence).get(0).getString(Tags.CodeValue))
                .isEqualTo("CT-KNEE");
    }

    @Test
    void aPatientBasedQueryMatchesNameWildcards() throws Exception {
        Exam knee = scheduleCtKnee();

        List<Attributes> worklist = findscu("CT1", "-k", "PatientName=WONG^M*", "-k", "PatientID=MWL-1");

        assertThat(worklist).extracting(entry -> entry.getString(Tags.AccessionNumber)).contains(knee.accessionNumber())
                .allSatisfy(accession -> assertThat(exams.findByAccession(accession).orElseThrow().patientId())
                        .isEqualTo(knee.patientId()));
    }

    /** PS3.5 §6.1.2.5.3: the answer is in the request's character set where the values fit, else in UTF-8. */
    @Test
    void aLatin1QueryIsAnsweredInLatin1AndAUtf8QueryInUtf8() throws Exception {
        Actor lead = new Actor("lead", "LEAD", "127.0.0.1");
        String patientId = "MWL-L1-" + System.nanoTime();
        long patient = patients.register(new PatientIdentifier("HOSP", patientId), new Demographics("Lefèvre",
                "Hélène", null, LocalDate.of(1971, 5, 3), Sex.F, "fra", null, PregnancyStatus.NOT_PREGNANT, null,
                null), lead).id();
        orders.place(new NewOrder("EHR", "MWL-" + System.nanoTime(), patient, "CTHEAD", null,
                Priority.ROUTINE, "Fall", "House, Gregory", "CT1",
                day.atTime(LocalTime.of(23, 40)).atZone(ZoneId.systemDefault()).toInstant(), null, null), lead);

        for (String charset : new String[] {"ISO_IR 100", "ISO_IR 192"}) {
            clearResponses();
            List<Attributes> worklist = findscu("CT1", "-k", "SpecificCharacterSet=" + charset, "-k",
                    "PatientID=" + patientId);
            assertThat(worklist).as(charset).hasSize(1);
            Attributes entry = worklist.get(0);
            assertThat(entry.getString(Tags.SpecificCharacterSet)).isEqualTo(charset);
            String name = entry.getString(Tags.PatientName);
            assertThat(name).containsIgnoringCase("Lefèvre").containsIgnoringCase("Hélène");
            byte[] encoded = name.getBytes(charset.equals("ISO_IR 100") ? java.nio.charset.StandardCharsets.ISO_8859_1
                    : java.nio.charset.StandardCharsets.UTF_8);
            try (Stream<Path> files = Files.list(responses)) {
                byte[] file = Files.readAllBytes(files.filter(path -> path.getFileName().toString().startsWith("rsp"))
                        .findFirst().orElseThrow());
                assertThat(indexOf(file, encoded)).as("the name's bytes in " + charset).isNotNegative();
            }
        }
    }

    private void clearResponses() throws Exception {
        try (Stream<Path> files = Files.list(responses)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Issue 12 point 5 (IHE SWF): pressing Start must not take the exam off the modality's worklist. */
    @Test
    void anExamUnderWayStaysOnItsStationsWorklistAndAHeldExamIsNotOffered() throws Exception {
        Actor lead = new Actor("lead", "LEAD", "127.0.0.1");
        Exam started = scheduleCtKnee();
        for (ExamState state : new ExamState[] {ExamState.ARRIVED, ExamState.VERIFIED, ExamState.IN_PROGRESS}) {
            exams.transition(started.id(), state, lead, null);
        }
        Exam held = scheduleCtKnee();
        exams.transition(held.id(), ExamState.ARRIVED, lead, null);
        exams.placeHold(held.id(), "Patient says RIGHT knee, LEFT ordered", Laterality.R, lead);

        List<Attributes> worklist = findscu("CT1", "-k", "(0040,0100)[0].ScheduledStationAETitle=CT1",
                "-k", "PatientID=MWL-1");

        assertThat(worklist).extracting(entry -> entry.getString(Tags.AccessionNumber))
                .contains(started.accessionNumber()).doesNotContain(held.accessionNumber());
        Attributes entry = worklist.stream()
                .filter(found -> started.accessionNumber().equals(found.getString(Tags.AccessionNumber)))
                .findFirst().orElseThrow();
        assertThat(entry.getSequence(Tags.ScheduledProcedureStepSequence).get(0)
                .getString(Tags.ScheduledProcedureStepStatus)).isEqualTo("STARTED");
    }

    @Test
    void anUnknownAeTitleIsRefused() throws Exception {
        Dcmtk.Run refused = findscuRun("STRANGER");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).containsIgnoringCase("Calling AE Title Not Recognized");
    }

    @Test
    void aPeerNotAllowedTheWorklistGetsNoEntries() throws Exception {
        List<Attributes> worklist = findscu("VIEWER");
        assertThat(worklist).isEmpty();
    }

    private Exam scheduleCtKnee() {
        Actor lead = new Actor("lead", "LEAD", "127.0.0.1");
        long patient = patients.register(new PatientIdentifier("HOSP", "MWL-1"), new Demographics("Wong", "Mei", "Ling",
                LocalDate.of(1990, 2, 15), Sex.F, "zho", "Iodinated contrast", PregnancyStatus.POSSIBLY_PREGNANT, null,
                null), lead).id();
        return orders.place(new NewOrder("EHR", "MWL-" + System.nanoTime(), patient, "CTKNEE", Laterality.L,
                Priority.URGENT, "Twisting injury", "House, Gregory", "CT1",
                day.atTime(LocalTime.of(23, 30)).atZone(ZoneId.systemDefault()).toInstant(), null, null), lead);
    }

    /** Runs findscu -W with the return keys of a typical modality plus {@code keys}; returns the responses. */
    private List<Attributes> findscu(String callingAeTitle, String... keys) throws Exception {
        Dcmtk.Run run = findscuRun(callingAeTitle, keys);
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<Attributes> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(responses)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("rsp")).sorted().toList()) {
                found.add(Part10.read(file).dataset());
            }
        }
        return found;
    }

    private Dcmtk.Run findscuRun(String callingAeTitle, String... keys) throws Exception {
        List<String> command = new ArrayList<>(List.of("findscu", "-W", "-X", "-od", responses.toString(),
                "-aet", callingAeTitle, "-aec", "HOUNSFIELD",
                "-k", "AccessionNumber", "-k", "PatientName", "-k", "PatientID", "-k", "IssuerOfPatientID",
                "-k", "PatientBirthDate", "-k", "PatientSex", "-k", "Allergies", "-k", "PregnancyStatus",
                "-k", "StudyInstanceUID", "-k", "RequestedProcedureDescription", "-k", "RequestedProcedurePriority",
                "-k", "ReasonForTheRequestedProcedure",
                "-k", "(0040,0100)[0].ScheduledStationAETitle", "-k", "(0040,0100)[0].Modality",
                "-k", "(0040,0100)[0].ScheduledProcedureStepStartDate",
                "-k", "(0040,0100)[0].ScheduledProcedureStepStartTime",
                "-k", "(0040,0100)[0].ScheduledProcedureStepDescription",
                "-k", "(0040,0100)[0].ScheduledProcedureStepID", "-k", "(0040,0100)[0].ScheduledProcedureStepStatus",
                "-k", "(0040,0100)[0].ScheduledProtocolCodeSequence[0].CodeValue"));
        command.addAll(List.of(keys));
        command.addAll(List.of("127.0.0.1", String.valueOf(listener.port())));
        return Dcmtk.run(responses.getParent(), command.toArray(String[]::new));
    }

    /** Other tests in this context leave exams whose contrast was cancelled or whose premedication wait runs. */
    private boolean contrastLetsItStart(Exam exam) {
        try {
            contrast.checkMayStart(exam);
            return true;
        } catch (HounsfieldException refused) {
            return false;
        }
    }
}
