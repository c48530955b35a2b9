package io.hounsfield.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.audit.AuditTime;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** STOW-RS over real HTTP: per-instance success and failure, nothing kept of a truncated file, roles and audit. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class StowIT {
    private static final String MULTIPART = "multipart/related; type=\"application/dicom\"; boundary=";

    @LocalServerPort
    int port;

    @Autowired
    ArchiveService archive;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path work;

    private DicomWebClient client;

    @BeforeEach
    void client() {
        client = new DicomWebClient(port);
    }

    private List<Path> study(String name, int instances) throws Exception {
        TestStudies.Study study = TestStudies.Study.of("STOW-" + System.nanoTime(), name, "STOWACC", "20250301");
        return TestStudies.write(work.resolve(name), study, 1, instances, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private HttpResponse<byte[]> stow(String path, String user, byte[]... parts) throws Exception {
        return client.post(path, user, MULTIPART + "b0undary", DicomWebClient.multipart("b0undary", List.of(parts)));
    }

    private static String uid(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".dcm".length());
    }

    @Test
    void aValidAndATruncatedFileAreStoredAndRefusedOneByOne() throws Exception {
        Instant before = AuditTime.now(jdbc);
        List<Path> files = study("STOW^VALID", 2);
        byte[] valid = Files.readAllBytes(files.get(0));
        byte[] whole = Files.readAllBytes(files.get(1));
        byte[] truncated = Arrays.copyOf(whole, whole.length - 100);
        String studyUid = Part10.read(files.get(0)).dataset().getString(Tags.StudyInstanceUID);

        HttpResponse<byte[]> response = stow("/studies", "tech", valid, truncated);

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/dicom+json");
        JsonNode body = DicomWebIT.JSON.readTree(response.body());
        JsonNode stored = body.path("00081199").path("Value");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).path("00081155").path("Value").path(0).asString()).isEqualTo(uid(files.get(0)));
        assertThat(stored.get(0).path("00081190").path("Value").path(0).asString()).contains(uid(files.get(0)));
        JsonNode failed = body.path("00081198").path("Value");
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).path("00081155").path("Value").path(0).asString()).isEqualTo(uid(files.get(1)));
        assertThat(failed.get(0).path("00081197").path("Value").path(0).intValue()).isEqualTo(0xC000);
        assertThat(body.path("00081190").path("Value").path(0).asString()).endsWith("/studies/" + studyUid);

        assertThat(archive.instanceCount(studyUid)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT source_ae_title FROM archive_instance WHERE sop_instance_uid = ?")
                .param(uid(files.get(0))).query(String.class).single()).isEqualTo("STOW-RS tech");
        HttpResponse<byte[]> back = client.get("/studies/" + studyUid, "tech", DicomWebIT.DICOM);
        assertThat(DicomWebClient.parts(back)).singleElement().satisfies(part -> assertThat(
                TestStudies.datasetBytes(Files.write(work.resolve("back.dcm"), part)))
                .isEqualTo(TestStudies.datasetBytes(files.get(0))));
        assertThat(audit.search(new AuditQuery("tech", null, "STUDY_STORED", before, null, 0)))
                .singleElement().satisfies(event -> assertThat(event.objectId()).isEqualTo(studyUid));
        assertThat(audit.search(new AuditQuery("tech", null, "STUDY_RETRIEVED", before, null, 0))).hasSize(1);
    }

    @Test
    void allStoredIs200AndNoneStoredIs409() throws Exception {
        List<Path> files = study("STOW^ALL", 2);
        assertThat(stow("/studies", "lead", Files.readAllBytes(files.get(0)), Files.readAllBytes(files.get(1)))
                .statusCode()).isEqualTo(200);
        HttpResponse<byte[]> wrongStudy = stow("/studies/1.2.826.0.1.3680043.2.1143.42", "tech",
                Files.readAllBytes(study("STOW^OTHER", 1).get(0)));
        assertThat(wrongStudy.statusCode()).isEqualTo(409);
        assertThat(DicomWebIT.JSON.readTree(wrongStudy.body()).path("00081198").path("Value").path(0)
                .path("00081197").path("Value").path(0).intValue()).isEqualTo(0xA900);
        assertThat(stow("/studies", "tech", "not DICOM at all".getBytes()).statusCode()).isEqualTo(409);
    }

    /**
     * C-STORE answers a resend with other content B006; STOW-RS stored it silently with 200. Now the same warning
     * from the catalogue: Warning Reason B006 on the instance (PS3.18 Table 10.5.3-3) and 202 (§10.5.3.1).
     */
    @Test
    void aResendWithOtherContentIsAcceptedWithTheWarningCStoreGives() throws Exception {
        Path file = study("STOW^RESENT", 1).get(0);
        byte[] original = Files.readAllBytes(file);
        assertThat(stow("/studies", "tech", original).statusCode()).isEqualTo(200);
        assertThat(stow("/studies", "tech", original).statusCode()).as("an identical resend").isEqualTo(200);
        Attributes changed = Part10.read(file).dataset();
        changed.setString(Tags.StudyDescription, VR.LO, "CT HEAD CORRECTED");
        Path other = work.resolve("other.dcm");
        Part10.write(other, changed, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        HttpResponse<byte[]> resent = stow("/studies", "tech", Files.readAllBytes(other));

        assertThat(resent.statusCode()).as(new String(resent.body())).isEqualTo(202);
        JsonNode item = DicomWebIT.JSON.readTree(resent.body()).path("00081199").path("Value").path(0);
        assertThat(item.path("00081155").path("Value").path(0).asString()).isEqualTo(uid(file));
        assertThat(item.path("00081196").path("Value").path(0).intValue()).isEqualTo(0xB006);
        assertThat(DicomWebIT.JSON.readTree(resent.body()).has("00081198")).as("nothing failed").isFalse();
    }

    @Test
    void malformedRequestsAreRefused() throws Exception {
        byte[] file = Files.readAllBytes(study("STOW^BAD", 1).get(0));
        assertThat(client.post("/studies", "tech", "application/dicom", file).statusCode()).isEqualTo(415);
        assertThat(client.post("/studies", "tech", "multipart/related; type=\"application/dicom+json\"; boundary=b",
                file).statusCode()).isEqualTo(415);
        assertThat(client.post("/studies", "tech", MULTIPART + "b", "--b--\r\n".getBytes()).statusCode())
                .isEqualTo(400);
        assertThat(client.post("/studies", "tech", MULTIPART + "b", "--b\r\n\r\nabc".getBytes()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void storingNeedsATechnologist() throws Exception {
        byte[] file = Files.readAllBytes(study("STOW^ROLE", 1).get(0));
        assertThat(stow("/studies", null, file).statusCode()).isEqualTo(401);
        assertThat(stow("/studies", "radiologist", file).statusCode()).isEqualTo(403);
        assertThat(stow("/studies", "student", file).statusCode()).isEqualTo(403);
    }
}
