package io.hounsfield.dicom.image;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.BulkData;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.io.DicomFile;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a stored file for its pixels without holding them: the data set up to Pixel Data in memory, the Pixel Data
 * as {@link BulkData} in the file, so that a frame costs the read of that frame (native) or of the fragment items
 * (encapsulated). Deflated files, whose offsets are not the file's, are read whole.
 */
public final class PixelDataFiles {
    private PixelDataFiles() {
    }

    public static DicomFile read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            Part10.Opened opened = Part10.open(in, ReadOptions.DEFAULT.withStopAtPixelData(true));
            if (opened.transferSyntax().deflated()) {
                return Part10.read(file);
            }
            Attributes dataset = opened.reader().readDataset();
            if (opened.reader().stoppedAtPixelData()) {
                long offset = opened.reader().position();
                long length = opened.reader().pixelDataLength();
                VR vr = opened.reader().pixelDataVr();
                long available = Files.size(file) - offset;
                if (length > available) {
                    throw new PixelDataException("the pixel data is truncated: " + length + " bytes declared, "
                            + available + " in the file");
                }
                dataset.setValue(Tag.PIXEL_DATA, vr == null ? VR.OB : vr, new BulkData(file, offset,
                        length < 0 ? available : length, opened.transferSyntax().bigEndian()));
            }
            return new DicomFile(opened.fileMeta(), dataset, opened.transferSyntax());
        }
    }
}
