package io.hounsfield.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Orthanc;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Debian's Orthanc and its DICOMweb plugin as a DICOMweb client of Hounsfield (its "Servers" entry with Basic
 * login): it STOWs a study to Hounsfield (a 73-character multipart boundary) and retrieves another one from it by
 * WADO-RS; the data set on each side equals the one sent, byte for byte (the File Meta Information differs: the
 * archive records the source, Source AE Title STOW-RS).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrthancDicomWebIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @TempDir
    static Path work;

    private Orthanc orthanc;
    private DicomWebClient client;

    @BeforeAll
    void startOrthanc() throws Exception {
        client = new DicomWebClient(port);
        orthanc = Orthanc.start(work.resolve("orthanc"), """
                "Servers": { "hounsfield": { "Url": "http://127.0.0.1:%d/dicom-web/",
                    "Username": "tech", "Password": "demo" } }""".formatted(port));
    }

    @AfterAll
    void stopOrthanc() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    private List<Path> study(String name) throws Exception {
        TestStudies.Study study = TestStudies.Study.of("ORT-" + System.nanoTime(), name + "^ORTHANC", "ORT" + name,
                "20250301");
        return TestStudies.write(work.resolve(name), study, 1, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void orthancStowsAStudyToHounsfieldByteForByte() throws Exception {
        List<Path> files = study("STOW");
        String orthancStudy = null;
        for (Path file : files) {
            HttpResponse<byte[]> uploaded = orthanc.post("/instances", "application/dicom", Files.readAllBytes(file));
            assertThat(uploaded.statusCode()).as(new String(uploaded.body())).isEqualTo(200);
            orthancStudy = JSON.readTree(uploaded.body()).path("ParentStudy").asString();
        }
        HttpResponse<byte[]> stow = orthanc.post("/dicom-web/servers/hounsfield/stow", "application/json",
                ("{\"Resources\": [\"" + orthancStudy + "\"], \"Synchronous\": true}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(stow.statusCode()).as(new String(stow.body()) + orthanc.log()).isEqualTo(200);

        for (Path file : files) {
            var sent = Part10.read(file).dataset();
            HttpResponse<byte[]> stored = client.get("/studies/" + sent.getString(Tags.StudyInstanceUID) + "/series/"
                    + sent.getString(Tags.SeriesInstanceUID) + "/instances/" + sent.getString(Tags.SOPInstanceUID),
                    "tech", DicomWebIT.DICOM);
            assertThat(stored.statusCode()).isEqualTo(200);
            Path received = Files.write(work.resolve("stored.dcm"), DicomWebClient.parts(stored).get(0));
            assertThat(TestStudies.datasetBytes(received)).isEqualTo(TestStudies.datasetBytes(file));
        }
    }

    @Test
    void orthancRetrievesAStudyFromHounsfieldByteForByte() throws Exception {
        List<Path> files = study("WADO");
        List<byte[]> parts = new ArrayList<>();
        for (Path file : files) {
            parts.add(Files.readAllBytes(file));
        }
        String boundary = "z".repeat(30);
        assertThat(client.post("/studies", "tech", "multipart/related; type=\"application/dicom\"; boundary="
                + boundary, DicomWebClient.multipart(boundary, parts)).statusCode()).isEqualTo(200);
        String studyUid = Part10.read(files.get(0)).dataset().getString(Tags.StudyInstanceUID);

        HttpResponse<byte[]> retrieve = orthanc.post("/dicom-web/servers/hounsfield/retrieve", "application/json",
                ("{\"Resources\": [{\"Study\": \"" + studyUid + "\"}], \"Synchronous\": true}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(retrieve.statusCode()).as(new String(retrieve.body()) + orthanc.log()).isEqualTo(200);

        for (Path file : files) {
            String sopInstanceUid = Part10.read(file).dataset().getString(Tags.SOPInstanceUID);
            HttpResponse<byte[]> found = orthanc.post("/tools/lookup", "text/plain",
                    sopInstanceUid.getBytes(StandardCharsets.US_ASCII));
            JsonNode matches = JSON.readTree(found.body());
            assertThat(matches).as(orthanc.log()).hasSize(1);
            HttpResponse<byte[]> copy = orthanc.get("/instances/" + matches.get(0).path("ID").asString() + "/file");
            assertThat(copy.statusCode()).isEqualTo(200);
            Path received = Files.write(work.resolve("orthanc-copy.dcm"), copy.body());
            assertThat(TestStudies.datasetBytes(received)).isEqualTo(TestStudies.datasetBytes(file));
        }
    }
}
