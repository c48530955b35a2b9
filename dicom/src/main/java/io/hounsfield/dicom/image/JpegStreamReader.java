package io.hounsfield.dicom.image;

/**
 * What the own JPEG decoders (Lossless, T.81; JPEG-LS, T.87) share: the walk from marker to marker, big-endian
 * fields, and the frame header with its components. Subclasses decode the scans.
 */
abstract class JpegStreamReader {
    final byte[] in;
    private final String codec;
    int pos;
    int precision;
    int width;
    int height;
    int[] componentIds;
    int[] samples;

    JpegStreamReader(byte[] in, String codec) {
        this.in = in;
        this.codec = codec;
    }

    /** Checks the start of image marker and stands after it. */
    final void startOfImage() throws PixelDataException {
        if (in.length < 4 || u8(0) != 0xFF || u8(1) != 0xD8) {
            throw new PixelDataException("the frame is not a " + codec + " stream (no start of image marker)");
        }
        pos = 2;
    }

    /** The frame header (T.81 §B.2.2, T.87 §C.2.2): precision, size, components, none subsampled. */
    final void frameHeader(int at) throws PixelDataException {
        precision = u8(at);
        height = u16(at + 1);
        width = u16(at + 3);
        int count = u8(at + 5);
        if (precision < 2 || precision > 16 || width == 0 || height == 0 || count < 1 || count > 4) {
            throw new PixelDataException("the " + codec + " frame header is invalid (precision " + precision + ", "
                    + width + "x" + height + ", " + count + " components)");
        }
        componentIds = new int[count];
        for (int c = 0; c < count; c++) {
            componentIds[c] = u8(at + 6 + 3 * c);
            if (u8(at + 7 + 3 * c) != 0x11) {
                throw subsampled();
            }
        }
        samples = new int[width * height * count];
    }

    /**
     * The decoded samples as the image describes them: the frame's size and components checked against it, each
     * sample cut to Bits Stored (sign-extended when signed); YBR_FULL_422 is full YBR once decoded.
     */
    final Raster raster(ImageDescription description) throws PixelDataException {
        int spp = componentIds.length;
        if (width != description.columns() || height != description.rows()
                || spp != description.samplesPerPixel()) {
            throw new PixelDataException("the " + codec + " frame is " + width + "x" + height + " with " + spp
                    + " components, the image says " + description.columns() + "x" + description.rows()
                    + " with " + description.samplesPerPixel());
        }
        int bits = description.bitsStored();
        boolean signed = description.signed();
        for (int i = 0; i < samples.length; i++) {
            int value = samples[i];
            samples[i] = bits >= 32 ? value : signed ? (value << (32 - bits)) >> (32 - bits)
                    : value & ((1 << bits) - 1);
        }
        String photometric = description.photometric().equals("YBR_FULL_422") ? "YBR_FULL"
                : description.photometric();
        return new Raster(height, width, spp, bits, signed, photometric, samples);
    }

    /** The failure for a frame whose components are subsampled. */
    abstract PixelDataException subsampled();

    final int indexOf(int id) throws PixelDataException {
        for (int c = 0; c < componentIds.length; c++) {
            if (componentIds[c] == id) {
                return c;
            }
        }
        throw new PixelDataException("the " + codec + " scan names component " + id + ", not in the frame");
    }

    /** The next marker from {@code pos}, leaving {@code pos} after it; -1 at the end of the data. */
    final int nextMarker() {
        while (pos + 1 < in.length) {
            if (u8(pos) == 0xFF && u8(pos + 1) != 0xFF && u8(pos + 1) != 0) {
                int marker = u8(pos + 1);
                pos += 2;
                return marker;
            }
            pos++;
        }
        return -1;
    }

    final int u8(int at) {
        return in[at] & 0xFF;
    }

    final int u16(int at) {
        return (in[at] & 0xFF) << 8 | (in[at + 1] & 0xFF);
    }
}
