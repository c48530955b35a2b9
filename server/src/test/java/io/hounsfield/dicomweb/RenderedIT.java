package io.hounsfield.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.dicom.image.ImageRenderer;
import io.hounsfield.dicom.image.PixelDataFiles;
import io.hounsfield.dicom.image.Rendering;
import io.hounsfield.dicom.image.Window;
import io.hounsfield.dicom.image.WindowFunction;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Retrieve Rendered, thumbnails and WADO-URI images over real HTTP, for pydicom's CT_small (grey, 16-bit), an RGB
 * RLE file of two frames and a JPEG 2000 file (not decodable here), stored by STOW-RS; each rendered PNG compared
 * pixel for pixel with the toolkit's rendering of the same file with the same window.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderedIT {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Where one stored test file is: its uids, as study/series/instance paths. */
    record Instance(String study, String series, String path) {
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    static Path work;

    private final Map<String, Instance> instances = new HashMap<>();
    private DicomWebClient client;

    @BeforeAll
    void storeInstances() throws Exception {
        client = new DicomWebClient(port);
        Path script = work.resolve("rendered.py");
        try (InputStream in = RenderedIT.class.getResourceAsStream("rendered.py")) {
            Files.copy(in, script);
        }
        Dcmtk.Run run = Dcmtk.run(work, "/usr/bin/python3", script.toString(), PixelDataIT.PYDICOM_FILES,
                work.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<byte[]> files = new ArrayList<>();
        for (String line : run.output().strip().lines().toList()) {
            String[] f = line.split(" ");
            instances.put(f[0], new Instance(f[1], f[2], "/studies/" + f[1] + "/series/" + f[2] + "/instances/"
                    + f[3]));
            files.add(Files.readAllBytes(work.resolve(f[0] + ".dcm")));
        }
        String boundary = "r".repeat(40);
        HttpResponse<byte[]> stored = client.post("/studies", "tech", "multipart/related; type=\"application/dicom\"; "
                + "boundary=" + boundary, DicomWebClient.multipart(boundary, files));
        assertThat(stored.statusCode()).as(new String(stored.body())).isEqualTo(200);
    }

    private BufferedImage toolkit(String name, int frame, Rendering rendering) throws Exception {
        byte[] png = ImageRenderer.of(PixelDataFiles.read(work.resolve(name + ".dcm"))).png(frame, rendering);
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private BufferedImage image(HttpResponse<byte[]> response, String type) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(type);
        return ImageIO.read(new ByteArrayInputStream(response.body()));
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void renderedPngEqualsTheToolkitsRenderingAndTheWindowChangesIt() throws Exception {
        Instance ct = instances.get("CT_small");
        BufferedImage byDefault = image(client.get(ct.path() + "/rendered", "tech", "image/png"), "image/png");
        assertThat(pixels(byDefault)).isEqualTo(pixels(toolkit("CT_small", 1, Rendering.defaults())));
        Window bone = new Window(400, 1800, WindowFunction.LINEAR, "");
        BufferedImage windowed = image(client.get(ct.path() + "/frames/1/rendered?window=400,1800,linear", "tech",
                "image/png"), "image/png");
        assertThat(pixels(windowed)).isEqualTo(pixels(toolkit("CT_small", 1, Rendering.defaults().withWindow(bone))))
                .isNotEqualTo(pixels(byDefault));
        BufferedImage sigmoid = image(client.get(ct.path() + "/rendered?window=40,400,sigmoid", "tech",
                "image/png"), "image/png");
        assertThat(pixels(sigmoid)).isEqualTo(pixels(toolkit("CT_small", 1,
                Rendering.defaults().withWindow(new Window(40, 400, WindowFunction.SIGMOID, "")))));
        BufferedImage small = image(client.get(ct.path() + "/rendered?viewport=32,16", "tech", "image/png"),
                "image/png");
        assertThat(small.getWidth()).isEqualTo(16);
        assertThat(small.getHeight()).isEqualTo(16);

        Instance rgb = instances.get("SC_rgb_rle_16bit_2frame");
        BufferedImage second = image(client.get(rgb.path() + "/frames/2/rendered", "tech", "image/png"),
                "image/png");
        assertThat(pixels(second)).isEqualTo(pixels(toolkit("SC_rgb_rle_16bit_2frame", 2, Rendering.defaults())))
                .isNotEqualTo(pixels(toolkit("SC_rgb_rle_16bit_2frame", 1, Rendering.defaults())));
    }

    @Test
    void jpegIsTheDefaultAndThumbnailsFitIn128() throws Exception {
        Instance ct = instances.get("CT_small");
        BufferedImage jpeg = image(client.get(ct.path() + "/rendered", "radiologist", null), "image/jpeg");
        assertThat(jpeg.getWidth()).isEqualTo(128);
        HttpResponse<byte[]> low = client.get(ct.path() + "/rendered?quality=5", "tech", "image/jpeg");
        HttpResponse<byte[]> high = client.get(ct.path() + "/rendered?quality=100", "tech", "image/jpeg");
        assertThat(low.body().length).isLessThan(high.body().length);
        Instance rgb = instances.get("SC_rgb_rle_16bit_2frame");
        for (String path : List.of(ct.path() + "/thumbnail", "/studies/" + ct.study() + "/thumbnail",
                "/studies/" + ct.study() + "/series/" + ct.series() + "/thumbnail", rgb.path() + "/frames/2/thumbnail")) {
            BufferedImage thumbnail = image(client.get(path, "tech", null), "image/jpeg");
            assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).as(path).isLessThanOrEqualTo(128);
        }
        BufferedImage thumbnail = image(client.get(ct.path() + "/thumbnail", "tech", null), "image/jpeg");
        assertThat(thumbnail.getWidth()).isEqualTo(128);
        assertThat(thumbnail.getHeight()).isEqualTo(128);
        long audited = jdbc.sql("SELECT count(*) FROM audit_event WHERE detail LIKE 'WADO-RS rendered%' "
                + "AND object_id = ?").param(ct.study()).query(Long.class).single();
        assertThat(audited).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRenderedSeriesOrStudyIsEveryFrameOfItsInstancesOnePartEach() throws Exception {
        Instance first = instances.get("MIXED_1");
        String series = "/studies/" + first.study() + "/series/" + first.series();
        HttpResponse<byte[]> png = client.get(series + "/rendered", "tech", "multipart/related; type=\"image/png\"");
        assertThat(png.statusCode()).as(new String(png.body())).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("multipart/related; type=\"image/png\"; boundary=");
        List<byte[]> parts = DicomWebClient.parts(png);
        assertThat(parts).as("the CT, both frames of the RGB image; the JPEG 2000 image left out").hasSize(3);
        assertThat(pixels(ImageIO.read(new ByteArrayInputStream(parts.get(0)))))
                .isEqualTo(pixels(toolkit("MIXED_1", 1, Rendering.defaults())));
        assertThat(pixels(ImageIO.read(new ByteArrayInputStream(parts.get(2)))))
                .isEqualTo(pixels(toolkit("MIXED_2", 2, Rendering.defaults())));
        assertThat(DicomWebClient.partTypes(png)).containsOnly("image/png");
        String body = new String(png.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(body).contains(first.path() + "/frames/1/rendered\r\n",
                instances.get("MIXED_2").path() + "/frames/2/rendered\r\n")
                .doesNotContain(instances.get("MIXED_3").path());

        HttpResponse<byte[]> study = client.get("/studies/" + first.study() + "/rendered?viewport=32,32", "tech",
                null);
        assertThat(study.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("multipart/related; type=\"image/jpeg\"; boundary=");
        for (byte[] part : DicomWebClient.parts(study)) {
            assertThat(ImageIO.read(new ByteArrayInputStream(part)).getWidth()).isLessThanOrEqualTo(32);
        }
        assertThat(DicomWebClient.parts(study)).hasSize(3);
        assertProblem(client.get(series + "/rendered", "tech", "image/jpeg"), 406, "multipart/related");
        Instance j2k = instances.get("JPEG2000");
        assertProblem(client.get("/studies/" + j2k.study() + "/series/" + j2k.series() + "/rendered", "tech",
                null), 406, "JPEG 2000");
    }

    @Test
    void thumbnailsTakeAViewportAndTheAcceptQueryParameterStandsForTheHeader() throws Exception {
        Instance ct = instances.get("CT_small");
        BufferedImage thumbnail = image(client.get(ct.path() + "/thumbnail?viewport=48,48", "tech", null),
                "image/jpeg");
        assertThat(thumbnail.getWidth()).isEqualTo(48);
        assertThat(thumbnail.getHeight()).isEqualTo(48);
        String series = "/studies/" + ct.study() + "/series/" + ct.series();
        assertThat(image(client.get(series + "/thumbnail?viewport=64,32", "tech", null), "image/jpeg").getWidth())
                .isEqualTo(32);
        assertProblem(client.get(series + "/thumbnail?viewport=0,32", "tech", null), 400, "at least 1");

        BufferedImage png = image(client.get(ct.path() + "/rendered?accept=image/png", "tech", "image/jpeg"),
                "image/png");
        assertThat(pixels(png)).isEqualTo(pixels(toolkit("CT_small", 1, Rendering.defaults())));
        image(client.get(ct.path() + "/thumbnail?accept=image%2Fpng", "tech", null), "image/png");
        HttpResponse<byte[]> parts = client.get(series + "/rendered?accept=multipart%2Frelated%3B%20type%3D%22image"
                + "%2Fpng%22", "tech", "image/jpeg");
        assertThat(parts.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("multipart/related; type=\"image/png\"");
        assertProblem(client.get(ct.path() + "/rendered?accept=image/gif", "tech", "image/png"), 406, "image/gif");
        HttpResponse<byte[]> metadata = client.get(ct.path() + "/metadata?accept=application%2Fdicom%2Bjson", "tech",
                "image/jpeg");
        assertThat(metadata.statusCode()).as(new String(metadata.body())).isEqualTo(200);
        HttpResponse<byte[]> qido = client.get("/studies?PatientID=RENDER-1&accept=application%2Fdicom%2Bjson",
                "tech", "image/jpeg");
        assertThat(qido.statusCode()).as(new String(qido.body())).isEqualTo(200);
    }

    @Test
    void wadoUriRendersJpegAndPngWithItsParameters() throws Exception {
        Instance ct = instances.get("CT_small");
        String[] uids = ct.path().replace("/studies/", "").split("/series/|/instances/");
        String query = "/wado?requestType=WADO&studyUID=" + uids[0] + "&seriesUID=" + uids[1] + "&objectUID="
                + uids[2];
        BufferedImage png = image(client.get(query + "&contentType=image%2Fpng&windowCenter=400&windowWidth=1800",
                "tech", null), "image/png");
        assertThat(pixels(png)).isEqualTo(pixels(toolkit("CT_small", 1,
                Rendering.defaults().withWindow(new Window(400, 1800)))));
        BufferedImage jpeg = image(client.get(query + "&contentType=image%2Fjpeg&rows=64&imageQuality=80", "tech",
                null), "image/jpeg");
        assertThat(jpeg.getHeight()).isEqualTo(64);
        assertThat(jpeg.getWidth()).isEqualTo(64);
        assertProblem(client.get(query + "&contentType=image%2Fjpeg&windowCenter=40", "tech", null), 400,
                "windowCenter and windowWidth");
        assertProblem(client.get(query + "&contentType=image%2Fjpeg&frameNumber=2", "tech", null), 404,
                "the instance has 1 frame");
    }

    @Test
    void badRequestsGetAProblemDocumentWithTheReason() throws Exception {
        Instance ct = instances.get("CT_small");
        assertProblem(client.get(ct.path() + "/frames/2/rendered", "tech", null), 404, "the instance has 1 frame");
        assertProblem(client.get(ct.path() + "/frames/0/rendered", "tech", null), 400, "frame numbers from 1");
        assertProblem(client.get(ct.path() + "/rendered?window=40", "tech", null), 400, "center,width");
        assertProblem(client.get(ct.path() + "/rendered?window=40,0", "tech", null), 400, "width above 0");
        assertProblem(client.get(ct.path() + "/rendered?window=40,400,cubic", "tech", null), 400, "cubic");
        assertProblem(client.get(ct.path() + "/rendered?viewport=0,10", "tech", null), 400, "at least 1");
        assertProblem(client.get(ct.path() + "/rendered?viewport=a,10", "tech", null), 400, "whole number");
        assertProblem(client.get(ct.path() + "/rendered?quality=101", "tech", null), 400, "from 1 to 100");
        assertProblem(client.get(ct.path() + "/rendered", "tech", "image/gif"), 406, "image/jpeg or image/png");
        String unknown = ct.path().replaceAll("/instances/.*", "/instances/1.2.3.4");
        assertProblem(client.get(unknown + "/rendered", "tech", null), 404, "no instance 1.2.3.4");
        assertProblem(client.get("/studies/1.2.3.4/thumbnail", "tech", null), 404, "no study 1.2.3.4");
        Instance j2k = instances.get("JPEG2000");
        assertProblem(client.get(j2k.path() + "/rendered", "tech", null), 406, "JPEG 2000");
        assertThat(client.get(ct.path() + "/rendered", null, null).statusCode()).isEqualTo(401);
        assertThat(client.get(ct.path() + "/thumbnail", "student", null).statusCode()).isEqualTo(403);
    }

    private static void assertProblem(HttpResponse<byte[]> response, int status, String reason) throws Exception {
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("detail").asString()).contains(reason);
    }
}
