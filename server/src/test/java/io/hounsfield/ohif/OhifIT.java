package io.hounsfield.ohif;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.DemoDayExams;
import io.hounsfield.WebSession;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.scp.DicomListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.FileSystemUtils;

/**
 * OHIF at {@code /ohif} over real HTTP, with a small stand-in for an installed OHIF (the real one is opened in
 * {@link OhifBrowserIT}): the page that says how to install it, the files and the single-page fallback, Hounsfield's
 * own configuration, who may open it, the "Open in OHIF" links, DICOMweb on the web session (reading only), and
 * CORS for a configured origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.ohif.dir=target/it-data/ohif-stand-in",
    "hounsfield.dicomweb.cors-origins=https://viewer.example.org, http://127.0.0.1:9999",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
@DirtiesContext
class OhifIT {
    private static final Path OHIF = Path.of("target/it-data/ohif-stand-in");
    private static final String BUNDLE = "app.bundle.0f6159c501addfe9.js";

    @LocalServerPort
    int port;

    @Autowired
    DicomListener listener;

    @Autowired
    ExamService exams;

    @Autowired
    Clock clock;

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void installStandIn() throws Exception {
        FileSystemUtils.deleteRecursively(OHIF);
        Files.createDirectories(OHIF.resolve("ort"));
        Files.writeString(OHIF.resolve("index.html"), "<!doctype html><title>OHIF stand-in</title>");
        Files.writeString(OHIF.resolve(BUNDLE), "console.log('bundle');");
        Files.write(OHIF.resolve("ort/ort-wasm.wasm"), new byte[] {0, 'a', 's', 'm'});
        Files.writeString(OHIF.resolve(OhifInstallation.VERSION_FILE), "3.13.2\n");
    }

    private WebSession loggedIn(String user) throws Exception {
        WebSession session = new WebSession(path -> URI.create("http://127.0.0.1:" + port + path));
        assertThat(session.logIn(user, "demo").statusCode()).isEqualTo(302);
        return session;
    }

    private HttpResponse<String> get(WebSession session, String path) throws Exception {
        return session.send(path, request -> request.GET());
    }

    @Test
    void withoutAnInstallationEveryPathSaysHowToInstallIt() throws Exception {
        FileSystemUtils.deleteRecursively(OHIF);
        WebSession tech = loggedIn("tech");
        for (String path : new String[] {"/ohif", "/ohif/viewer?StudyInstanceUIDs=1.2.3", "/ohif/" + BUNDLE}) {
            HttpResponse<String> page = get(tech, path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("OHIF Viewer is not installed")
                    .contains("bin/install-ohif --dir " + OHIF.toAbsolutePath());
        }
    }

    @Test
    void theInstalledFilesAreServedAndEveryRouteAnswersIndexHtml() throws Exception {
        WebSession radiologist = loggedIn("radiologist");
        for (String route : new String[] {"/ohif", "/ohif/", "/ohif/viewer?StudyInstanceUIDs=1.2.3",
                "/ohif/viewer/dicomweb?StudyInstanceUIDs=1.2.3", "/ohif/index.html"}) {
            HttpResponse<String> index = get(radiologist, route);
            assertThat(index.statusCode()).as(route).isEqualTo(200);
            assertThat(index.body()).as(route).contains("OHIF stand-in");
            assertThat(index.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(index.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("'wasm-unsafe-eval'").contains("frame-ancestors 'none'"));
            assertThat(index.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    cache -> assertThat(cache).contains("no-store"));
        }

        HttpResponse<String> bundle = get(radiologist, "/ohif/" + BUNDLE);
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body()).isEqualTo("console.log('bundle');");
        assertThat(bundle.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
        assertThat(bundle.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("immutable").contains("private"));

        HttpResponse<String> wasm = get(radiologist, "/ohif/ort/ort-wasm.wasm");
        assertThat(wasm.statusCode()).isEqualTo(200);
        assertThat(wasm.headers().firstValue("Content-Type")).hasValue("application/wasm");
        String modified = wasm.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> again = radiologist.send("/ohif/ort/ort-wasm.wasm",
                request -> request.header("If-Modified-Since", modified).GET());
        assertThat(again.statusCode()).isEqualTo(304);

        HttpResponse<String> missing = get(radiologist, "/ohif/no-such-chunk.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("OHIF Viewer 3.13.2 has no file no-such-chunk.js");

    }

    @Test
    void theConfigurationReadsThisServersDicomWebOnTheSameOriginWithoutCredentials() throws Exception {
        HttpResponse<String> config = get(loggedIn("physicist"), "/ohif/app-config.js");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.headers().firstValue("Content-Type")).hasValue("text/javascript;charset=UTF-8");
        assertThat(config.body())
                .contains("var dicomWeb = window.location.origin + '/dicom-web';")
                .contains("routerBasename: '/ohif'")
                .contains("qidoRoot: dicomWeb").contains("wadoRoot: dicomWeb").contains("wadoUriRoot: dicomWeb")
                .contains("namespace: '@ohif/extension-default.dataSourcesModule.dicomweb'")
                .doesNotContainIgnoringCase("password").doesNotContain("127.0.0.1").doesNotContain("http:");
        Files.writeString(OHIF.resolve("app-config.js"), "window.config = {};");
        assertThat(get(loggedIn("physicist"), "/ohif/app-config.js").body()).contains("dicomWeb");
    }

    @Test
    void onlyThoseWhoMayReadDicomWebOpenIt() throws Exception {
        for (String user : new String[] {"tech", "lead", "radiologist", "physicist"}) {
            assertThat(get(loggedIn(user), "/ohif/viewer").statusCode()).as(user).isEqualTo(200);
        }
        for (String user : new String[] {"student", "admin"}) {
            assertThat(get(loggedIn(user), "/ohif/viewer").statusCode()).as(user).isEqualTo(403);
        }
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/ohif/viewer")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void theStudyPagesLinkToOhifOnlyWhenItIsInstalledAndTheUserMayOpenIt() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("OHIF-" + System.nanoTime(), "OHIFLINK^OLGA", "OHACC1",
                "20250301");
        Path folder = work.resolve("study");
        TestStudies.write(folder, study, 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();
        String link = "href=\"/ohif/viewer?StudyInstanceUIDs=" + study.studyUid() + "\"";

        WebSession tech = loggedIn("tech");
        assertThat(get(tech, "/archive/studies/" + study.studyUid()).body()).contains(link).contains("Open in OHIF");
        assertThat(get(tech, "/archive/studies?patientId=" + study.patientId()).body()).contains(link);
        assertThat(get(loggedIn("student"), "/archive/studies/" + study.studyUid()).body())
                .contains("OHIFLINK^OLGA").doesNotContain("Open in OHIF");

        Files.delete(OHIF.resolve("index.html"));
        assertThat(get(tech, "/archive/studies/" + study.studyUid()).body())
                .contains("OHIFLINK^OLGA").doesNotContain("Open in OHIF");
    }

    @Test
    void theCockpitLinksToOhifOnceImagesOfTheExamArrived() throws Exception {
        WebSession tech = loggedIn("tech");
        Exam exam = null;
        for (Exam candidate : DemoDayExams.withAccession(exams, clock)) {
            String page = get(tech, "/exams/" + candidate.id()).body();
            if (candidate.studyInstanceUid() != null && page.contains("exam-state") && !page.contains("Open in OHIF")) {
                exam = candidate;
                break;
            }
        }
        assertThat(exam).as("a demo exam without images").isNotNull();
        String link = "href=\"/ohif/viewer?StudyInstanceUIDs=" + exam.studyInstanceUid() + "\"";

        TestStudies.Study study = new TestStudies.Study(exam.studyInstanceUid(), "OHIF-C-" + System.nanoTime(),
                "OHIFCOCKPIT^CARL", exam.accessionNumber(), "20250301", "CT");
        Path folder = work.resolve("exam");
        TestStudies.write(folder, study, 1, 1, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();

        assertThat(get(tech, "/exams/" + exam.id()).body()).contains(link).contains("Open in OHIF");
        assertThat(get(loggedIn("student"), "/exams/" + exam.id()).body()).doesNotContain("Open in OHIF");
    }

    @Test
    void dicomWebReadsWithTheWebSessionButStoresOnlyWithHttpBasic() throws Exception {
        WebSession tech = loggedIn("tech");
        HttpResponse<String> search = tech.send("/dicom-web/studies?limit=1",
                request -> request.header("Accept", "application/dicom+json").GET());
        assertThat(search.statusCode()).isIn(200, 204);
        assertThat(search.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> store = tech.send("/dicom-web/studies", request -> request
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")));
        assertThat(store.statusCode()).isEqualTo(403);

        HttpResponse<String> student = loggedIn("student").send("/dicom-web/studies",
                request -> request.header("Accept", "application/dicom+json").GET());
        assertThat(student.statusCode()).isEqualTo(403);

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/dicom-web/studies")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();

        HttpResponse<String> basic = http.send(basic("/dicom-web/studies?limit=1").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(basic.statusCode()).isIn(200, 204);
        assertThat(basic.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void onlyAConfiguredOriginGetsCorsHeadersWithCredentials() throws Exception {
        HttpResponse<String> allowed = http.send(basic("/dicom-web/studies?limit=1")
                .header("Origin", "https://viewer.example.org").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isIn(200, 204);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://viewer.example.org");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");

        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/dicom-web/studies/1.2.3/series"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://127.0.0.1:9999")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "accept, authorization").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:9999");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("GET"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");

        HttpResponse<String> other = http.send(basic("/dicom-web/studies?limit=1")
                .header("Origin", "https://elsewhere.example.com").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> otherPreflight = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/dicom-web/studies"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example.com")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(otherPreflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> api = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/audit?limit=1"))
                .header("Authorization", basicCredentials("admin"))
                .header("Origin", "https://viewer.example.org").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private HttpRequest.Builder basic(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basicCredentials("tech")).header("Accept", "application/dicom+json");
    }

    private static String basicCredentials(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
