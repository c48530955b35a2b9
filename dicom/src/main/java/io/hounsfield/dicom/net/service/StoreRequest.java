package io.hounsfield.dicom.net.service;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.io.DicomWriter;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.io.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A C-STORE-RQ as received (PS3.7 §9.1.1): the data set follows as a stream in {@code transferSyntaxUid}. The move
 * originator is {@code null} unless the store is a C-MOVE sub-operation.
 */
public record StoreRequest(AssociationInfo association, int messageId, String sopClassUid, String sopInstanceUid,
        String transferSyntaxUid, String moveOriginatorAeTitle, int moveOriginatorMessageId) {

    /** File Meta Information for writing the received data set as a DICOM file (PS3.10 §7.1). */
    public Attributes fileMeta() {
        Attributes meta = new Attributes();
        meta.setValue(0x00020001, VR.OB, new byte[] {0, 1});
        meta.setString(0x00020002, VR.UI, sopClassUid);
        meta.setString(0x00020003, VR.UI, sopInstanceUid);
        meta.setString(0x00020010, VR.UI, transferSyntaxUid);
        meta.setString(0x00020012, VR.UI, Part10.IMPLEMENTATION_CLASS_UID);
        meta.setString(0x00020013, VR.SH, Part10.IMPLEMENTATION_VERSION_NAME);
        meta.setString(0x00020016, VR.AE, association.callingAeTitle());
        return meta;
    }

    /**
     * Writes the received data set as a DICOM file (PS3.10 §7.1) without decoding it: preamble, "DICM",
     * {@link #fileMeta()}, then the data set bytes as they arrive. Returns the number of data set bytes.
     */
    public long writeFile(OutputStream out, InputStream dataset) throws IOException {
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        Attributes meta = fileMeta();
        meta.setValue(0x00020000, VR.UL, new byte[4]);
        new DicomWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                WriteOptions.DEFAULT.withGroupLengths(WriteOptions.GroupLengths.RECALCULATE)).writeDataset(meta);
        long count = dataset.transferTo(out);
        out.flush();
        return count;
    }
}
