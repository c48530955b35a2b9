package io.hounsfield.dose;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.InstanceStored;
import io.hounsfield.archive.StudyQuiesced;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.archive.commands.ImportCommand;
import io.hounsfield.archive.events.DeliveredEvents;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dose.DoseReports.Num;
import io.hounsfield.dose.DoseReports.XrayEvent;
import io.hounsfield.equipment.Alias;
import io.hounsfield.equipment.AliasKind;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.Equipment;
import io.hounsfield.equipment.EquipmentService;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.scp.DicomListener;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 18: dose reports and images stored over DICOM (dcmtk's storescu as the modality) or imported from a folder
 * are read by the dose subscriber, listed by {@code GET /api/dose/reports} and added up per exam.
 */
@HounsfieldIntegrationTest
class DoseIT {
    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DicomListener listener;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    DoseService dose;

    @Autowired
    DoseSubscriber subscriber;

    @Autowired
    ImportCommand importCommand;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    DicomPeerRegistry peers;

    @Autowired
    EquipmentService equipment;

    @Autowired
    Clock clock;

    @TempDir
    Path work;

    @Test
    void reportsStoredOverDicomAreListedInFixedUnitsAndAddedUpPerExam() throws Exception {
        Exam exam = exam("CTHEAD", "CT1");
        TestStudies.Study study = studyOf(exam);
        List<Attributes> reports = reports(study);

        Dcmtk.Run store = storescu(reports);
        assertThat(store.exitCode()).as(store.output()).isZero();

        JsonNode listed = api(study.studyUid());
        assertThat(listed).hasSize(4);
        JsonNode first = listed.get(0);
        assertThat(first.get("sopInstanceUid").asString()).isEqualTo(reports.get(0).getString(Tags.SOPInstanceUID));
        assertThat(first.get("template").asString()).isEqualTo("TID10011");
        assertThat(first.get("irradiationEvents").asInt()).isEqualTo(2);
        assertThat(first.get("ctdiVolMGy").toString()).isEqualTo("[8.4,11.2]");
        assertThat(first.get("dlpMGyCm").toString()).isEqualTo("[312.6,498.3]");
        assertThat(first.get("dlpTotalMGyCm").asDouble()).isEqualTo(810.9);
        assertThat(first.get("dapTotalGyCm2").isNull()).isTrue();
        assertThat(first.get("partial").asBoolean()).isFalse();
        assertThat(listed.get(1).get("dlpTotalMGyCm").asDouble()).isEqualTo(1098.05);
        JsonNode fluoro = listed.get(2);
        assertThat(fluoro.get("template").asString()).isEqualTo("TID10001");
        assertThat(fluoro.get("eventDapGyCm2").toString()).isEqualTo("[12.3,4.56]");
        assertThat(fluoro.get("eventDoseRpMGy").toString()).isEqualTo("[15.4,6.2]");
        assertThat(fluoro.get("dapTotalGyCm2").asDouble()).isEqualTo(16.86);
        assertThat(fluoro.get("doseRpTotalMGy").asDouble()).isEqualTo(21.6);
        assertThat(fluoro.get("fluoroTimeTotalS").asDouble()).isEqualTo(150.0);
        assertThat(fluoro.get("ctdiVolMGy").toString()).isEqualTo("[]");
        JsonNode malformed = listed.get(3);
        assertThat(malformed.get("partial").asBoolean()).isTrue();
        assertThat(malformed.get("problems").toString()).contains("is not a number: \\\"4,5\\\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'DOSE_REPORTS_VIEWED' AND object_id = ?")
                .param(study.studyUid()).query(Long.class).single()).isEqualTo(1);

        ExamDose total = dose.examDose(exam);
        assertThat(total.acquisitions()).extracting(ExamDose.Acquisition::label)
                .containsExactly("Chest", "Abdomen", "Pelvis delayed", "Head");
        assertThat(total.dlpTotalMGyCm()).as("the continued report replaces the first; the malformed one adds")
                .isEqualTo(1098.05 + 20.0);
        assertThat(total.dapTotalGyCm2()).isEqualTo(16.86);
        assertThat(total.fluoroTimeTotalS()).isEqualTo(150.0);
        assertThat(total.partial()).isTrue();

        String page = mvc.perform(get("/exams/" + exam.id()).with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(UTF_8);
        assertThat(page).contains("Radiation dose", "Pelvis delayed", "1118.05", "16.860", "2 min 30 s",
                "is not a number");
    }

    @Test
    void aDeliveryRepeatedChangesNothing() throws Exception {
        Exam exam = exam("CTHEAD", "CT1");
        TestStudies.Study study = studyOf(exam);
        Attributes report = reports(study).get(0);
        assertThat(storescu(List.of(report)).exitCode()).isZero();
        String before = api(study.studyUid()).toString();

        subscriber.onInstanceStored(new InstanceStored(study.studyUid(), report.getString(Tags.SeriesInstanceUID),
                report.getString(Tags.SOPInstanceUID), study.accessionNumber(), "CT1", false));

        assertThat(api(study.studyUid()).toString()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM dose_event e JOIN dose_report r ON r.id = e.report_id"
                + " WHERE r.study_instance_uid = ?").param(study.studyUid()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anImportedFolderGivesTheSameRowsAsDicomStorage() throws Exception {
        TestStudies.Study stored = TestStudies.Study.of("DOSE-IMP-1", "IMPORT^IRMA", "DOSEIMP1", "20261201");
        TestStudies.Study imported = TestStudies.Study.of("DOSE-IMP-2", "IMPORT^IRMA", "DOSEIMP2", "20261201");
        assertThat(storescu(reports(stored)).exitCode()).isZero();
        Path folder = work.resolve("import");
        for (Attributes report : reports(imported)) {
            DoseReports.write(folder, report);
        }

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = importCommand.run(List.of(folder.toString()), new PrintStream(output, true, UTF_8));
        assertThat(exitCode).as(output.toString(UTF_8)).isZero();
        DeliveredEvents.await(jdbc, "dose");

        assertThat(withoutUids(api(imported.studyUid()))).hasSize(4)
                .containsExactlyInAnyOrderElementsOf(withoutUids(api(stored.studyUid())));
    }

    @Test
    void imageHeadersGiveTheDoseOfExamsWithoutAReport() throws Exception {
        Exam ct = exam("CTHEAD", "CT1");
        TestStudies.Study ctStudy = studyOf(ct);
        String series = TestStudies.newUid();
        assertThat(storescu(List.of(DoseReports.ctImage(ctStudy, series, 1, 12.0),
                DoseReports.ctImage(ctStudy, series, 2, 13.0))).exitCode()).isZero();
        Exam dx = exam("XRPELVIS", "DX1");
        TestStudies.Study dxStudy = studyOf(dx);
        String dxSeries = TestStudies.newUid();
        assertThat(storescu(List.of(DoseReports.dxImage(dxStudy, dxSeries, 1, "12.5", "0.8", "0.3"),
                DoseReports.dxImage(dxStudy, dxSeries, 2, "7.25", "0.5", "-0.2"))).exitCode()).isZero();

        ExamDose ctDose = dose.examDose(ct);
        assertThat(ctDose.source()).isEqualTo("image headers");
        assertThat(ctDose.acquisitions()).extracting(ExamDose.Acquisition::ctdiVolMGy).containsExactly(12.5);
        ExamDose dxDose = dose.examDose(dx);
        assertThat(dxDose.events()).extracting(ExamDose.Event::dapGyCm2).containsExactly(1.25, 0.725);
        assertThat(dxDose.dapTotalGyCm2()).isEqualTo(1.975);
        assertThat(api(ctStudy.studyUid())).as("no dose report").isEmpty();
        String page = mvc.perform(get("/exams/" + dx.id()).with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(UTF_8);
        assertThat(page).contains("Read from the image headers", "1.975", "Deviation index", "-0.2");

        subscriber.onStudyQuiesced(new StudyQuiesced(ct.studyInstanceUid(), ct.accessionNumber()));
        subscriber.onStudyQuiesced(new StudyQuiesced(dx.studyInstanceUid(), dx.accessionNumber()));
        assertThat(jdbc.sql("SELECT ctdivol_mgy FROM dose_exam WHERE exam_id = ?").param(ct.id()).query(Double.class)
                .single()).isEqualTo(12.5);
        assertThat(jdbc.sql("SELECT dap_total_gy_cm2 FROM dose_exam WHERE exam_id = ?").param(dx.id())
                .query(Double.class).single()).isEqualTo(1.975);
    }


    @Test
    void aReportFromANewAeTitleWithCt1sSerialNumberIsKeptUnderCt1() throws Exception {
        peers.save(new DicomPeer("CTROOM1NEW", "CT1 after a software upgrade", "127.0.0.1", null, "CT", null,
                EnumSet.of(PeerPermission.STORE), true));
        TestStudies.Study study = new TestStudies.Study(TestStudies.newUid(), "DOSE-UNBOOKED", "UNBOOKED^CT", "",
                "20261201", "CT");
        Attributes report = DoseReports.ct(study, DoseReports.acquisitions("Head", "41.2", "610", "mGy.cm"),
                new Num("610", "mGy.cm"));
        report.setString(Tags.DeviceSerialNumber, VR.LO, "CT-104233");
        report.setString(Tags.StationName, VR.SH, "CT1 UPGRADED");

        Dcmtk.Run store = storescu("CTROOM1NEW", List.of(report));
        assertThat(store.exitCode()).as(store.output()).isZero();

        assertThat(jdbc.sql("SELECT room FROM dose_exam WHERE study_instance_uid = ?").param(study.studyUid())
                .query(String.class).single()).as("the unit by its serial number, not the new AE title").isEqualTo("CT1");
        Equipment ct1 = equipment.forAeTitle("CT1").orElseThrow();
        assertThat(equipment.aliases(ct1.id())).extracting(Alias::kind, Alias::value)
                .contains(org.assertj.core.groups.Tuple.tuple(AliasKind.STATION_NAME, "CT1 UPGRADED"));
    }

    @Test
    void theApiNeedsADoseRoleAndAStudy() throws Exception {
        mvc.perform(get("/api/dose/reports").param("studyInstanceUid", "1.2.3")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/dose/reports").param("studyInstanceUid", "1.2.3").with(httpBasic("student", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/dose/reports").with(httpBasic("physicist", "demo"))).andExpect(status().isBadRequest());
    }

    /** A CT report, its continuation, a fluoroscopy report in the other unit convention, and a malformed one. */
    static List<Attributes> reports(TestStudies.Study study) {
        List<DoseReports.CtAcquisition> first = DoseReports.acquisitions("Chest", "8.4", "312.6", "mGy.cm",
                "Abdomen", "11.2", "498.3", "mGy.cm");
        List<DoseReports.CtAcquisition> continued = new ArrayList<>(first);
        continued.addAll(DoseReports.acquisitions("Pelvis delayed", "10.9", "287.15", "mGycm"));
        return List.of(DoseReports.ct(study, first, new Num("810.9", "mGy.cm")),
                DoseReports.ct(study, continued, new Num("1.09805", "Gy.cm")),
                DoseReports.projection(study, List.of(
                        new XrayEvent("Fluoro", TestStudies.newUid(), new Num("12300", "mGy.cm2"), new Num("15.4", "mGy")),
                        new XrayEvent("Cine", TestStudies.newUid(), new Num("0.000456", "Gym2"), new Num("0.0062", "Gy"))),
                        new Num("0.001686", "Gy.m2"), new Num("21.6", "mGy"), new Num("2.5", "min")),
                DoseReports.ct(study, DoseReports.acquisitions("Head", "4,5", "20", "mGy.cm"), new Num("20", "mGy.cm")));
    }

    private JsonNode api(String studyUid) throws Exception {
        DeliveredEvents.await(jdbc, "dose");
        String body = mvc.perform(get("/api/dose/reports").param("studyInstanceUid", studyUid)
                .with(httpBasic("tech", "demo"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(UTF_8);
        return JSON.readTree(body);
    }

    private static List<JsonNode> withoutUids(JsonNode reports) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode report : reports) {
            ObjectNode copy = (ObjectNode) report.deepCopy();
            copy.remove("sopInstanceUid");
            rows.add(copy);
        }
        return rows;
    }

    private Exam exam(String procedure, String station) {
        long patient = patients.register(new PatientIdentifier("HOSP", "DOSE-" + System.nanoTime() % 1_000_000_000L),
                Demographics.named("Okafor", "Ada", LocalDate.of(1968, 3, 14), Sex.F), LEAD).id();
        return exams.schedule(new NewExam(null, patient, procedure, null, Priority.ROUTINE, station, clock.instant(),
                null, null), LEAD);
    }

    private TestStudies.Study studyOf(Exam exam) {
        String mrn = patients.get(exam.patientId()).identifier().value();
        return new TestStudies.Study(exam.studyInstanceUid(), mrn, "OKAFOR^ADA", exam.accessionNumber(), "20261201",
                "CT");
    }

    private Dcmtk.Run storescu(List<Attributes> datasets) throws Exception {
        return storescu("CT1", datasets);
    }

    private Dcmtk.Run storescu(String aeTitle, List<Attributes> datasets) throws Exception {
        Path folder = work.resolve("store-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of("storescu", "-aet", aeTitle, "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port())));
        for (Attributes dataset : datasets) {
            command.add(DoseReports.write(folder, dataset).toString());
        }
        Dcmtk.Run run = Dcmtk.run(work, command.toArray(String[]::new));
        DeliveredEvents.await(jdbc, "dose");
        return run;
    }
}
