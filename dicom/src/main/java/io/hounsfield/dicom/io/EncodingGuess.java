package io.hounsfield.dicom.io;

import io.hounsfield.dicom.data.VR;
import java.io.IOException;

/**
 * Recognises the encoding of a data set from its first element header, for files without File Meta Information or
 * without a Transfer Syntax UID in it (as dcmtk does).
 */
final class EncodingGuess {
    private EncodingGuess() {
    }

    /** Whether bytes 4-5 ahead spell a VR, i.e. the next element is explicit VR (PS3.5 §7.1.2). */
    static boolean looksExplicit(DicomInput input) throws IOException {
        return input.fill(6) >= 6 && VR.of(input.peek(4), input.peek(5)) != null;
    }

    /** Explicit or implicit VR, little or big endian, from the first element's group number. */
    static TransferSyntax guess(DicomInput input) throws IOException {
        if (input.fill(6) < 6) {
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        boolean bigEndian = input.peek(0) == 0 && input.peek(1) != 0;
        if (looksExplicit(input)) {
            return bigEndian ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        }
        return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    }
}
