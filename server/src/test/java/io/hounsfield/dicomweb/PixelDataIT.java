package io.hounsfield.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Retrieve Frames over real HTTP, for instances pydicom wrote (Debian's pydicom test files with fresh UIDs, and
 * encapsulated ones built with an extended offset table, without an offset table and with two fragments a frame),
 * stored by STOW-RS; each frame compared with the frame pydicom finds in the file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PixelDataIT {
    static final String PYDICOM_FILES = "/usr/lib/python3/dist-packages/pydicom/data/test_files";
    static final String OHIF = "multipart/related; type=application/octet-stream; transfer-syntax=*";
    static final String NATIVE = "multipart/related; type=\"application/octet-stream\"; "
            + "transfer-syntax=1.2.840.10008.1.2.1";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One instance pydicom wrote: where it is in the archive, how many frames, in which syntax. */
    record Instance(String name, String path, int frames, String transferSyntax) {
    }

    @LocalServerPort
    int port;

    @TempDir
    static Path work;

    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private DicomWebClient client;

    @BeforeAll
    void storeInstances() throws Exception {
        client = new DicomWebClient(port);
        Path script = work.resolve("frames.py");
        try (InputStream in = PixelDataIT.class.getResourceAsStream("frames.py")) {
            Files.copy(in, script);
        }
        Dcmtk.Run run = Dcmtk.run(work, "/usr/bin/python3", script.toString(), PYDICOM_FILES, work.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<byte[]> files = new ArrayList<>();
        for (String line : run.output().strip().lines().toList()) {
            String[] fields = line.split(" ");
            instances.put(fields[0], new Instance(fields[0], "/studies/" + fields[1] + "/series/" + fields[2]
                    + "/instances/" + fields[3], Integer.parseInt(fields[4]), fields[5]));
            files.add(Files.readAllBytes(work.resolve(fields[0] + ".dcm")));
        }
        String boundary = "b".repeat(40);
        HttpResponse<byte[]> stored = client.post("/studies", "tech", "multipart/related; type=\"application/dicom\"; "
                + "boundary=" + boundary, DicomWebClient.multipart(boundary, files));
        assertThat(stored.statusCode()).as(new String(stored.body())).isEqualTo(200);
    }

    private byte[] expected(String name, int frame) throws Exception {
        return Files.readAllBytes(work.resolve(name + "." + frame + ".frame"));
    }

    @Test
    void everyFrameEqualsPydicomsInTheTypeOfItsSyntax() throws Exception {
        assertThat(instances).hasSize(12);
        for (Instance instance : instances.values()) {
            List<String> numbers = new ArrayList<>();
            for (int frame = instance.frames(); frame >= 1; frame--) {
                numbers.add(String.valueOf(frame));
            }
            HttpResponse<byte[]> response = client.get(instance.path() + "/frames/" + String.join(",", numbers),
                    "tech", OHIF);
            assertThat(response.statusCode()).as(instance.name() + ": " + new String(response.body()))
                    .isEqualTo(200);
            boolean isNative = instance.transferSyntax().matches("1\\.2\\.840\\.10008\\.1\\.2(\\.1|\\.2|\\.1\\.99)?");
            String type = isNative ? "application/octet-stream" : switch (instance.transferSyntax()) {
                case "1.2.840.10008.1.2.5" -> "image/dicom-rle";
                case "1.2.840.10008.1.2.4.51" -> "image/jpeg";
                case "1.2.840.10008.1.2.4.80" -> "image/jls";
                default -> "image/jp2";
            };
            String syntax = isNative ? "1.2.840.10008.1.2.1" : instance.transferSyntax();
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(instance.name())
                    .startsWith("multipart/related; type=\"" + type + "\"; boundary=");
            assertThat(DicomWebClient.partTypes(response)).as(instance.name()).hasSize(instance.frames())
                    .containsOnly(type + "; transfer-syntax=" + syntax);
            List<byte[]> parts = DicomWebClient.parts(response);
            for (int i = 0; i < parts.size(); i++) {
                assertThat(parts.get(i)).as(instance.name() + " frame " + numbers.get(i))
                        .isEqualTo(expected(instance.name(), Integer.parseInt(numbers.get(i))));
            }
        }
    }

    @Test
    void nativeFramesComeForTheirDefaultAcceptAndCompressedOnesByTheirMediaType() throws Exception {
        Instance dose = instances.get("rtdose_expb");
        HttpResponse<byte[]> response = client.get(dose.path() + "/frames/3", "tech", NATIVE);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(DicomWebClient.parts(response)).singleElement().isEqualTo(expected("rtdose", 3));
        Instance jls = instances.get("MR_small_jpeg_ls_lossless");
        HttpResponse<byte[]> compressed = client.get(jls.path() + "/frames/1", "radiologist",
                "multipart/related; type=\"image/jls\"");
        assertThat(compressed.statusCode()).isEqualTo(200);
        assertThat(DicomWebClient.parts(compressed)).singleElement().isEqualTo(expected(jls.name(), 1));
    }

    @Test
    void framesThatCannotBeSentGetAProblemDocumentWithTheReason() throws Exception {
        Instance dose = instances.get("rtdose");
        assertProblem(client.get(dose.path() + "/frames/16", "tech", OHIF), 404, "the instance has 15 frames");
        assertProblem(client.get(dose.path() + "/frames/1,x", "tech", OHIF), 400, "frame numbers from 1");
        assertProblem(client.get(dose.path() + "/frames/0", "tech", OHIF), 400, "frame numbers from 1");
        String otherInstance = dose.path().replaceAll("/instances/.*", "/instances/1.2.3.4");
        assertProblem(client.get(otherInstance + "/frames/1", "tech", OHIF), 404, "no instance 1.2.3.4");
        Instance jls = instances.get("MR_small_jpeg_ls_lossless");
        assertProblem(client.get(jls.path() + "/frames/1", "tech", NATIVE), 406, "transfer-syntax=*");
        assertProblem(client.get(dose.path() + "/frames/1", "tech", "multipart/related; type=\"image/jpeg\""),
                406, "application/octet-stream");
        assertThat(client.get(dose.path() + "/frames/1", null, OHIF).statusCode()).isEqualTo(401);
        assertThat(client.get(dose.path() + "/frames/1", "student", OHIF).statusCode()).isEqualTo(403);
    }

    @Test
    void metadataLinksPixelDataAndLongValuesToTheirBulkData() throws Exception {
        Instance dose = instances.get("rtdose");
        HttpResponse<byte[]> metadata = client.get(dose.path() + "/metadata", "tech", "application/dicom+json");
        assertThat(metadata.statusCode()).isEqualTo(200);
        JsonNode instance = JSON.readTree(metadata.body()).get(0);
        String base = "http://127.0.0.1:" + port + "/dicom-web" + dose.path() + "/bulkdata/";
        assertThat(instance.path("7FE00010").path("BulkDataURI").asString()).isEqualTo(base + "7FE00010");
        assertThat(instance.path("00420011").path("BulkDataURI").asString()).isEqualTo(base + "00420011");
        JsonNode icon = instance.path("00880200").path("Value").path(0);
        assertThat(icon.path("7FE00010").path("BulkDataURI").asString()).isEqualTo(base + "00880200/1/7FE00010");
        assertThat(icon.path("00280010").path("Value").path(0).intValue()).isEqualTo(32);

        java.io.ByteArrayOutputStream pixels = new java.io.ByteArrayOutputStream();
        for (int frame = 1; frame <= dose.frames(); frame++) {
            pixels.writeBytes(expected("rtdose", frame));
        }
        assertThat(bulkData(dose, "7FE00010", OHIF)).containsExactly(pixels.toByteArray());
        byte[] document = new byte[2048];
        byte[] iconPixels = new byte[2048];
        for (int i = 0; i < document.length; i++) {
            document[i] = (byte) i;
            iconPixels[i] = (byte) (255 - i % 256);
        }
        assertThat(bulkData(dose, "00420011", null)).containsExactly(document);
        assertThat(bulkData(dose, "00880200/1/7FE00010", OHIF)).containsExactly(iconPixels);

        Instance rle = instances.get("SC_rgb_rle_2frame");
        HttpResponse<byte[]> rleMetadata = client.get(rle.path() + "/metadata", "tech", null);
        assertThat(JSON.readTree(rleMetadata.body()).get(0).path("7FE00010").path("vr").asString()).isEqualTo("OB");
        assertThat(bulkData(rle, "7FE00010", OHIF)).containsExactly(expected(rle.name(), 1), expected(rle.name(), 2));

        assertProblem(client.get(dose.path() + "/bulkdata/00100010", "tech", OHIF), 404, "no binary value at 00100010");
        assertProblem(client.get(dose.path() + "/bulkdata/7FE0", "tech", OHIF), 400, "not a bulk data path");
        assertProblem(client.get(rle.path() + "/bulkdata/7FE00010", "tech", NATIVE), 406, "transfer-syntax=*");
    }

    private List<byte[]> bulkData(Instance instance, String path, String accept) throws Exception {
        HttpResponse<byte[]> response = client.get(instance.path() + "/bulkdata/" + path, "tech", accept);
        assertThat(response.statusCode()).as(path + ": " + new String(response.body())).isEqualTo(200);
        return DicomWebClient.parts(response);
    }

    private static void assertProblem(HttpResponse<byte[]> response, int status, String reason) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("detail").asString()).contains(reason);
    }
}
