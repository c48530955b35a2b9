package io.hounsfield;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's start command, as a user runs it: the packaged jar in its own JVM. */
class PackagedServerIT {

    /**
     * Room for a loaded machine: start-up speed is measured by bench/run, not asserted here (a busy CI
     * machine took over 30 s).
     */
    private static final Duration STARTUP = Duration.ofMinutes(3);

    @TempDir
    Path dataDir;

    /** One life of a department's server: first start with demo data, a user created, kill -9, a start on its data. */
    @Test
    void startsWithDemoDataAndKeepsWhatWasDoneThroughAKill() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataDir, "--hounsfield.demo=true")) {
            server.awaitHealthy(STARTUP);
            WebSession browser = new WebSession(server::uri);

            assertThat(browser.get("/").headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login"));

            HttpResponse<String> wrong = browser.logIn("tech", "wrong-password");
            assertThat(wrong.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?error"));

            HttpResponse<String> right = browser.logIn("tech", "demo");
            assertThat(right.statusCode()).isEqualTo(302);
            assertThat(right.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).doesNotContain("error"));
            assertThat(right.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                    .startsWith("HOUNSFIELD_SESSION=").contains("HttpOnly").contains("SameSite=Lax"));

            HttpResponse<String> home = browser.get("/");
            assertThat(home.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/board"));
            HttpResponse<String> board = browser.get("/board");
            assertThat(board.statusCode()).isEqualTo(200);
            assertThat(board.body()).contains("tech").doesNotContain("What is running");
            // The finished exams of the demo day have their images, stored through the archive's ingest.
            HttpResponse<String> studies = browser.get("/archive/studies");
            assertThat(studies.statusCode()).isEqualTo(200);
            assertThat(studies.body()).contains("DX").contains("CT");

            WebSession admin = new WebSession(server::uri);
            admin.logIn("admin", "demo");
            HttpResponse<String> created = admin.submit("/admin/users", "/admin/users", Map.of(
                    "username", "rita", "fullName", "Rita Radiographer", "role", "TECHNOLOGIST",
                    "password", "rita-password"));
            assertThat(created.statusCode()).isEqualTo(302);
            server.kill();
        }
        try (ServerProcess restarted = ServerProcess.start(dataDir)) {
            restarted.awaitHealthy(STARTUP);
            WebSession rita = new WebSession(restarted::uri);
            assertThat(rita.logIn("rita", "rita-password").headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
            assertThat(rita.get("/board").body()).contains("rita");
            assertThat(new WebSession(restarted::uri).logIn("tech", "demo").headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        }
    }

    @Test
    void configuredByEnvironmentVariablesWithoutDemoModeNoDefaultPasswordWorks() throws Exception {
        Path configured = dataDir.resolve("from-environment");
        try (ServerProcess server = ServerProcess.startWithEnvironment(Map.of(
                "SERVER_PORT", String.valueOf(ServerProcess.freePort()),
                "HOUNSFIELD_DATA_DIR", configured.toString(),
                "HOUNSFIELD_HL7_PORT", "0",
                "HOUNSFIELD_DICOM_PORT", "0"))) {
            server.awaitHealthy(STARTUP);
            assertThat(configured.resolve("pg/PG_VERSION")).exists();
            for (String username : new String[] {"admin", "tech", "lead"}) {
                assertThat(new WebSession(server::uri).logIn(username, "demo").headers().firstValue("Location"))
                        .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error"));
            }
            assertThat(server.output()).contains("hounsfield.admin.initial-password is not set");
        }
    }

    @Test
    void aTakenPortEndsStartupWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                ServerProcess server = ServerProcess.startOnPort(taken.getLocalPort(), dataDir)) {
            assertThat(server.awaitExit(STARTUP)).isNotZero();
            assertThat(server.output())
                    .contains("APPLICATION FAILED TO START")
                    .contains("Port " + taken.getLocalPort() + " was already in use")
                    .doesNotContain("\tat org.springframework");
        }
    }

    @Test
    void aTakenHl7PortEndsStartupWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                ServerProcess server = ServerProcess.startWithEnvironment(Map.of(
                        "SERVER_PORT", String.valueOf(ServerProcess.freePort()),
                        "HOUNSFIELD_DATA_DIR", dataDir.toString(),
                        "HOUNSFIELD_HL7_PORT", String.valueOf(taken.getLocalPort()),
                        "HOUNSFIELD_DICOM_PORT", "0"))) {
            assertThat(server.awaitExit(STARTUP)).isNotZero();
            assertThat(server.output())
                    .contains("APPLICATION FAILED TO START")
                    .contains("HL7 MLLP listener could not open 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void anUnwritableDataDirectoryEndsStartupWithAClearMessage() throws Exception {
        Path aFile = Files.createFile(dataDir.resolve("not-a-directory"));
        try (ServerProcess server = ServerProcess.start(aFile.resolve("data"))) {
            assertThat(server.awaitExit(STARTUP)).isNotZero();
            assertThat(server.output())
                    .contains("APPLICATION FAILED TO START")
                    .contains("data directory " + aFile.resolve("data").toAbsolutePath())
                    .contains("hounsfield.data-dir")
                    .doesNotContain("\tat ");
        }
    }
}
