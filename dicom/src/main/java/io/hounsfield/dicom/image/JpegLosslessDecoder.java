package io.hounsfield.dicom.image;

/** JPEG Lossless, processes 14 and 14 SV1 (ITU-T T.81 Annex H). */
final class JpegLosslessDecoder implements FrameDecoder {
    @Override
    public Raster decode(byte[] frame, ImageDescription d) throws PixelDataException {
        throw new NotDecodableException("1.2.840.10008.1.2.4.70", "JPEG Lossless images cannot be decoded here yet");
    }
}
