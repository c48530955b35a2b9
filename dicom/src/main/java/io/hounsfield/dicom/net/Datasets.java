package io.hounsfield.dicom.net;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.io.DicomReader;
import io.hounsfield.dicom.io.DicomWriter;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.io.WriteOptions;
import io.hounsfield.dicom.net.service.DicomInstance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Data sets of DIMSE messages, in the transfer syntax of their presentation context (PS3.7 §6.3.2). */
final class Datasets {
    private Datasets() {
    }

    static Attributes parse(byte[] encoded, String transferSyntaxUid) throws IOException {
        TransferSyntax syntax = TransferSyntax.of(transferSyntaxUid);
        InputStream in = new ByteArrayInputStream(encoded);
        if (syntax.deflated()) {
            in = new InflaterInputStream(in, new Inflater(true));
            syntax = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        }
        return new DicomReader(in, syntax, ReadOptions.DEFAULT).readDataset();
    }

    static DataWriter writer(Attributes dataset) {
        return (out, transferSyntaxUid) -> new DicomWriter(out, TransferSyntax.of(transferSyntaxUid),
                WriteOptions.DEFAULT.withGroupLengths(WriteOptions.GroupLengths.OMIT)).writeDataset(dataset);
    }

    /**
     * Whether a data set encoded in {@code from} can be sent in {@code to} without decoding pixel data: the same
     * syntax, or two of the native ones (implicit, explicit, big endian, deflated; PS3.5 §A.1-§A.5).
     */
    static boolean convertible(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        return !TransferSyntax.of(from).encapsulated() && !TransferSyntax.of(to).encapsulated();
    }

    /**
     * Sends an instance as it is encoded, or re-encoded when the accepted syntax differs and both are native (the
     * caller checks {@link #convertible} before sending the command).
     */
    static DataWriter writer(DicomInstance instance) {
        return (out, transferSyntaxUid) -> {
            try (InputStream in = instance.source().open()) {
                if (transferSyntaxUid.equals(instance.transferSyntaxUid())) {
                    in.transferTo(out);
                    return;
                }
                if (!convertible(instance.transferSyntaxUid(), transferSyntaxUid)) {
                    throw new IOException("cannot convert " + instance.transferSyntaxUid() + " to " + transferSyntaxUid);
                }
                TransferSyntax from = TransferSyntax.of(instance.transferSyntaxUid());
                TransferSyntax to = TransferSyntax.of(transferSyntaxUid);
                InputStream source = in;
                if (from.deflated()) {
                    source = new InflaterInputStream(in, new Inflater(true));
                    from = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
                }
                Attributes dataset = new DicomReader(source, from, ReadOptions.DEFAULT).readDataset();
                new DicomWriter(out, to, WriteOptions.DEFAULT.withGroupLengths(WriteOptions.GroupLengths.OMIT))
                        .writeDataset(dataset);
            }
        };
    }
}
