package io.hounsfield.dicom.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.io.WriteOptions;
import io.hounsfield.dicom.tool.Dump;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file we and dcmdump read is written back in each uncompressed transfer syntax (implicit, explicit, deflated,
 * big endian), re-read by pydicom, dcmdump and us, and compared element by element with the original. Encapsulated
 * pixel data cannot become native without a codec: such files are written in the uncompressed syntaxes without Pixel
 * Data, and in their own transfer syntax with it.
 */
class RoundTripIT {
    @TempDir
    Path temp;

    record Written(Path original, Path copy, TransferSyntax transferSyntax, Set<String> removed) {
    }

    @BeforeAll
    static void tools() {
        ExternalTools.requireTools();
    }

    @Test
    void writesEveryReadableFileInEveryUncompressedSyntax() throws Exception {
        List<Path> readable = new ArrayList<>();
        for (Path file : ExternalTools.testFiles()) {
            if (!PydicomConformanceIT.EXCLUDED.containsKey(ExternalTools.relative(file))
                    && ExternalTools.dcmdump(file, "-q").clean()) {
                readable.add(file);
            }
        }
        List<Written> written = new ArrayList<>();
        for (Path file : readable) {
            written.addAll(writeCopies(file, written.size()));
        }
        Map<Path, String> originalByPydicom = ExternalTools.pydicom(readable);
        Map<Path, String> copyByPydicom = ExternalTools.pydicom(written.stream().map(Written::copy).toList());
        Map<Path, String> originalByDcmdump = new HashMap<>();
        List<String> failures = new ArrayList<>();
        int[] vrsLost = {0};
        for (Written copy : written) {
            String name = ExternalTools.relative(copy.original()) + " as " + copy.transferSyntax().name();
            boolean implicit = !copy.transferSyntax().explicitVr();
            if (copyByPydicom.get(copy.copy()).startsWith("### ERROR")) {
                failures.add(name + ", pydicom: " + copyByPydicom.get(copy.copy()).strip());
                continue;
            }
            List<String> differences = ElementLine.compare(ElementLine.parseCanonical(originalByPydicom.get(copy.original())),
                    ElementLine.parseCanonical(copyByPydicom.get(copy.copy())), copy.removed(), implicit, vrsLost);
            differences.forEach(difference -> failures.add(name + ", pydicom: " + difference));
            String ours = Dump.canonical(Part10.read(copy.copy()));
            differences = ElementLine.compare(ElementLine.parseCanonical(copyByPydicom.get(copy.copy())),
                    ElementLine.parseCanonical(ours), Set.of(), false, vrsLost);
            differences.forEach(difference -> failures.add(name + ", re-read by us: " + difference));
            ExternalTools.Result dump = ExternalTools.dcmdump(copy.copy());
            if (!dump.clean()) {
                failures.add(name + ", dcmdump: " + dump.err());
                continue;
            }
            String original = originalByDcmdump.computeIfAbsent(copy.original(), RoundTripIT::dcmdump);
            differences = ElementLine.compare(DcmdumpListing.parse(original), DcmdumpListing.parse(dump.out()),
                    copy.removed(), implicit, vrsLost);
            differences.forEach(difference -> failures.add(name + ", dcmdump: " + difference));
        }
        System.out.printf("round trip: %d files written as %d copies, re-read by pydicom, dcmdump and us; "
                + "%d element VRs only implicit VR could not tell; %d failures%n",
                readable.size(), written.size(), vrsLost[0], failures.size());
        Files.write(Path.of("target", "round-trip-failures.txt"), failures);
        failures.stream().limit(40).forEach(System.out::println);
        assertThat(written).hasSizeGreaterThan(400);
        assertThat(failures).isEmpty();
    }

    private List<Written> writeCopies(Path file, int counter) throws Exception {
        DicomFile original = Part10.read(file);
        List<Written> copies = new ArrayList<>();
        boolean encapsulated = original.dataset().value(Tag.PIXEL_DATA) instanceof Fragments;
        List<TransferSyntax> syntaxes = new ArrayList<>(List.of(TransferSyntax.uncompressed()));
        if (encapsulated) {
            syntaxes.add(original.transferSyntax());
        }
        for (TransferSyntax syntax : syntaxes) {
            Attributes dataset = original.dataset();
            Set<String> removed = Set.of();
            if (encapsulated && !syntax.encapsulated()) {
                dataset = withoutPixelData(dataset);
                removed = Set.of(String.format("%08X", Tag.PIXEL_DATA));
            }
            Path copy = temp.resolve((counter + copies.size()) + ".dcm");
            try (OutputStream out = Files.newOutputStream(copy)) {
                Part10.write(out, Part10.fileMetaFor(dataset, syntax, original.fileMeta()), dataset, syntax,
                        WriteOptions.DEFAULT);
            }
            copies.add(new Written(file, copy, syntax, removed));
        }
        return copies;
    }

    private static Attributes withoutPixelData(Attributes dataset) {
        Attributes copy = new Attributes();
        for (int i = 0; i < dataset.size(); i++) {
            if (dataset.tagAt(i) != Tag.PIXEL_DATA) {
                copy.setValue(dataset.tagAt(i), dataset.vrAt(i), dataset.valueAt(i));
            }
        }
        return copy;
    }

    private static String dcmdump(Path file) {
        try {
            return ExternalTools.dcmdump(file).out();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
