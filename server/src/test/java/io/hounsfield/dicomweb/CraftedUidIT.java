package io.hounsfield.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Dcmtk;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.scp.DicomListener;
import io.hounsfield.system.DataDirectory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13.1: an instance whose keys are multi-valued, too long, padded or not UIDs is refused with 0xA900 (PS3.4
 * §B.2.3, data set does not match SOP Class) through C-STORE (dcmtk storescu) and STOW-RS (FailureReason per
 * instance), and the stored instance it imitates stays byte for byte as it was and is what WADO-RS serves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class CraftedUidIT {
    private static final String MULTIPART = "multipart/related; type=\"application/dicom\"; boundary=b0undary";

    @LocalServerPort
    int port;

    @Autowired
    DicomListener listener;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataDirectory data;

    @TempDir
    Path work;

    private DicomWebClient client;
    private Attributes original;
    private Path storedFile;
    private byte[] storedBytes;

    @BeforeEach
    void storeTheOriginal() throws Exception {
        client = new DicomWebClient(port);
        TestStudies.Study study = TestStudies.Study.of("ORIG-" + System.nanoTime(), "ORIGINAL^OLGA", "ORIGACC",
                "20250401");
        original = TestStudies.image(study, TestStudies.newUid(), 1, 1);
        Path file = work.resolve("original.dcm");
        Part10.write(file, original, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Dcmtk.Run store = storescu(file);
        assertThat(store.exitCode()).as(store.output()).isZero();
        String relative = jdbc.sql("SELECT file_path FROM archive_instance WHERE sop_instance_uid = ?")
                .param(uid(Tags.SOPInstanceUID)).query(String.class).single();
        storedFile = data.store().resolve(relative);
        storedBytes = Files.readAllBytes(storedFile);
    }

    static Stream<Arguments> craftedKeys() {
        return Stream.of(
                Arguments.of("a second SOP Instance UID value", crafting((image, original) ->
                        image.setString(Tags.SOPInstanceUID, VR.UI, original.getString(Tags.SOPInstanceUID), "9"))),
                Arguments.of("a NUL inside the SOP Instance UID", crafting((image, original) ->
                        image.setValue(Tags.SOPInstanceUID, VR.UI,
                                bytes(original.getString(Tags.SOPInstanceUID) + "\0\0" + "9")))),
                Arguments.of("a SOP Instance UID of 65 characters", crafting((image, original) ->
                        image.setString(Tags.SOPInstanceUID, VR.UI,
                                (original.getString(Tags.SOPInstanceUID) + ".1111111111111111111111111111111111")
                                        .substring(0, 65)))),
                Arguments.of("a second Study Instance UID value", crafting((image, original) -> {
                    image.setString(Tags.SOPInstanceUID, VR.UI, original.getString(Tags.SOPInstanceUID));
                    image.setString(Tags.StudyInstanceUID, VR.UI, original.getString(Tags.StudyInstanceUID), "9");
                })),
                Arguments.of("a second Series Instance UID value", crafting((image, original) -> {
                    image.setString(Tags.SOPInstanceUID, VR.UI, original.getString(Tags.SOPInstanceUID) + ".7");
                    image.setString(Tags.SeriesInstanceUID, VR.UI, original.getString(Tags.SeriesInstanceUID),
                            "9");
                })),
                Arguments.of("a second Accession Number", crafting((image, original) ->
                        image.setString(Tags.AccessionNumber, VR.SH, "ORIGACC", "OTHER"))));
    }

    @ParameterizedTest(name = "C-STORE with {0}")
    @MethodSource("craftedKeys")
    void aCStoreWithCraftedKeysIsRefusedAndTheStoredImageStays(String description, Crafting crafting)
            throws Exception {
        Path crafted = work.resolve("crafted.dcm");
        Part10.write(crafted, crafted(crafting), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        Dcmtk.Run store = storescu(crafted);

        assertThat(store.output()).as(store.output()).contains("Error: DataSetDoesNotMatchSOPClass");
        assertOriginalUntouched();
    }

    @ParameterizedTest(name = "STOW-RS with {0}")
    @MethodSource("craftedKeys")
    void aStowWithCraftedKeysIsRefusedWithItsReasonAndTheStoredImageStays(String description, Crafting crafting)
            throws Exception {
        Path crafted = work.resolve("crafted.dcm");
        Part10.write(crafted, crafted(crafting), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        long refusals = storeFailures();

        HttpResponse<byte[]> response = client.post("/studies", "tech", MULTIPART,
                DicomWebClient.multipart("b0undary", List.of(Files.readAllBytes(crafted))));

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(409);
        assertThat(DicomWebIT.JSON.readTree(response.body()).path("00081198").path("Value").path(0)
                .path("00081197").path("Value").path(0).intValue()).isEqualTo(0xA900);
        assertThat(storeFailures()).as("the refusal is audited").isEqualTo(refusals + 1);
        assertOriginalUntouched();
    }

    private long storeFailures() {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'INSTANCE_STORE_FAILED' AND actor = 'tech'")
                .query(Long.class).single();
    }

    /** Its refusal once failed to be audited (the UID did not fit the audit row) and answered 500. */
    @Test
    void aUidOfThreeHundredCharactersIsRefusedAndTheRefusalIsAudited() throws Exception {
        String uid = "1." + "2".repeat(298);
        Path crafted = work.resolve("overlong.dcm");
        Part10.write(crafted, crafted((image, original) -> image.setString(Tags.SOPInstanceUID, VR.UI, uid)),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        HttpResponse<byte[]> response = client.post("/studies", "tech", MULTIPART,
                DicomWebClient.multipart("b0undary", List.of(Files.readAllBytes(crafted))));

        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(409);
        assertThat(DicomWebIT.JSON.readTree(response.body()).path("00081198").path("Value").path(0)
                .path("00081197").path("Value").path(0).intValue()).isEqualTo(0xA900);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'INSTANCE_STORE_FAILED' AND object_id = ?")
                .param(uid.substring(0, 128)).query(Long.class).single()).isEqualTo(1);
        assertOriginalUntouched();
    }

    @Test
    void aSingleTrailingNulPadIsTheStandardsAndStoresAsTheSameInstance() throws Exception {
        Attributes copy = crafted((image, original) -> image.setValue(Tags.SOPInstanceUID, VR.UI,
                bytes(original.getString(Tags.SOPInstanceUID) + (uid(Tags.SOPInstanceUID).length() % 2 == 1
                        ? "\0" : ""))));
        Path file = work.resolve("padded.dcm");
        Part10.write(file, copy, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        Dcmtk.Run store = storescu(file);

        assertThat(store.exitCode()).as(store.output()).isZero();
        assertOriginalUntouched();
    }

    private void assertOriginalUntouched() throws Exception {
        assertThat(Files.readAllBytes(storedFile)).as("the stored file").isEqualTo(storedBytes);
        assertThat(jdbc.sql("SELECT count(*) FROM archive_instance WHERE sop_instance_uid LIKE ?")
                .param(uid(Tags.SOPInstanceUID) + "%").query(Long.class).single()).isEqualTo(1);
        HttpResponse<byte[]> wado = client.get("/studies/" + uid(Tags.StudyInstanceUID) + "/series/"
                + uid(Tags.SeriesInstanceUID) + "/instances/" + uid(Tags.SOPInstanceUID), "tech", DicomWebIT.DICOM);
        assertThat(wado.statusCode()).isEqualTo(200);
        List<byte[]> parts = DicomWebClient.parts(wado);
        assertThat(parts).hasSize(1);
        Attributes served = Part10.read(new ByteArrayInputStream(parts.get(0)), ReadOptions.DEFAULT).dataset();
        assertThat(served.getString(Tags.PatientID)).isEqualTo(original.getString(Tags.PatientID));
        assertThat(served.getString(Tags.PatientName)).isEqualTo("ORIGINAL^OLGA");
    }

    /** Another patient's image wearing keys made from the original's. */
    private Attributes crafted(Crafting crafting) {
        TestStudies.Study other = new TestStudies.Study(uid(Tags.StudyInstanceUID), "INTRUDER-" + System.nanoTime(),
                "INTRUDER^IDA", "ORIGACC", "20250401", "CT");
        Attributes image = TestStudies.image(other, uid(Tags.SeriesInstanceUID), 1, 9);
        crafting.craft(image, original);
        return image;
    }

    private String uid(int tag) {
        return original.getString(tag);
    }

    private Dcmtk.Run storescu(Path file) throws Exception {
        return Dcmtk.run(work, "storescu", "-v", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port()), file.toString());
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Crafting crafting(Crafting crafting) {
        return crafting;
    }

    @FunctionalInterface
    interface Crafting {
        void craft(Attributes image, Attributes original);
    }
}
