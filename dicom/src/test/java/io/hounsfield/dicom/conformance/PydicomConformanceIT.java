package io.hounsfield.dicom.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.io.DicomParseException;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.tool.Dump;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conformance with the real files of Debian's python3-pydicom: every file dcmdump parses, we parse, and every element
 * (tag, VR, value) agrees with pydicom's reading; every file dcmdump rejects, we reject with DicomParseException.
 */
class PydicomConformanceIT {
    /** Files left out of the comparison, with the reason. None are needed at present. */
    static final Map<String, String> EXCLUDED = Map.of();

    @BeforeAll
    static void tools() {
        ExternalTools.requireTools();
    }

    @Test
    void agreesWithDcmdumpAndPydicom() throws Exception {
        compare(ExternalTools.testFiles(), 100);
    }

    /** The character set examples of PS3.5 Annex H-K and more, as pydicom ships them: ISO 2022, UTF-8, GB18030. */
    @Test
    void decodesCharacterSetsAsPydicom() throws Exception {
        compare(ExternalTools.files(ExternalTools.CHARSET_FILES).stream()
                .filter(file -> file.toString().endsWith(".dcm")).toList(), 15);
    }

    private static void compare(List<Path> files, int atLeast) throws Exception {
        List<Path> accepted = new ArrayList<>();
        List<Path> rejected = new ArrayList<>();
        for (Path file : files) {
            if (EXCLUDED.containsKey(ExternalTools.relative(file))) {
                continue;
            }
            (ExternalTools.dcmdump(file, "-q").clean() ? accepted : rejected).add(file);
        }
        Map<Path, String> reference = ExternalTools.pydicom(accepted);
        List<String> failures = new ArrayList<>();
        for (Path file : accepted) {
            String ours;
            try {
                ours = Dump.canonical(Part10.read(file));
            } catch (Exception e) {
                failures.add(ExternalTools.relative(file) + ": dcmdump parses it, we throw " + e);
                continue;
            }
            String difference = CanonicalDiff.first(reference.get(file), ours);
            if (difference != null) {
                failures.add(ExternalTools.relative(file) + ": " + difference);
            }
        }
        for (Path file : rejected) {
            try {
                Part10.read(file);
                failures.add(ExternalTools.relative(file) + ": dcmdump rejects it, we parse it");
            } catch (DicomParseException expected) {
                // the one exception a bad file may raise
            } catch (Exception e) {
                failures.add(ExternalTools.relative(file) + ": rejected with " + e + " instead of DicomParseException");
            }
        }
        System.out.printf("pydicom conformance: %d files parsed and equal to pydicom, %d rejected as by dcmdump, "
                + "%d excluded, %d failures%n", accepted.size(), rejected.size(), EXCLUDED.size(), failures.size());
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(failures).isEmpty();
    }
}
