package io.hounsfield.dicom.image;

/** Reads the frame header of a JPEG stream (ITU-T T.81 §B.2.2) without decoding it. */
final class JpegMarkers {
    private JpegMarkers() {
    }

    /** The sample precision in the first SOFn marker. */
    static int framePrecision(byte[] jpeg) throws PixelDataException {
        int at = sofOffset(jpeg);
        return jpeg[at + 4] & 0xFF;
    }

    /** The offset of the first SOFn marker (FFC0-FFCF except DHT C4, JPG C8 and DAC CC). */
    static int sofOffset(byte[] jpeg) throws PixelDataException {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new PixelDataException("the frame is not a JPEG stream (no start of image marker)");
        }
        int at = 2;
        while (at + 4 <= jpeg.length) {
            if ((jpeg[at] & 0xFF) != 0xFF) {
                throw new PixelDataException("the JPEG stream is malformed at byte " + at);
            }
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                if (at + 10 > jpeg.length) {
                    break;
                }
                return at;
            }
            int length = (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
            at += 2 + length;
        }
        throw new PixelDataException("the JPEG stream has no frame header");
    }
}
