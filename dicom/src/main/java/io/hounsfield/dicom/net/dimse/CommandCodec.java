package io.hounsfield.dicom.net.dimse;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.DicomReader;
import io.hounsfield.dicom.io.DicomWriter;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.io.WriteOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Command sets are always encoded in Implicit VR Little Endian with their Command Group Length (PS3.7 §6.3.1). */
public final class CommandCodec {
    private static final ReadOptions LIMITS = ReadOptions.DEFAULT.withMaxElementLength(1 << 16).withMaxDepth(2);

    private CommandCodec() {
    }

    public static byte[] encode(Attributes command) {
        Attributes withLength = command;
        withLength.setValue(Tags.CommandGroupLength, VR.UL, new byte[4]);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            new DicomWriter(out, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                    WriteOptions.DEFAULT.withGroupLengths(WriteOptions.GroupLengths.RECALCULATE)).writeDataset(withLength);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static Attributes decode(byte[] encoded) throws IOException {
        return new DicomReader(new ByteArrayInputStream(encoded), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, LIMITS)
                .readDataset();
    }
}
