package io.hounsfield.dicom.tool;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.DicomParseException;
import io.hounsfield.dicom.io.Part10;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Prints a DICOM file as text, like dcmtk's dcmdump: {@code java -cp hounsfield-dicom.jar io.hounsfield.dicom.tool.Dump
 * [--canonical] FILE...}. {@code --canonical} prints one line per element with its full value digest, the form the
 * conformance tests compare with pydicom. Exit status 1 if a file could not be parsed.
 */
public final class Dump {
    private Dump() {
    }

    public static void main(String[] args) {
        boolean canonical = false;
        int status = 0;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (String arg : args) {
            if (arg.equals("--canonical")) {
                canonical = true;
                continue;
            }
            try {
                DicomFile file = Part10.read(Path.of(arg));
                out.print(canonical ? canonical(file) : dump(file));
            } catch (DicomParseException e) {
                System.err.println("E: " + arg + ": " + e.getMessage());
                status = 1;
            } catch (IOException e) {
                System.err.println("E: " + arg + ": " + e);
                status = 1;
            }
        }
        System.exit(status);
    }

    /** The dcmdump-like text of a file. */
    public static String dump(DicomFile file) {
        StringBuilder text = new StringBuilder("\n# Dicom-File-Format\n\n# Dicom-Meta-Information-Header\n");
        text.append("# Used TransferSyntax: Little Endian Explicit\n");
        DumpFormat.elements(text, file.fileMeta(), 0);
        text.append("\n# Dicom-Data-Set\n# Used TransferSyntax: ").append(file.transferSyntax().name()).append('\n');
        DumpFormat.elements(text, file.dataset(), 0);
        return text.toString();
    }

    /** One line per element, {@code path VR value}, values in full (binary as length and SHA-1). */
    public static String canonical(DicomFile file) {
        StringBuilder text = new StringBuilder();
        CanonicalFormat.elements(text, "", file.fileMeta());
        CanonicalFormat.elements(text, "", file.dataset());
        return text.toString();
    }

    /** The canonical lines of a data set alone. */
    public static String canonical(Attributes dataset) {
        StringBuilder text = new StringBuilder();
        CanonicalFormat.elements(text, "", dataset);
        return text.toString();
    }
}
