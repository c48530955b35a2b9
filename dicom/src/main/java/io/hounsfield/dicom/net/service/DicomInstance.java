package io.hounsfield.dicom.net.service;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.io.DicomReader;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.dicom.io.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A stored object to send with C-STORE: its SOP class and instance, and its data set, encoded in
 * {@code transferSyntaxUid}, as a stream opened on demand.
 */
public record DicomInstance(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, Source source) {
    /** Opens the encoded data set (without File Meta Information). */
    public interface Source {
        InputStream open() throws IOException;
    }

    /** An instance backed by a DICOM file (PS3.10): the data set is streamed from after the File Meta Information. */
    public static DicomInstance ofFile(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            Part10.Opened opened = Part10.open(in, ReadOptions.DEFAULT.withStopAtPixelData(true));
            Attributes meta = opened.fileMeta();
            String sopClassUid = meta.getString(0x00020002);
            String sopInstanceUid = meta.getString(0x00020003);
            if (sopClassUid == null || sopInstanceUid == null) {
                Attributes dataset = opened.reader().readDataset();
                sopClassUid = dataset.getString(0x00080016);
                sopInstanceUid = dataset.getString(0x00080018);
            }
            if (sopClassUid == null || sopInstanceUid == null) {
                throw new IOException(file + ": no SOP Class or SOP Instance UID");
            }
            // A deflated data set is read inflated, which is Explicit VR Little Endian (PS3.5 §A.5).
            String syntax = opened.transferSyntax().deflated() ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()
                    : opened.transferSyntax().uid();
            return new DicomInstance(sopClassUid, sopInstanceUid, syntax,
                    () -> datasetOf(() -> Files.newInputStream(file)));
        }
    }

    /**
     * An instance whose SOP class, instance and transfer syntax (as stored) are known already, as an archive's index
     * knows them: nothing is read until it is sent, and then the data set is streamed from after the File Meta
     * Information of the PS3.10 stream {@code part10} opens.
     */
    public static DicomInstance ofPart10(String sopClassUid, String sopInstanceUid, String storedTransferSyntaxUid,
            Source part10) {
        // A deflated data set is read inflated, which is Explicit VR Little Endian (PS3.5 §A.5).
        String syntax = TransferSyntax.of(storedTransferSyntaxUid).deflated()
                ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid() : storedTransferSyntaxUid.strip();
        return new DicomInstance(sopClassUid, sopInstanceUid, syntax, () -> datasetOf(part10));
    }

    private static InputStream datasetOf(Source part10) throws IOException {
        InputStream in = new BufferedInputStream(part10.open(), 64 * 1024);
        DicomReader reader = Part10.open(in, ReadOptions.DEFAULT).reader();
        InputStream rest = reader.remainingInput();
        return new java.io.FilterInputStream(rest) {
            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
