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

    /** Sends an instance as it is encoded, or re-encoded when the accepted syntax differs and neither is compressed. */
    static DataWriter writer(DicomInstance instance) {
        return (out, transferSyntaxUid) -> {
            try (InputStream in = instance.source().open()) {
                if (transferSyntaxUid.equals(instance.transferSyntaxUid())) {
                    in.transferTo(out);
                    return;
                }
                TransferSyntax from = TransferSyntax.of(instance.transferSyntaxUid());
                TransferSyntax to = TransferSyntax.of(transferSyntaxUid);
                if (from.encapsulated() || to.encapsulated() || from.deflated()) {
                    throw new IOException("cannot convert " + from.uid() + " to " + to.uid());
                }
                Attributes dataset = new DicomReader(in, from, ReadOptions.DEFAULT).readDataset();
                new DicomWriter(out, to, WriteOptions.DEFAULT.withGroupLengths(WriteOptions.GroupLengths.OMIT))
                        .writeDataset(dataset);
            }
        };
    }
}
