package io.hounsfield.dicom.image;

import java.util.Arrays;

/**
 * JPEG Lossless, processes 14 and 14 SV1 (ITU-T T.81 Annex H): Huffman coded differences from one of the seven
 * predictors, with point transform and restart intervals; one scan of all components or one scan per component,
 * each component sampled 1×1 as DICOM images are.
 */
final class JpegLosslessDecoder implements FrameDecoder {
    private static final int SOF3 = 0xC3;
    private static final int DHT = 0xC4;
    private static final int SOS = 0xDA;
    private static final int DRI = 0xDD;
    private static final int EOI = 0xD9;

    @Override
    public Raster decode(byte[] frame, ImageDescription d) throws PixelDataException {
        try {
            return new Decoding(frame, d).run();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new PixelDataException("the JPEG Lossless frame is truncated or malformed", e);
        }
    }

    /** The state of decoding one frame. */
    private static final class Decoding extends JpegStreamReader {
        private final ImageDescription description;
        private final HuffmanTable[] tables = new HuffmanTable[4];
        private int restartInterval;

        Decoding(byte[] in, ImageDescription description) {
            super(in, "JPEG Lossless");
            this.description = description;
        }

        @Override
        PixelDataException subsampled() {
            return new PixelDataException("the JPEG Lossless frame subsamples a component; not decoded here");
        }

        Raster run() throws PixelDataException {
            startOfImage();
            boolean scanned = false;
            while (true) {
                int marker = nextMarker();
                if (marker == EOI || marker < 0) {
                    break;
                }
                int length = u16(pos);
                int segment = pos + 2;
                int end = pos + length;
                switch (marker) {
                    case SOF3 -> frameHeader(segment);
                    case DHT -> huffmanTables(segment, end);
                    case DRI -> restartInterval = u16(segment);
                    case SOS -> {
                        pos = scan(segment);
                        scanned = true;
                        continue;
                    }
                    default -> {
                        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC8 && marker != 0xCC) {
                            throw new PixelDataException("the JPEG Lossless frame uses process SOF"
                                    + (marker - 0xC0) + ", not the lossless process 14");
                        }
                    }
                }
                pos = end;
            }
            if (!scanned) {
                throw new PixelDataException("the JPEG Lossless frame has no scan");
            }
            return raster(description);
        }

        private void huffmanTables(int at, int end) throws PixelDataException {
            while (at < end) {
                int id = u8(at) & 0x0F;
                if (id > 3) {
                    throw new PixelDataException("the JPEG stream names Huffman table " + id);
                }
                int[] counts = new int[17];
                int total = 0;
                for (int length = 1; length <= 16; length++) {
                    counts[length] = u8(at + length);
                    total += counts[length];
                }
                int[] values = new int[total];
                for (int i = 0; i < total; i++) {
                    values[i] = u8(at + 17 + i);
                }
                tables[id] = new HuffmanTable(counts, values);
                at += 17 + total;
            }
        }

        /** Decodes one scan and returns the position after its entropy-coded data. */
        private int scan(int at) throws PixelDataException {
            if (componentIds == null) {
                throw new PixelDataException("the JPEG Lossless scan comes before its frame header");
            }
            int count = u8(at);
            int[] components = new int[count];
            HuffmanTable[] scanTables = new HuffmanTable[count];
            for (int j = 0; j < count; j++) {
                int id = u8(at + 1 + 2 * j);
                components[j] = indexOf(id);
                scanTables[j] = tables[u8(at + 2 + 2 * j) >> 4];
                if (scanTables[j] == null) {
                    throw new PixelDataException("the JPEG Lossless scan uses an undefined Huffman table");
                }
            }
            int predictor = u8(at + 1 + 2 * count);
            int pointTransform = u8(at + 3 + 2 * count) & 0x0F;
            if (predictor < 1 || predictor > 7) {
                throw new PixelDataException("the JPEG Lossless scan has predictor " + predictor + ", 1 to 7 expected");
            }
            BitReader bits = new BitReader(in, at + 4 + 2 * count);
            int spp = componentIds.length;
            int mask = (1 << 16) - 1;
            int initial = 1 << (precision - pointTransform - 1);
            int[][] previous = new int[count][width];
            int[][] current = new int[count][width];
            int untilRestart = restartInterval;
            boolean firstLine = true;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    if (restartInterval > 0 && untilRestart == 0) {
                        bits.restart();
                        untilRestart = restartInterval;
                        firstLine = true;
                        if (x != 0) {
                            throw new PixelDataException("a JPEG Lossless restart interval ends inside a row");
                        }
                    }
                    for (int j = 0; j < count; j++) {
                        int prediction;
                        if (firstLine) {
                            prediction = x == 0 ? initial : current[j][x - 1];
                        } else if (x == 0) {
                            prediction = previous[j][0];
                        } else {
                            int ra = current[j][x - 1];
                            int rb = previous[j][x];
                            int rc = previous[j][x - 1];
                            prediction = switch (predictor) {
                                case 1 -> ra;
                                case 2 -> rb;
                                case 3 -> rc;
                                case 4 -> ra + rb - rc;
                                case 5 -> ra + ((rb - rc) >> 1);
                                case 6 -> rb + ((ra - rc) >> 1);
                                default -> (ra + rb) >> 1;
                            };
                        }
                        int value = (prediction + difference(bits, scanTables[j])) & mask;
                        current[j][x] = value;
                        samples[(y * width + x) * spp + components[j]] = value << pointTransform;
                    }
                    if (restartInterval > 0) {
                        untilRestart--;
                    }
                }
                firstLine = false;
                int[][] swap = previous;
                previous = current;
                current = swap;
            }
            return bits.end();
        }

        private int difference(BitReader bits, HuffmanTable table) throws PixelDataException {
            int category = table.decode(bits);
            if (category == 0) {
                return 0;
            }
            if (category == 16) {
                return 32768;
            }
            if (category > 16) {
                throw new PixelDataException("the JPEG Lossless data has a difference category of " + category);
            }
            int value = bits.read(category);
            return value < 1 << (category - 1) ? value - (1 << category) + 1 : value;
        }
    }

    /** A Huffman table in the form of T.81 §F.2.2.3: the largest code of each length and where its values start. */
    private static final class HuffmanTable {
        private final int[] maxCode = new int[18];
        private final int[] valueOffset = new int[17];
        private final int[] values;

        HuffmanTable(int[] counts, int[] values) {
            this.values = values;
            int code = 0;
            int k = 0;
            Arrays.fill(maxCode, -1);
            for (int length = 1; length <= 16; length++) {
                valueOffset[length] = k - code;
                code += counts[length];
                k += counts[length];
                maxCode[length] = counts[length] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
        }

        int decode(BitReader bits) throws PixelDataException {
            int code = bits.read(1);
            for (int length = 1; length <= 16; length++) {
                if (code <= maxCode[length]) {
                    return values[valueOffset[length] + code];
                }
                code = (code << 1) | bits.read(1);
            }
            throw new PixelDataException("the JPEG Lossless data holds a code not in its Huffman table");
        }
    }

    /** Entropy-coded bits: FF00 is a stuffed FF; a marker ends the data (zeros are read past it). */
    private static final class BitReader {
        private final byte[] in;
        private int pos;
        private int buffer;
        private int count;
        private boolean atMarker;

        BitReader(byte[] in, int pos) {
            this.in = in;
            this.pos = pos;
        }

        int read(int n) throws PixelDataException {
            while (count < n) {
                int next = 0;
                if (!atMarker) {
                    if (pos >= in.length) {
                        throw new PixelDataException("the JPEG Lossless data is truncated");
                    }
                    next = in[pos] & 0xFF;
                    if (next == 0xFF) {
                        int after = pos + 1 < in.length ? in[pos + 1] & 0xFF : 0xD9;
                        if (after == 0) {
                            pos += 2;
                        } else {
                            atMarker = true;
                            next = 0;
                        }
                    } else {
                        pos++;
                    }
                }
                buffer = (buffer << 8) | next;
                count += 8;
            }
            count -= n;
            return (buffer >>> count) & ((1 << n) - 1);
        }

        /** Skips to after the RSTn marker and starts on a byte boundary. */
        void restart() throws PixelDataException {
            count = 0;
            buffer = 0;
            while (pos + 1 < in.length && !((in[pos] & 0xFF) == 0xFF && (in[pos + 1] & 0xF8) == 0xD0)) {
                pos++;
            }
            if (pos + 1 >= in.length) {
                throw new PixelDataException("the JPEG Lossless data misses a restart marker");
            }
            pos += 2;
            atMarker = false;
        }

        /** The position of the marker after the data. */
        int end() {
            return pos;
        }
    }
}
