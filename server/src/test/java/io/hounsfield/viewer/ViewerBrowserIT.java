package io.hounsfield.viewer;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.MouseButton;
import io.hounsfield.Browser;
import io.hounsfield.Dcmtk;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.scp.DicomListener;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The built-in viewer in Chromium at 1366 px wide, on a CT series stored over DICOM and opened from the study page:
 * the image is not blank, the next slices come by arrow key and mouse wheel (prefetched), a preset and a right-drag
 * change the window, a measurement reads in mm from Pixel Spacing; the images shown are PNG (lossless), the
 * thumbnails JPEG. Screenshot: target/screenshots/viewer.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class ViewerBrowserIT {

    private static final int SLICES = 12;
    private static final int SIZE = 128;
    private static final double SPACING_MM = 1.5;
    private static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    DicomListener listener;

    @TempDir
    Path work;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aStoredCtSeriesScrollsWindowsAndMeasuresInTheViewer() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("VIEWB-" + System.nanoTime(), "STACK^STELLA", "VIEWB1",
                "20250403");
        Path folder = work.resolve("ct");
        List<String> slices = writeCtSeries(folder, study);
        writeRejectionNote(folder, study, slices.get(0), slices.get(3));
        Dcmtk.Run store = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "+sd", "127.0.0.1",
                String.valueOf(listener.port()), folder.toString());
        assertThat(store.exitCode()).as(store.output()).isZero();

        browser = new Browser("http://127.0.0.1:" + port);
        Page page = browser.loggedIn("tech", "demo", 1366, 768);
        List<String> dicomWeb = new CopyOnWriteArrayList<>();
        List<String> failed = new CopyOnWriteArrayList<>();
        List<String> console = new CopyOnWriteArrayList<>();
        List<String> renderedTypes = new CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.url().contains("/dicom-web/")) {
                dicomWeb.add(response.status() + " " + response.url());
                if (response.status() >= 400) {
                    failed.add(response.status() + " " + response.url());
                }
                if (response.url().contains("/rendered")) {
                    renderedTypes.add(response.headers().get("content-type"));
                }
            }
        });
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                console.add(message.text());
            }
        });
        page.navigate(browser.url("/archive/studies/" + study.studyUid()));
        page.locator("#open-viewer").click();
        assertThat(page).hasURL(browser.url("/viewer/studies/" + study.studyUid()));

        Locator viewer = page.locator("#viewer");
        Locator canvas = page.locator("#image");
        java.util.function.Supplier<String> diagnosis = () -> "DICOMweb:\n" + String.join("\n", dicomWeb)
                + "\nconsole:\n" + String.join("\n", console);
        assertThat(viewer).hasAttribute("data-shown", Pattern.compile(".*/frames/1/rendered.*"));
        assertThat(page.locator("#image-label")).hasText("Image 1 / " + SLICES + " (instance 1)");
        assertThat(page.locator("#window-label")).hasText("Window 40 / 400");
        assertThat(page.locator(".top-left")).containsText("STACK^STELLA");
        assertThat(page.locator(".top-right")).containsText("AXIAL 3 MM");
        assertThat(page.locator("#rejected")).isHidden();
        byte[] first = canvas.screenshot();
        assertThat(variance(first)).as(diagnosis).isGreaterThan(100);
        Files.createDirectories(Path.of("target", "screenshots"));
        Browser.screenshot(page, "viewer");

        // The neighbours were asked for before anyone scrolled.
        String firstShown = viewer.getAttribute("data-shown");
        page.waitForCondition(() -> dicomWeb.stream().filter(line -> line.contains("/rendered")).count() >= SLICES);

        page.locator("#stage").focus();
        page.keyboard().press("ArrowDown");
        assertThat(page.locator("#image-label")).hasText("Image 2 / " + SLICES + " (instance 2)");
        assertThat(viewer).not().hasAttribute("data-shown", firstShown);
        byte[] second = waitForChange(canvas, first);
        assertThat(second).as("the next slice looks different").isNotEqualTo(first);
        String secondShown = viewer.getAttribute("data-shown");
        assertThat(dicomWeb.stream().filter(line -> line.endsWith(secondShown)).count())
                .as("the next slice came from the prefetched images, asked for once").isEqualTo(1);
        assertThat(renderedTypes).as("the images shown are lossless PNG").isNotEmpty().containsOnly("image/png");

        page.mouse().move(700, 400);
        page.mouse().wheel(0, 120);
        assertThat(page.locator("#image-label")).hasText("Image 3 / " + SLICES + " (instance 3)");
        assertThat(page.locator("#rejected")).hasText("Rejected image");
        byte[] third = waitForChange(canvas, second);

        page.locator("#preset").selectOption("-600,1500");
        assertThat(page.locator("#window-label")).hasText("Window -600 / 1500");
        assertThat(viewer).hasAttribute("data-shown", Pattern.compile(".*window=-600,1500,linear.*"));
        byte[] lung = waitForChange(canvas, third);
        assertThat(variance(lung)).isGreaterThan(10);

        // A right-drag changes the window whatever the left button's tool.
        var box = canvas.boundingBox();
        double cx = box.x + box.width / 2;
        double cy = box.y + box.height / 2;
        page.mouse().move(cx, cy);
        page.mouse().down(new com.microsoft.playwright.Mouse.DownOptions().setButton(MouseButton.RIGHT));
        page.mouse().move(cx + 60, cy - 40, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().up(new com.microsoft.playwright.Mouse.UpOptions().setButton(MouseButton.RIGHT));
        assertThat(viewer).not().hasAttribute("data-shown", Pattern.compile(".*window=-600,1500,linear.*"));
        waitForChange(canvas, lung);

        // 100 CSS pixels across the image, fitted to the stage's height, at 1.5 mm per pixel.
        page.locator("[data-tool=measure]").click();
        double scale = Math.min(box.width, box.height) / SIZE;
        page.mouse().move(cx - 50, cy);
        page.mouse().down();
        page.mouse().move(cx + 50, cy, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
        assertThat(viewer).hasAttribute("data-measurement", Pattern.compile("\\d+\\.\\d mm"));
        Matcher mm = Pattern.compile("([\\d.]+) mm").matcher(viewer.getAttribute("data-measurement"));
        assertThat(mm.find()).isTrue();
        assertThat(Double.parseDouble(mm.group(1))).isCloseTo(100 / scale * SPACING_MM, within(1.0));

        page.locator("#invert").click();
        assertThat(page.locator("#zoom-label")).containsText("inverted");
        Browser.screenshot(page, "viewer-measured");
        assertThat(failed).as(diagnosis).isEmpty();
        page.keyboard().press("Home");
        assertThat(page.locator("#image-label")).hasText("Image 1 / " + SLICES + " (instance 1)");
        assertThat(page.locator("#rejected")).isHidden();
        assertThat(page.locator("#strip .series")).hasCount(1);
    }

    /** Waits (generously) until the canvas looks different from {@code before}; returns how it looks then. */
    private static byte[] waitForChange(Locator canvas, byte[] before) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        byte[] now = canvas.screenshot();
        while (Arrays.equals(now, before) && System.nanoTime() < deadline) {
            canvas.page().waitForTimeout(200);
            now = canvas.screenshot();
        }
        assertThat(now).as("the image changed").isNotEqualTo(before);
        return now;
    }

    /** The variance of the grey levels of a screenshot's middle half: 0 when the image is blank. */
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
     * Writes an axial CT series of {@link #SLICES} slices, {@link #SIZE}² pixels of 1.5 mm: air around a water disc
     * whose bone ring narrows from slice to slice (a plainly different image each), stored with window 40/400.
     * Returns the series' UID, then its images' SOP Instance UIDs in slice order.
     */
    private static List<String> writeCtSeries(Path folder, TestStudies.Study study) throws Exception {
        Files.createDirectories(folder);
        List<String> uids = new java.util.ArrayList<>();
        String seriesUid = TestStudies.newUid();
        uids.add(seriesUid);
        String frameOfReference = TestStudies.newUid();
        for (int slice = 1; slice <= SLICES; slice++) {
            Attributes image = TestStudies.image(study, seriesUid, 1, slice);
            image.setString(Tags.SeriesDescription, VR.LO, "AXIAL 3 MM");
            image.setString(Tags.FrameOfReferenceUID, VR.UI, frameOfReference);
            image.setInts(Tags.Rows, VR.US, SIZE);
            image.setInts(Tags.Columns, VR.US, SIZE);
            image.setDoubles(Tags.PixelSpacing, VR.DS, SPACING_MM, SPACING_MM);
            image.setDoubles(Tags.SliceThickness, VR.DS, 3);
            image.setDoubles(Tags.ImagePositionPatient, VR.DS, -96, -96, slice * 3.0);
            image.setDoubles(Tags.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
            image.setDoubles(Tags.RescaleIntercept, VR.DS, -1024);
            image.setDoubles(Tags.RescaleSlope, VR.DS, 1);
            image.setDoubles(Tags.WindowCenter, VR.DS, 40);
            image.setDoubles(Tags.WindowWidth, VR.DS, 400);
            byte[] pixels = new byte[SIZE * SIZE * 2];
            double ring = 20 + 2 * slice;
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    double r = Math.hypot(x - SIZE / 2.0, y - SIZE / 2.0);
                    int value = r > 56 ? 0 : r > ring ? 1024 + 800 : 1024 + 40 + (x * 3 % 60);
                    pixels[2 * (y * SIZE + x)] = (byte) value;
                    pixels[2 * (y * SIZE + x) + 1] = (byte) (value >> 8);
                }
            }
            image.setValue(Tags.PixelData, VR.OW, pixels);
            Part10.write(folder.resolve("ct" + slice + ".dcm"), image, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
            uids.add(image.getString(Tags.SOPInstanceUID));
        }
        return uids;
    }

    /**
     * A Key Object Selection titled "Rejected for Quality Reasons" (PS3.16 CID 7011, code 113001) that lists the CT
     * image {@code rejected}, in a series of its own, as a modality sends one when a technologist rejects an image.
     */
    private static void writeRejectionNote(Path folder, TestStudies.Study study, String seriesUid,
            String rejected) throws Exception {
        Attributes note = TestStudies.image(study, TestStudies.newUid(), 99, 1);
        for (int tag : new int[] {Tags.SamplesPerPixel, Tags.PhotometricInterpretation, Tags.Rows, Tags.Columns,
            Tags.BitsAllocated, Tags.BitsStored, Tags.HighBit, Tags.PixelRepresentation, Tags.PixelData}) {
            note.remove(tag);
        }
        note.setString(Tags.SOPClassUID, VR.UI, Uids.KeyObjectSelectionDocumentStorage);
        note.setString(Tags.Modality, VR.CS, "KO");
        note.setString(Tags.ValueType, VR.CS, "CONTAINER");
        note.setString(Tags.ContentDate, VR.DA, study.studyDate());
        note.setString(Tags.ContentTime, VR.TM, "120000");
        Attributes title = note.newSequence(Tags.ConceptNameCodeSequence).addItem();
        title.setString(Tags.CodeValue, VR.SH, "113001");
        title.setString(Tags.CodingSchemeDesignator, VR.SH, "DCM");
        title.setString(Tags.CodeMeaning, VR.LO, "Rejected for Quality Reasons");
        Attributes evidence = note.newSequence(Tags.CurrentRequestedProcedureEvidenceSequence).addItem();
        evidence.setString(Tags.StudyInstanceUID, VR.UI, study.studyUid());
        Attributes series = evidence.newSequence(Tags.ReferencedSeriesSequence).addItem();
        series.setString(Tags.SeriesInstanceUID, VR.UI, seriesUid);
        Attributes sop = series.newSequence(Tags.ReferencedSOPSequence).addItem();
        sop.setString(Tags.ReferencedSOPClassUID, VR.UI, Uids.CTImageStorage);
        sop.setString(Tags.ReferencedSOPInstanceUID, VR.UI, rejected);
        Part10.write(folder.resolve("rejection.dcm"), note, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }
}
