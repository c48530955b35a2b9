package io.hounsfield.ohif;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.hounsfield.Browser;
import io.hounsfield.Dcmtk;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.scp.DicomListener;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real OHIF Viewer 3.13.2, installed by {@code bin/install-ohif} (into {@code $HOUNSFIELD_TEST_OHIF_DIR} when
 * CI prepared one, else {@code target/ohif}; a second run finds it installed and changes nothing), opens a CT series
 * stored over DICOM from the study page's "Open in OHIF" link, in Chromium: the viewport shows the image (its pixels
 * vary) and no DICOMweb request failed. Screenshot: target/screenshots/ohif-viewer.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class OhifBrowserIT {

    private static final int SLICES = 12;
    private static final int SIZE = 128;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    DicomListener listener;

    @TempDir
    Path work;

    @DynamicPropertySource
    static void installOhif(DynamicPropertyRegistry registry) throws Exception {
        String prepared = System.getenv("HOUNSFIELD_TEST_OHIF_DIR");
        Path dir = (prepared == null || prepared.isBlank() ? Path.of("target", "ohif") : Path.of(prepared))
                .toAbsolutePath();
        Path log = Files.createTempFile("install-ohif", ".log");
        Process install = new ProcessBuilder("bash", Path.of("..", "bin", "install-ohif").toString(),
                "--dir", dir.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!install.waitFor(10, TimeUnit.MINUTES)) {
            install.destroyForcibly();
            throw new AssertionError("bin/install-ohif did not finish in 10 minutes: " + Files.readString(log));
        }
        String output = Files.readString(log);
        assertThat(install.exitValue()).as(output).isZero();
        assertThat(output).containsAnyOf("Installed OHIF Viewer 3.13.2 in " + dir,
                "OHIF Viewer 3.13.2 is already installed in " + dir);
        registry.add("hounsfield.ohif.dir", dir::toString);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aStoredCtSeriesOpensFromTheStudyPageAndTheViewportShowsIt() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("OHIF-" + System.nanoTime(), "VIEWER^VERA", "OHIFB1",
                "20250401");
        Path folder = work.resolve("ct");
        writeCtSeries(folder, study);
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();

        browser = new Browser("http://127.0.0.1:" + port);
        Page page = browser.loggedIn("radiologist", "demo", 1280, 900);
        page.navigate(browser.url("/archive/studies/" + study.studyUid()));
        List<String> failed = new CopyOnWriteArrayList<>();
        List<String> dicomWeb = new CopyOnWriteArrayList<>();
        List<String> console = new CopyOnWriteArrayList<>();
        List<String> otherFailed = new CopyOnWriteArrayList<>();
        // On the context, so that the viewer's tab is watched from its first request.
        page.context().onResponse(response -> {
            if (response.url().contains("/dicom-web/")) {
                dicomWeb.add(response.status() + " " + response.url());
                if (response.status() >= 400) {
                    failed.add(response.status() + " " + response.url());
                }
            } else if (response.status() >= 400) {
                otherFailed.add(response.status() + " " + response.url());
            }
        });
        page.context().onRequestFailed(request -> {
            // OHIF cancels requests it no longer needs (ERR_ABORTED); any other failure is the server's.
            if (request.url().contains("/dicom-web/") && !"net::ERR_ABORTED".equals(request.failure())) {
                failed.add(request.failure() + " " + request.url());
            }
        });
        page.context().onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                console.add(message.text());
            }
        });
        Page viewer = page.waitForPopup(() -> page.locator("#open-in-ohif").click());
        assertThat(viewer).hasURL(browser.url("/ohif/viewer?StudyInstanceUIDs=" + study.studyUid()));

        Locator canvas = viewer.locator("canvas.cornerstone-canvas").first();
        assertThat(canvas).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(90_000));
        // The first visit starts OHIF's tour of the viewer; it is not what is tested.
        Locator skipTour = viewer.getByText("Skip all");
        try {
            skipTour.click(new Locator.ClickOptions().setTimeout(15_000));
        } catch (com.microsoft.playwright.TimeoutError noTour) {
            // shown only once per browser profile, and not by every version
        }
        double variance = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && failed.isEmpty()) {
            variance = variance(canvas.screenshot());
            if (variance > 100) {
                break;
            }
            viewer.waitForTimeout(500);
        }
        Files.createDirectories(Path.of("target", "screenshots"));
        viewer.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "ohif-viewer.png")));
        canvas.screenshot(new Locator.ScreenshotOptions()
                .setPath(Path.of("target", "screenshots", "ohif-viewport.png")));

        String diagnosis = "DICOMweb requests:\n" + String.join("\n", dicomWeb) + "\nconsole errors:\n"
                + String.join("\n", console);
        assertThat(failed).as(diagnosis).isEmpty();
        assertThat(dicomWeb).as(diagnosis).anyMatch(line -> line.contains("/series/") && line.contains("/metadata"));
        assertThat(variance).as("grey-level variance of the viewport; " + diagnosis).isGreaterThan(100);
        // Installed under /ohif/, OHIF finds all its own files (fonts, chunks, workers) there.
        assertThat(otherFailed).as(diagnosis).isEmpty();
        // Hounsfield's Content Security Policy for /ohif lets OHIF do all it does.
        assertThat(console).as(diagnosis).noneMatch(message -> message.contains("Content Security Policy"));
    }

    /**
     * The variance of the grey levels in the middle of a screenshot of the viewport (PNG): 0 when it is blank. The
     * middle half only, where the image is: the corners carry OHIF's text overlay (date, series), a toast or a tour
     * box, which vary even over a black viewport.
     */
    private static double variance(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        double sum = 0;
        double squares = 0;
        long count = 0;
        for (int y = image.getHeight() / 4; y < image.getHeight() * 3 / 4; y++) {
            for (int x = image.getWidth() / 4; x < image.getWidth() * 3 / 4; x++) {
                int rgb = image.getRGB(x, y);
                double grey = (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3.0;
                sum += grey;
                squares += grey * grey;
                count++;
            }
        }
        double mean = sum / count;
        return squares / count - mean * mean;
    }

    /**
     * An axial CT series of {@link #SLICES} slices, {@link #SIZE}² pixels of 1.5 mm, 3 mm apart: air around a water
     * disc whose bright ring (bone) grows from slice to slice, stored values 0..4095 with rescale -1024.
     */
    private static void writeCtSeries(Path folder, TestStudies.Study study) throws Exception {
        Files.createDirectories(folder);
        String seriesUid = TestStudies.newUid();
        String frameOfReference = TestStudies.newUid();
        for (int slice = 1; slice <= SLICES; slice++) {
            Attributes image = TestStudies.image(study, seriesUid, 1, slice);
            image.setString(Tags.SeriesDescription, VR.LO, "AXIAL 3 MM");
            image.setString(Tags.FrameOfReferenceUID, VR.UI, frameOfReference);
            image.setInts(Tags.Rows, VR.US, SIZE);
            image.setInts(Tags.Columns, VR.US, SIZE);
            image.setDoubles(Tags.PixelSpacing, VR.DS, 1.5, 1.5);
            image.setDoubles(Tags.SliceThickness, VR.DS, 3);
            image.setDoubles(Tags.ImagePositionPatient, VR.DS, -96, -96, slice * 3.0);
            image.setDoubles(Tags.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
            image.setDoubles(Tags.SliceLocation, VR.DS, slice * 3.0);
            image.setDoubles(Tags.RescaleIntercept, VR.DS, -1024);
            image.setDoubles(Tags.RescaleSlope, VR.DS, 1);
            image.setDoubles(Tags.WindowCenter, VR.DS, 40);
            image.setDoubles(Tags.WindowWidth, VR.DS, 400);
            byte[] pixels = new byte[SIZE * SIZE * 2];
            double ring = 30 + slice;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double r = Math.hypot(x - SIZE / 2.0, y - SIZE / 2.0);
                    int value = r > 50 ? 0 : r > ring ? 1024 + 800 : 1024 + 40 + (x * 3 % 60);
                    pixels[2 * (y * SIZE + x)] = (byte) value;
                    pixels[2 * (y * SIZE + x) + 1] = (byte) (value >> 8);
                }
            }
            image.setValue(Tags.PixelData, VR.OW, pixels);
            Part10.write(folder.resolve("ct" + slice + ".dcm"), image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
    }
}
