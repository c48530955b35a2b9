package io.hounsfield.archive.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.ServerProcess;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.io.Reader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 15, the event IT: the packaged server, with delivery paused so that it cannot happen before the kill, takes
 * one image of a scheduled exam (Success, so its outbox row is committed) and is killed with -9. Started again
 * without the pause, it delivers the event it had recorded: the exam has started once, with one history entry, and
 * {@code /api/changes} lists the instance once.
 */
class ArchiveEventDurabilityIT {
    /** Generous: a loaded build machine has taken three minutes to start the packaged server with demo data. */
    private static final Duration STARTUP = Duration.ofMinutes(8);

    @TempDir
    Path work;

    @Test
    void anEventRecordedBeforeAKillIsDeliveredOnceAfterTheRestart() throws Exception {
        Path dataDir = Path.of("target", "it-data", "events-" + UUID.randomUUID()).toAbsolutePath();
        int dicomPort = ServerProcess.freePort();
        Exam exam;
        String sopInstanceUid;
        try (ServerProcess server = start(dataDir, dicomPort, true, true)) {
            server.awaitHealthy(STARTUP);
            try (Connection connection = connect(dataDir)) {
                JdbcClient jdbc = jdbc(connection);
                exam = anExamNotStarted(jdbc);
                Path folder = work.resolve("image");
                Path image = TestStudies.write(folder, new TestStudies.Study(exam.studyInstanceUid(), exam.patientId(),
                        exam.patientName(), exam.accessionNumber(), "20261202", "CT"), 1, 1,
                        TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0);
                sopInstanceUid = Part10.read(image).dataset().getString(Tags.SOPInstanceUID);

                Dcmtk.Run store = Dcmtk.run(work, "storescu", "-v", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                        String.valueOf(dicomPort), image.toString());
                assertThat(store.exitCode()).as(store.output()).isZero();
                assertThat(store.output()).contains("Received Store Response (Success)");

                assertThat(jdbc.sql("SELECT count(*) FROM archive_event WHERE sop_instance_uid = ?")
                        .param(sopInstanceUid).query(Long.class).single()).as("recorded with the store").isEqualTo(1);
                assertThat(state(jdbc, exam)).as("not delivered while paused").isNotEqualTo("IN_PROGRESS");
            }
            server.kill();
        }

        try (ServerProcess restarted = start(dataDir, dicomPort, false, false)) {
            restarted.awaitHealthy(STARTUP);
            try (Connection connection = connect(dataDir)) {
                JdbcClient jdbc = jdbc(connection);
                DeliveredEvents.awaitExamWorkflow(jdbc);

                assertThat(state(jdbc, exam)).isEqualTo("IN_PROGRESS");
                assertThat(jdbc.sql("""
                        SELECT count(*) FROM exam_transition WHERE exam_id = ? AND to_state = 'IN_PROGRESS'
                            AND reason LIKE 'first image received from CT1%'""").param(exam.id())
                        .query(Long.class).single()).as("one history entry").isEqualTo(1);
                long before = jdbc.sql("SELECT seq FROM archive_event WHERE sop_instance_uid = ?")
                        .param(sopInstanceUid).query(Long.class).single() - 1;
                HttpResponse<String> changes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                restarted.uri("/api/changes?since=" + before + "&limit=1000"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "radiologist:demo".getBytes(StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(changes.statusCode()).as(changes.body()).isEqualTo(200);
                assertThat(occurrences(changes.body(), "\"sopInstanceUid\":\"" + sopInstanceUid + "\""))
                        .as(changes.body()).isEqualTo(1);
            }
        }
    }

    /** What a modality would have from the worklist for one exam. */
    record Exam(long id, String accessionNumber, String studyInstanceUid, String patientId, String patientName) {}

    private static Exam anExamNotStarted(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT e.id, e.accession_number, e.study_instance_uid, i.value AS patient_id,
                    p.family_name || '^' || coalesce(p.given_name, '') AS patient_name
                FROM exam e JOIN patient p ON p.id = e.patient_id
                JOIN patient_identifier i ON i.patient_id = p.id AND i.kind = 'PRIMARY'
                WHERE e.state IN ('SCHEDULED', 'ARRIVED', 'VERIFIED') AND e.first_image_at IS NULL
                    AND NOT p.temporary
                    AND NOT EXISTS (SELECT 1 FROM exam_hold h WHERE h.exam_id = e.id AND h.lifted_at IS NULL)
                ORDER BY e.id LIMIT 1""")
                .query((row, number) -> new Exam(row.getLong("id"), row.getString("accession_number"),
                        row.getString("study_instance_uid"), row.getString("patient_id"),
                        row.getString("patient_name")))
                .single();
    }

    private static String state(JdbcClient jdbc, Exam exam) {
        return jdbc.sql("SELECT state FROM exam WHERE id = ?").param(exam.id()).query(String.class).single();
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** The embedded PostgreSQL as the application connects to it (port from its pid file, password from ours). */
    private static Connection connect(Path dataDir) throws Exception {
        String port = Files.readAllLines(dataDir.resolve("pg").resolve("postmaster.pid")).get(3).strip();
        Properties passwords = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve("database-passwords.properties"))) {
            passwords.load(reader);
        }
        Properties login = new Properties();
        login.setProperty("user", "hounsfield_app");
        login.setProperty("password", passwords.getProperty("application"));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/hounsfield", login);
    }

    private static JdbcClient jdbc(Connection connection) {
        return JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    /** The demo department (its day of exams, its CT1, its users) is made at the first start and kept. */
    private static ServerProcess start(Path dataDir, int dicomPort, boolean demo, boolean paused) throws Exception {
        return ServerProcess.startWithEnvironment(Map.of("SERVER_PORT", String.valueOf(ServerProcess.freePort()),
                "HOUNSFIELD_DATA_DIR", dataDir.toString(), "HOUNSFIELD_DICOM_PORT", String.valueOf(dicomPort),
                "HOUNSFIELD_HL7_PORT", "0", "HOUNSFIELD_DEMO", String.valueOf(demo),
                "HOUNSFIELD_ARCHIVE_EVENTS_DELIVERY_PAUSED", String.valueOf(paused)));
    }
}
