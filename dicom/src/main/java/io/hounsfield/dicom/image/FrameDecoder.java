package io.hounsfield.dicom.image;

/** Turns the encoded bytes of one frame into its stored values. */
interface FrameDecoder {
    Raster decode(byte[] frame, ImageDescription description) throws PixelDataException;
}
