package io.hounsfield.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.Dcmtk;
import io.hounsfield.Hounsfield;
import io.hounsfield.hl7.RawMllp;
import io.hounsfield.scp.DicomListener;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded PostgreSQL as another local user would meet it: no way in without the password, the application's
 * role unable to rewrite the audit trail, files the owner's alone, binaries not in the shared {@code /tmp}; a cluster of
 * an older version locked the same way with its data kept; and a server that comes back by itself after kill -9,
 * answering 503 quickly meanwhile.
 */
class EmbeddedDatabaseIT {

    private static final Path PYDICOM_CT = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/CT_small.dcm");

    @Test
    void letsNobodyInWithoutAPasswordAndTheApplicationCannotAlterTheAuditTrail() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "embedded-db").toAbsolutePath();
        try (ConfigurableApplicationContext context = start(dataDir)) {
            int port = context.getBean(EmbeddedDatabase.class).port();

            for (String user : List.of("postgres", DatabaseRoles.APPLICATION, System.getProperty("user.name"))) {
                assertThatThrownBy(() -> connect(port, "hounsfield", user, null).close())
                        .as("without password as " + user).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> connect(port, "hounsfield", user, "wrong").close())
                        .as("wrong password as " + user).isInstanceOf(SQLException.class);
            }
            try (Connection app = connect(port, "hounsfield", DatabaseRoles.APPLICATION,
                    passwords(dataDir).getProperty("application"))) {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(app, true));
                assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class)
                        .single()).isFalse();
                assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isPositive();
                for (String attack : List.of("DROP TRIGGER audit_event_append_only ON audit_event",
                        "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only",
                        "ALTER TABLE audit_event ADD COLUMN forged TEXT", "DROP TABLE audit_event",
                        "DELETE FROM audit_event", "UPDATE audit_event SET actor = 'nobody'", "TRUNCATE audit_event",
                        "DELETE FROM audit_patient_seen", "TRUNCATE audit_patient_seen",
                        "DELETE FROM flyway_schema_history", "CREATE TABLE intruder (id INT)",
                        "ALTER ROLE hounsfield_app SUPERUSER")) {
                    assertThatThrownBy(() -> app.createStatement().execute(attack)).as(attack)
                            .satisfiesAnyOf(failure -> assertThat(failure).hasMessageContaining("must be owner"),
                                    failure -> assertThat(failure).hasMessageContaining("must be superuser"),
                                    failure -> assertThat(failure).hasMessageContaining("permission denied"));
                }
            }

            Path passwordFile = dataDir.resolve(DatabaseCredentials.FILE);
            assertThat(permissions(passwordFile)).isEqualTo("rw-------");
            for (Path directory : List.of(dataDir, dataDir.resolve("pg"), dataDir.resolve("store"), dataDir.resolve("pg-bin"))) {
                assertThat(permissions(directory)).as(directory.toString()).isEqualTo("rwx------");
            }
            Dcmtk.Run store = Dcmtk.run(dataDir, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                    String.valueOf(context.getBean(DicomListener.class).port()), PYDICOM_CT.toString());
            assertThat(store.exitCode()).as(store.output()).isZero();
            try (Stream<Path> files = Files.walk(dataDir.resolve("store"))) {
                List<Path> stored = files.filter(file -> file.toString().endsWith(".dcm")).toList();
                assertThat(stored).hasSize(1);
                assertThat(Files.getPosixFilePermissions(stored.get(0)))
                        .doesNotContain(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ);
            }

            String postmaster = postmaster(dataDir).info().command().orElseThrow();
            // Not in zonky's shared default (java.io.tmpdir/embedded-pg), which anyone could write to.
            assertThat(postmaster).startsWith(dataDir.resolve("pg-bin").toString()).doesNotContain("embedded-pg/");
        }
    }

    @Test
    void locksAClusterOfAnOlderVersionAndKeepsItsData() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "embedded-db-old").toAbsolutePath();
        // As Hounsfield left it before: initdb -A trust, no password at all, binaries in /tmp.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("pg"))
                .setCleanDataDirectory(false).start()) {
            JdbcClient jdbc = JdbcClient.create(old.getPostgresDatabase());
            jdbc.sql("CREATE TABLE kept (note TEXT)").update();
            jdbc.sql("INSERT INTO kept VALUES ('from before the upgrade')").update();
        }
        try (ConfigurableApplicationContext context = start(dataDir)) {
            int port = context.getBean(EmbeddedDatabase.class).port();
            assertThatThrownBy(() -> connect(port, "postgres", "postgres", null).close()).isInstanceOf(SQLException.class);
            try (Connection owner = connect(port, "postgres", "postgres", passwords(dataDir).getProperty("owner"))) {
                var result = owner.createStatement().executeQuery("SELECT note FROM kept");
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("from before the upgrade");
            }
            assertThat(Files.readString(dataDir.resolve("pg/pg_hba.conf"))).doesNotContain("trust");
        }
    }

    @Test
    void startsPostgresAgainAfterKillAndAnswers503QuicklyMeanwhile() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "embedded-db-kill").toAbsolutePath();
        int hl7Port = Dcmtk.freePort();
        try (ConfigurableApplicationContext context = start(dataDir, "--hounsfield.hl7.port=" + hl7Port)) {
            int port = context.getBean(EmbeddedDatabase.class).port();
            String http = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            assertThat(get(http + "/api/me").statusCode()).isEqualTo(200);

            ProcessHandle postmaster = postmaster(dataDir);
            // pg_ctl is moved away for a while, so that the database stays away until it is back, however quickly
            // the watchdog notices (a port taken by another program raced a fast restart).
            Path pgCtl = Path.of(postmaster.info().command().orElseThrow()).resolveSibling("pg_ctl");
            Path heldBack = pgCtl.resolveSibling("pg_ctl.held-back");
            Files.move(pgCtl, heldBack);
            String dicomPort = String.valueOf(context.getBean(DicomListener.class).port());
            // The peer's permissions are kept for a few seconds: the queries below are let in and then need the index.
            Dcmtk.Run echo = Dcmtk.run(dataDir, "echoscu", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1", dicomPort);
            assertThat(echo.exitCode()).as(echo.output()).isZero();
            try {
                postmaster.descendants().forEach(ProcessHandle::destroyForcibly);
                postmaster.destroyForcibly();
                postmaster.onExit().get(30, TimeUnit.SECONDS);
                // A700 "out of resources", so that the modality asks again, not C000 "unable to process".
                for (String model : List.of("-S", "-W")) {
                    Dcmtk.Run find = Dcmtk.run(dataDir, "findscu", "-v", model, "-aet", "CT1", "-aec", "HOUNSFIELD",
                            "-k", model.equals("-S") ? "QueryRetrieveLevel=STUDY" : "PatientID", "-k", "PatientName",
                            "127.0.0.1", dicomPort);
                    assertThat(find.output()).as(model).contains("Final Find Response (Refused: OutOfResources)");
                }
                for (String path : List.of("/api/me", "/dicom-web/studies")) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = get(http + path);
                    assertThat(Duration.ofNanos(System.nanoTime() - start)).as(path).isLessThan(Duration.ofSeconds(5));
                    assertThat(response.statusCode()).as(path).isEqualTo(503);
                    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                            type -> assertThat(type).startsWith("application/problem+json"));
                    assertThat(response.body()).contains("database");
                }
                HttpResponse<String> page = get(http + "/");
                assertThat(page.statusCode()).isEqualTo(503);
                assertThat(page.body()).contains("not available").doesNotContain("Exception");
                // AR, not AE: the sender keeps the order and sends it again, instead of dropping it as wrong.
                String acknowledgment = mllp(hl7Port, "MSH|^~\\&|RIS|HOSP|HOUNSFIELD|RAD|20250101080000||ADT^A08|"
                        + "DBAWAY1|P|2.5.1\rEVN|A08|20250101080000\rPID|1||DBAWAY^^^HOSP^MR||Away^Ada||19800101|F\r");
                assertThat(acknowledgment).contains("MSA|AR|DBAWAY1|").contains("database").contains("207");
            } finally {
                Files.move(heldBack, pgCtl);
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            int status = 0;
            while (System.nanoTime() < deadline && status != 200) {
                Thread.sleep(250);
                status = get(http + "/api/me").statusCode();
            }
            assertThat(status).as("served again without a restart of Hounsfield").isEqualTo(200);
            assertThat(get(http + "/dicom-web/studies").statusCode()).isIn(200, 204);
            assertThat(get(http + "/actuator/health").body()).contains("\"UP\"");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return start(dataDir, "--hounsfield.hl7.port=0");
    }

    private static ConfigurableApplicationContext start(Path dataDir, String hl7Port) {
        return new SpringApplicationBuilder(Hounsfield.class).run("--server.port=0", hl7Port,
                "--hounsfield.dicom.port=0", "--hounsfield.demo=true", "--hounsfield.demo-images=false",
                "--hounsfield.data-dir=" + dataDir);
    }

    /** One message over MLLP, its acknowledgment back as text. */
    private static String mllp(int port, String message) throws Exception {
        try (RawMllp mllp = new RawMllp(port)) {
            return new String(mllp.exchange(message.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "lead:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Connection connect(int port, String database, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
    }

    private static Properties passwords(Path dataDir) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(dataDir.resolve(DatabaseCredentials.FILE))) {
            properties.load(reader);
        }
        return properties;
    }

    private static ProcessHandle postmaster(Path dataDir) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).strip());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private static String permissions(Path path) throws Exception {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        return PosixFilePermissions.toString(permissions);
    }
}
