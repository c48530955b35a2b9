package io.hounsfield.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.events.DeliveredEvents;
import io.hounsfield.archive.store.StoreVerification;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.patient.PatientService;
import io.hounsfield.quality.reject.RejectReason;
import io.hounsfield.quality.reject.RejectionNote;
import io.hounsfield.scp.DicomListener;
import io.hounsfield.system.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 17's rejects (IHE IOCM): a rejected image is hidden from the radiologists' C-FIND and QIDO, which see an
 * exam only once released, stays in the store, its rejection note is retrievable by C-MOVE, and the analysis counts it.
 */
@HounsfieldIntegrationTest
class RejectsIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    ArchiveService archive;

    @Autowired
    DicomListener listener;

    @Autowired
    DicomPeerRegistry peers;

    @Autowired
    DataDirectory data;

    @Autowired
    ImageRejections rejections;

    @Autowired
    StoreVerification verification;

    @TempDir
    Path work;

    @Test
    void aRejectedImageIsWithheldFromReadingKeptRetrievableAndCounted() throws Exception {
        QualityImages images = new QualityImages(exams, patients, archive, clock);
        Exam exam = images.acquiredExam();
        Attributes kept = images.radiograph(exam, 1);
        Attributes rejected = images.radiograph(exam, 2);
        images.store(kept);
        images.store(rejected);
        String rejectedUid = rejected.getString(Tags.SOPInstanceUID);
        QualityChecksIT.awaitChecks(mvc, jdbc, exam.studyInstanceUid(), 2);
        peers.save(new DicomPeer("READING1", "Reading station", "127.0.0.1", 11114, null, null,
                Set.of(PeerPermission.QUERY, PeerPermission.RETRIEVE, PeerPermission.READING_STATION), true));

        long positioningBefore = rejected(csv(), "reason", "Positioning");
        long roomBefore = rejected(csv(), "room", "DX1 tech");
        mvc.perform(reject(exam, rejectedUid).param("confirmed", "false"))
                .andExpect(flash().attribute("error", Matchers.startsWith("Confirm")));
        mvc.perform(reject(exam, rejectedUid).param("confirmed", "true"))
                .andExpect(flash().attribute("message", Matchers.startsWith("Image rejected.")));
        mvc.perform(reject(exam, rejectedUid).param("confirmed", "true"))
                .andExpect(flash().attribute("error", "This image is already rejected."));

        // Before release the radiologist sees nothing of the exam; the technologist sees both images and the note.
        assertThat(qido("radiologist", exam)).isEmpty();
        assertThat(findImages("READING1", exam)).isEmpty();
        assertThat(qido("tech", exam)).hasSize(3).contains(rejectedUid);
        assertThat(findImages("VIEWER", exam)).hasSize(2);

        for (ExamState state : List.of(ExamState.QC_APPROVED, ExamState.RELEASED)) {
            exams.transition(exam.id(), state, LEAD, null);
        }
        List<String> read = qido("radiologist", exam);
        assertThat(read).hasSize(2).contains(kept.getString(Tags.SOPInstanceUID)).doesNotContain(rejectedUid);
        assertThat(findImages("READING1", exam)).hasSize(1);

        // Kept in the store, as the verify command reads it; the note is retrievable.
        assertThat(Files.walk(data.store()).filter(file -> file.getFileName().toString().startsWith(rejectedUid)))
                .hasSize(1);
        assertThat(verification.verify(checked -> { }).problems())
                .noneSatisfy(problem -> assertThat(problem.file() + problem.detail()).contains(rejectedUid));
        String noteUid = read.stream().filter(uid -> !uid.equals(kept.getString(Tags.SOPInstanceUID))).findFirst()
                .orElseThrow();
        assertThat(move(exam, noteUid)).hasSize(1);

        assertThat(rejected(csv(), "reason", "Positioning")).isEqualTo(positioningBefore + 1);
        assertThat(rejected(csv(), "room", "DX1 tech")).isEqualTo(roomBefore + 1);
        String page = mvc.perform(get("/quality/rejects").with(user("lead").roles("LEAD")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("By room").contains("bar-chart").contains("Positioning");
    }

    /** IHE IOCM "Rejection Note Stored": a note the modality sends withholds the images it references. */
    @Test
    void aRejectionNoteFromTheModalityWithholdsWhatItReferences() throws Exception {
        QualityImages images = new QualityImages(exams, patients, archive, clock);
        Exam exam = images.acquiredExam();
        Attributes image = images.radiograph(exam, 1);
        images.store(image);
        images.store(RejectionNote.of(image, RejectReason.MOTION_BLUR, null, clock.instant().atZone(clock.getZone())));
        DeliveredEvents.await(jdbc, "quality-checks");
        assertThat(rejections.reasons(exam.studyInstanceUid()))
                .containsEntry(image.getString(Tags.SOPInstanceUID), "Rejected for Quality Reasons: rejection note from DX1 tech");
        Attributes repeat = images.radiograph(exam, 2);
        images.store(repeat);
        DeliveredEvents.await(jdbc, "quality-checks");
        assertThat(rejections.reasons(exam.studyInstanceUid()).get(image.getString(Tags.SOPInstanceUID)))
                .endsWith("; repeated");
        for (ExamState state : List.of(ExamState.QC_APPROVED, ExamState.RELEASED)) {
            exams.transition(exam.id(), state, LEAD, null);
        }
        assertThat(qido("radiologist", exam)).hasSize(2).doesNotContain(image.getString(Tags.SOPInstanceUID))
                .contains(repeat.getString(Tags.SOPInstanceUID));
        assertThat(qido("tech", exam)).hasSize(3);
    }

    /** TG-151 per technologist: the exam's images, kept and rejected, count for whoever completed it in the cockpit. */
    @Test
    void theTechnologistWhoCompletedTheExamHasARejectRate() throws Exception {
        QualityImages images = new QualityImages(exams, patients, archive, clock);
        Exam exam = images.startedExam();
        Attributes kept = images.radiograph(exam, 1);
        Attributes rejected = images.radiograph(exam, 2);
        images.store(kept);
        images.store(rejected);
        QualityChecksIT.awaitChecks(mvc, jdbc, exam.studyInstanceUid(), 2);
        String technologist = "rate-tech-" + exam.id();
        assertThat(technologist(csv(), technologist)).isEmpty();

        mvc.perform(post("/exams/" + exam.id() + "/complete").with(user(technologist).roles("TECHNOLOGIST"))
                .with(csrf())).andExpect(flash().attribute("message", "Exam completed."));
        assertThat(technologist(csv(), technologist)).hasValue("0,2,0.0");
        rejections.reject(exam.studyInstanceUid(), rejected.getString(Tags.SOPInstanceUID), "111212", "burnt out",
                true, io.hounsfield.staff.DirectSupervision.none(), new Actor(technologist, "TECHNOLOGIST", "127.0.0.1"));

        // One of the two images acquired (the rejection note is no image of a radiograph's modality): 50%.
        assertThat(technologist(csv(), technologist)).hasValue("1,2,50.0");
        String page = mvc.perform(get("/quality/rejects").with(user("lead").roles("LEAD")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("By technologist").contains(technologist).contains("50.0% (1 of 2)");
    }

    /** The technologist's line of the analysis' CSV after the group: rejected, images, rate. */
    private static java.util.Optional<String> technologist(String csv, String name) {
        String prefix = "technologist,\"" + name + "\",";
        return csv.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> line.substring(prefix.length()));
    }

    private String csv() throws Exception {
        return mvc.perform(get("/quality/rejects.csv").with(user("physicist").roles("PHYSICIST"))).andReturn()
                .getResponse().getContentAsString();
    }

    /** The rejected count of one group in the analysis' CSV, 0 when the group is absent. */
    private static long rejected(String csv, String grouping, String group) {
        String prefix = grouping + ",\"" + group + "\",";
        return csv.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> Long.parseLong(line.substring(prefix.length()).split(",")[0])).orElse(0L);
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder reject(Exam exam, String sop) {
        return post("/exams/" + exam.id() + "/quality/reject").param("sopInstanceUid", sop).param("reason", "111209")
                .param("comment", "lung apex clipped").with(user("tech").roles("TECHNOLOGIST")).with(csrf());
    }

    private List<String> qido(String user, Exam exam) throws Exception {
        String body = mvc.perform(get("/dicom-web/studies/" + exam.studyInstanceUid() + "/instances")
                .with(httpBasic(user, "demo"))).andReturn().getResponse().getContentAsString();
        if (body.isBlank()) {
            return List.of();
        }
        JsonNode instances = new ObjectMapper().readTree(body);
        return Stream.of(instances).flatMap(node -> java.util.stream.StreamSupport.stream(node.spliterator(), false))
                .map(instance -> instance.get("00080018").get("Value").get(0).asString()).toList();
    }

    private List<String> findImages(String callingAe, Exam exam) throws Exception {
        Dcmtk.Run find = Dcmtk.run(work, "findscu", "-aet", callingAe, "-aec", "HOUNSFIELD", "-S",
                "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + exam.studyInstanceUid(),
                "-k", "SeriesInstanceUID=" + exam.studyInstanceUid() + ".1", "-k", "SOPInstanceUID", "127.0.0.1", String.valueOf(listener.port()));
        assertThat(find.exitCode()).as(find.output()).isZero();
        return find.output().lines().filter(line -> line.contains("(0008,0018)")).toList();
    }

    private List<Path> move(Exam exam, String sopUid) throws Exception {
        int port = Dcmtk.freePort();
        Path received = Files.createDirectories(work.resolve("moved"));
        Process destination = Dcmtk.startServer(work, port, "storescp", "-aet", "REJECTDEST", "+xa", "-od",
                received.toString(), String.valueOf(port));
        try {
            peers.save(new DicomPeer("REJECTDEST", "storescp of RejectsIT", "127.0.0.1", port, null, null,
                    Set.of(PeerPermission.MOVE_DESTINATION), true));
            Dcmtk.Run move = Dcmtk.run(work, "movescu", "-aet", "READING1", "-aec", "HOUNSFIELD", "-aem", "REJECTDEST",
                    "-S", "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + exam.studyInstanceUid(),
                    "-k", "SOPInstanceUID=" + sopUid, "127.0.0.1", String.valueOf(listener.port()));
            assertThat(move.exitCode()).as(move.output()).isZero();
            try (Stream<Path> files = Files.list(received)) {
                List<Path> moved = files.toList();
                for (Path file : moved) {
                    assertThat(Part10.read(file).dataset().getString(Tags.SOPInstanceUID)).isEqualTo(sopUid);
                }
                return moved;
            }
        } finally {
            Dcmtk.stop(destination);
        }
    }
}
