package io.hounsfield.dicom.net;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.image.ImageDescription;
import io.hounsfield.dicom.image.NativeEncoder;
import io.hounsfield.dicom.image.PixelData;
import io.hounsfield.dicom.image.PixelDataException;
import io.hounsfield.dicom.image.Raster;
import io.hounsfield.dicom.io.DicomReader;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.net.service.DicomInstance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An encapsulated instance sent decompressed, for a peer that accepted only native syntaxes (PS3.5 §8.2): each
 * frame decoded by the toolkit and written as native pixels (little endian, samples of a pixel together), the
 * Photometric Interpretation the decoded one, the encapsulation's offset tables dropped.
 */
final class Decompression {
    private Decompression() {
    }

    /**
     * {@code instance} read and decompressed, or {@code null} when it is not encapsulated, {@code acceptedUid} is
     * not native, or its pixels cannot be decoded here. The whole instance is held in memory, before the C-STORE
     * request is sent, so a decoding failure never cuts a message short.
     */
    static Attributes decompressed(DicomInstance instance, String acceptedUid) throws IOException {
        TransferSyntax stored = TransferSyntax.of(instance.transferSyntaxUid());
        if (!stored.encapsulated() || TransferSyntax.of(acceptedUid).encapsulated()) {
            return null;
        }
        Attributes dataset;
        try (InputStream in = instance.source().open()) {
            dataset = new DicomReader(in, stored, ReadOptions.DEFAULT).readDataset();
        }
        try {
            decompress(dataset, stored);
        } catch (PixelDataException e) {
            return null;
        }
        return dataset;
    }

    /** Replaces {@code dataset}'s encapsulated Pixel Data by its decoded frames. */
    static void decompress(Attributes dataset, TransferSyntax syntax) throws IOException {
        PixelData pixels = PixelData.of(dataset, syntax);
        ImageDescription description = pixels.description();
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        String photometric = null;
        for (int frame = 1; frame <= pixels.frameCount(); frame++) {
            Raster raster = pixels.decode(frame);
            photometric = raster.photometric();
            frames.writeBytes(NativeEncoder.encode(raster, description.bitsAllocated()));
        }
        byte[] value = frames.toByteArray();
        if (value.length % 2 != 0) {
            value = java.util.Arrays.copyOf(value, value.length + 1);
        }
        dataset.remove(Tags.ExtendedOffsetTable);
        dataset.remove(Tags.ExtendedOffsetTableLengths);
        dataset.setValue(Tags.PixelData, description.bitsAllocated() > 8 ? VR.OW : VR.OB, value);
        dataset.setString(Tags.PhotometricInterpretation, VR.CS, photometric);
        if (description.samplesPerPixel() > 1) {
            dataset.setInts(Tags.PlanarConfiguration, VR.US, 0);
        }
    }
}
