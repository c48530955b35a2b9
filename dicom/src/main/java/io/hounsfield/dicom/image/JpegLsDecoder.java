package io.hounsfield.dicom.image;

/**
 * JPEG-LS lossless and near-lossless (ITU-T T.87, PS3.5 §A.4.3): context modelling with the median edge
 * predictor, Golomb coded errors and run mode, preset parameters from an LSE marker, restart intervals; components
 * non-interleaved, line-interleaved or sample-interleaved. Mapping tables and subsampling are
 * {@link NotDecodableException}.
 */
final class JpegLsDecoder implements FrameDecoder {
    private static final int SOF55 = 0xF7;
    private static final int LSE = 0xF8;
    private static final int SOS = 0xDA;
    private static final int DRI = 0xDD;
    private static final int EOI = 0xD9;
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9,
        10, 11, 12, 13, 14, 15};

    @Override
    public Raster decode(byte[] frame, ImageDescription d) throws PixelDataException {
        try {
            return new Decoding(frame, d).run();
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new PixelDataException("the JPEG-LS frame is truncated or malformed", e);
        }
    }

    private static final class Decoding extends JpegStreamReader {
        private final ImageDescription description;
        private int presetMaxVal;
        private int presetT1;
        private int presetT2;
        private int presetT3;
        private int presetReset;
        private int restartInterval;

        Decoding(byte[] in, ImageDescription description) {
            super(in, "JPEG-LS");
            this.description = description;
        }

        @Override
        PixelDataException subsampled() {
            return new NotDecodableException("1.2.840.10008.1.2.4.80",
                    "subsampled JPEG-LS images cannot be decoded here");
        }

        Raster run() throws PixelDataException {
            startOfImage();
            boolean scanned = false;
            while (true) {
                int marker = nextMarker();
                if (marker < 0 || marker == EOI) {
                    break;
                }
                int length = u16(pos);
                int segment = pos + 2;
                int end = pos + length;
                switch (marker) {
                    case SOF55 -> frameHeader(segment);
                    case LSE -> presets(segment);
                    case DRI -> restartInterval = u16(segment);
                    case SOS -> {
                        if (samples == null) {
                            throw new PixelDataException("the JPEG-LS scan comes before its frame header");
                        }
                        pos = scan(segment);
                        scanned = true;
                        continue;
                    }
                    default -> {
                        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                            throw new PixelDataException("the frame is a JPEG stream, not JPEG-LS");
                        }
                    }
                }
                pos = end;
            }
            if (!scanned) {
                throw new PixelDataException("the JPEG-LS frame has no scan");
            }
            return raster(description);
        }

        private void presets(int at) throws PixelDataException {
            int id = u8(at);
            if (id == 1) {
                presetMaxVal = u16(at + 1);
                presetT1 = u16(at + 3);
                presetT2 = u16(at + 5);
                presetT3 = u16(at + 7);
                presetReset = u16(at + 9);
            } else {
                throw new NotDecodableException("1.2.840.10008.1.2.4.80",
                        "JPEG-LS images with mapping tables or oversize dimensions cannot be decoded here");
            }
        }

        private int scan(int at) throws PixelDataException {
            int count = u8(at);
            int[] components = new int[count];
            for (int j = 0; j < count; j++) {
                components[j] = indexOf(u8(at + 1 + 2 * j));
                if (u8(at + 2 + 2 * j) != 0) {
                    throw new NotDecodableException("1.2.840.10008.1.2.4.80",
                            "JPEG-LS images with mapping tables cannot be decoded here");
                }
            }
            int near = u8(at + 1 + 2 * count);
            int interleave = u8(at + 2 + 2 * count);
            int pointTransform = u8(at + 3 + 2 * count) & 0x0F;
            if (interleave > 2) {
                throw new PixelDataException("the JPEG-LS scan has interleave mode " + interleave);
            }
            Parameters p = new Parameters(precision, pointTransform, near, presetMaxVal, presetT1, presetT2,
                    presetT3, presetReset);
            ScanDecoder decoder = new ScanDecoder(p, new BitReader(in, at + 4 + 2 * count), count, width);
            int spp = componentIds.length;
            for (int y = 0; y < height; y++) {
                if (restartInterval > 0 && y > 0 && y % restartInterval == 0) {
                    decoder.restart();
                }
                if (interleave == 2 && count > 1) {
                    decoder.sampleInterleavedLine();
                }
                for (int j = 0; j < count; j++) {
                    int[] line = interleave == 2 && count > 1 ? decoder.current[j] : decoder.line(j);
                    int component = components[j];
                    for (int x = 0; x < width; x++) {
                        samples[(y * width + x) * spp + component] = line[x + 1] << pointTransform;
                    }
                }
            }
            return decoder.bits.end();
        }
    }

    /** The coding parameters of a scan (T.87 §C.2.4.1.1 defaults where the LSE marker gives none). */
    private static final class Parameters {
        final int maxVal;
        final int near;
        final int t1;
        final int t2;
        final int t3;
        final int reset;
        final int range;
        final int qbpp;
        final int limit;

        Parameters(int precision, int pointTransform, int near, int maxVal, int t1, int t2, int t3, int reset)
                throws PixelDataException {
            this.maxVal = maxVal != 0 ? maxVal : (1 << (precision - pointTransform)) - 1;
            this.near = near;
            if (near > Math.min(255, this.maxVal / 2)) {
                throw new PixelDataException("the JPEG-LS scan has NEAR " + near + " for MAXVAL " + this.maxVal);
            }
            this.range = (this.maxVal + 2 * near) / (2 * near + 1) + 1;
            this.qbpp = log2Ceil(range);
            int bpp = Math.max(2, log2Ceil(this.maxVal + 1));
            this.limit = 2 * (bpp + Math.max(8, bpp));
            int basicT1 = 3;
            int basicT2 = 7;
            int basicT3 = 21;
            int d1;
            int d2;
            int d3;
            if (this.maxVal >= 128) {
                int factor = (Math.min(this.maxVal, 4095) + 128) / 256;
                d1 = clamp(factor * (basicT1 - 2) + 2 + 3 * near, near + 1, this.maxVal);
                d2 = clamp(factor * (basicT2 - 3) + 3 + 5 * near, d1, this.maxVal);
                d3 = clamp(factor * (basicT3 - 4) + 4 + 7 * near, d2, this.maxVal);
            } else {
                int factor = 256 / (this.maxVal + 1);
                d1 = clamp(Math.max(2, basicT1 / factor + 3 * near), near + 1, this.maxVal);
                d2 = clamp(Math.max(3, basicT2 / factor + 5 * near), d1, this.maxVal);
                d3 = clamp(Math.max(4, basicT3 / factor + 7 * near), d2, this.maxVal);
            }
            this.t1 = t1 != 0 ? t1 : d1;
            this.t2 = t2 != 0 ? t2 : d2;
            this.t3 = t3 != 0 ? t3 : d3;
            this.reset = reset != 0 ? reset : 64;
        }

        private static int clamp(int i, int j, int maxVal) {
            return i > maxVal || i < j ? j : i;
        }

        private static int log2Ceil(int n) {
            int bits = 0;
            while ((1 << bits) < n) {
                bits++;
            }
            return bits;
        }
    }

    /** The contexts, run state and line buffers of one scan; {@link #line} decodes the next line of a component. */
    private static final class ScanDecoder {
        private final Parameters p;
        final BitReader bits;
        private final int width;
        private final int[] a = new int[367];
        private final int[] b = new int[367];
        private final int[] c = new int[365];
        private final int[] n = new int[367];
        private final int[] nn = new int[367];
        private final int[] runIndex;
        private final int[][] previous;
        final int[][] current;

        ScanDecoder(Parameters p, BitReader bits, int components, int width) {
            this.p = p;
            this.bits = bits;
            this.width = width;
            this.runIndex = new int[components];
            this.previous = new int[components][width + 2];
            this.current = new int[components][width + 2];
            reset();
        }

        private void reset() {
            int initialA = Math.max(2, (p.range + 32) / 64);
            java.util.Arrays.fill(a, initialA);
            java.util.Arrays.fill(b, 0);
            java.util.Arrays.fill(c, 0);
            java.util.Arrays.fill(n, 1);
            java.util.Arrays.fill(nn, 0);
            java.util.Arrays.fill(runIndex, 0);
        }

        void restart() throws PixelDataException {
            bits.restart();
            reset();
            for (int j = 0; j < previous.length; j++) {
                java.util.Arrays.fill(previous[j], 0);
                java.util.Arrays.fill(current[j], 0);
            }
        }

        /** Decodes the next line of component {@code j}; values at 1..width of the returned buffer. */
        int[] line(int j) throws PixelDataException {
            int[] prev = current[j]; // the line decoded last becomes the previous one
            int[] cur = previous[j];
            previous[j] = prev;
            current[j] = cur;
            prev[width + 1] = prev[width];
            cur[0] = prev[1];
            int x = 1;
            while (x <= width) {
                int ra = cur[x - 1];
                int rc = prev[x - 1];
                int rb = prev[x];
                int rd = prev[x + 1];
                int q = quantize(rd - rb) * 81 + quantize(rb - rc) * 9 + quantize(rc - ra);
                if (q != 0) {
                    cur[x] = regular(q, ra, rb, rc);
                    x++;
                } else {
                    x += runMode(j, cur, prev, x);
                }
            }
            return cur;
        }

        private int quantize(int d) {
            if (d <= -p.t3) {
                return -4;
            } else if (d <= -p.t2) {
                return -3;
            } else if (d <= -p.t1) {
                return -2;
            } else if (d < -p.near) {
                return -1;
            } else if (d <= p.near) {
                return 0;
            } else if (d < p.t1) {
                return 1;
            } else if (d < p.t2) {
                return 2;
            } else if (d < p.t3) {
                return 3;
            }
            return 4;
        }

        private int regular(int qs, int ra, int rb, int rc) throws PixelDataException {
            int sign = qs < 0 ? -1 : 1;
            int q = Math.abs(qs);
            int predicted;
            if (rc >= Math.max(ra, rb)) {
                predicted = Math.min(ra, rb);
            } else if (rc <= Math.min(ra, rb)) {
                predicted = Math.max(ra, rb);
            } else {
                predicted = ra + rb - rc;
            }
            predicted = Math.max(0, Math.min(p.maxVal, predicted + sign * c[q]));
            int k = 0;
            while ((n[q] << k) < a[q]) {
                k++;
            }
            int mapped = decodeValue(k, p.limit);
            int error = (mapped >>> 1) ^ -(mapped & 1);
            if (k == 0 && p.near == 0 && 2 * b[q] + n[q] - 1 < 0) {
                error = ~error;
            }
            b[q] += error * (2 * p.near + 1);
            a[q] += Math.abs(error);
            if (n[q] == p.reset) {
                a[q] >>= 1;
                b[q] >>= 1;
                n[q] >>= 1;
            }
            n[q]++;
            if (b[q] + n[q] <= 0) {
                b[q] += n[q];
                if (b[q] <= -n[q]) {
                    b[q] = -n[q] + 1;
                }
                if (c[q] > -128) {
                    c[q]--;
                }
            } else if (b[q] > 0) {
                b[q] -= n[q];
                if (b[q] > 0) {
                    b[q] = 0;
                }
                if (c[q] < 127) {
                    c[q]++;
                }
            }
            return reconstruct(predicted, sign * error);
        }

        private int reconstruct(int predicted, int error) {
            int value = predicted + error * (2 * p.near + 1);
            if (value < -p.near) {
                value += p.range * (2 * p.near + 1);
            } else if (value > p.maxVal + p.near) {
                value -= p.range * (2 * p.near + 1);
            }
            return Math.max(0, Math.min(p.maxVal, value));
        }

        /** Run mode from {@code x} (T.87 §A.7): returns how many samples it decoded. */
        private int runMode(int j, int[] cur, int[] prev, int x) throws PixelDataException {
            int ra = cur[x - 1];
            int remaining = width - x + 1;
            int run = runLength(j, remaining);
            for (int i = 0; i < run; i++) {
                cur[x + i] = ra;
            }
            if (run == remaining) {
                return run;
            }
            int at = x + run;
            int rb = prev[at];
            int value;
            if (Math.abs(ra - rb) <= p.near) {
                value = reconstruct(ra, interruptionError(j, 366, 1));
            } else {
                value = reconstruct(rb, interruptionError(j, 365, 0) * (rb - ra > 0 ? 1 : -1));
            }
            cur[at] = value;
            runIndex[j] = Math.max(0, runIndex[j] - 1);
            return run + 1;
        }

        /**
         * The next line of every component of a sample-interleaved scan into {@link #current}: run mode only when
         * every component is flat, runs and their interruptions over whole pixels (T.87 §A.8).
         */
        void sampleInterleavedLine() throws PixelDataException {
            int count = current.length;
            for (int j = 0; j < count; j++) {
                int[] swap = previous[j];
                previous[j] = current[j];
                current[j] = swap;
                previous[j][width + 1] = previous[j][width];
                current[j][0] = previous[j][1];
            }
            int[] qs = new int[count];
            int x = 1;
            while (x <= width) {
                boolean flat = true;
                for (int j = 0; j < count; j++) {
                    int[] cur = current[j];
                    int[] prev = previous[j];
                    qs[j] = quantize(prev[x + 1] - prev[x]) * 81 + quantize(prev[x] - prev[x - 1]) * 9
                            + quantize(prev[x - 1] - cur[x - 1]);
                    flat &= qs[j] == 0;
                }
                if (!flat) {
                    for (int j = 0; j < count; j++) {
                        current[j][x] = regular(qs[j], current[j][x - 1], previous[j][x], previous[j][x - 1]);
                    }
                    x++;
                    continue;
                }
                int remaining = width - x + 1;
                int run = runLength(0, remaining);
                for (int j = 0; j < count; j++) {
                    java.util.Arrays.fill(current[j], x, x + run, current[j][x - 1]);
                }
                if (run == remaining) {
                    x += run;
                    continue;
                }
                int at = x + run;
                for (int j = 0; j < count; j++) {
                    int ra = current[j][at - 1];
                    int rb = previous[j][at];
                    current[j][at] = reconstruct(rb, interruptionError(0, 365, 0) * (rb - ra >= 0 ? 1 : -1));
                }
                runIndex[0] = Math.max(0, runIndex[0] - 1);
                x = at + 1;
            }
        }

        /** The length of a run of at most {@code remaining} samples (T.87 §A.7.1). */
        private int runLength(int j, int remaining) throws PixelDataException {
            int run = 0;
            while (bits.read(1) == 1) {
                int count = Math.min(1 << J[runIndex[j]], remaining - run);
                run += count;
                if (count == 1 << J[runIndex[j]]) {
                    runIndex[j] = Math.min(31, runIndex[j] + 1);
                }
                if (run == remaining) {
                    break;
                }
            }
            if (run != remaining) {
                run += J[runIndex[j]] > 0 ? bits.read(J[runIndex[j]]) : 0;
            }
            if (run > remaining) {
                throw new PixelDataException("a JPEG-LS run goes past the end of its line");
            }
            return run;
        }

        private int interruptionError(int j, int q, int type) throws PixelDataException {
            int temp = a[q] + (n[q] >> 1) * type;
            int k = 0;
            while ((n[q] << k) < temp) {
                k++;
            }
            int mapped = decodeValue(k, p.limit - J[runIndex[j]] - 1);
            int value = mapped + type;
            int map = value & 1;
            int magnitude = (value + map) / 2;
            int error = ((k != 0 || 2 * nn[q] >= n[q]) ? 1 : 0) == map ? -magnitude : magnitude;
            if (error < 0) {
                nn[q]++;
            }
            a[q] += (mapped + 1 - type) >> 1;
            if (n[q] == p.reset) {
                a[q] >>= 1;
                n[q] >>= 1;
                nn[q] >>= 1;
            }
            n[q]++;
            return error;
        }

        private int decodeValue(int k, int limit) throws PixelDataException {
            int high = 0;
            while (bits.read(1) == 0) {
                high++;
                if (high > limit) {
                    throw new PixelDataException("the JPEG-LS data holds a code longer than its limit");
                }
            }
            if (high >= limit - (p.qbpp + 1)) {
                return bits.read(p.qbpp) + 1;
            }
            return k == 0 ? high : (high << k) | bits.read(k);
        }
    }

    /** JPEG-LS entropy-coded bits: after an FF byte the next byte's top bit is a stuffed 0 (T.87 §A.1). */
    private static final class BitReader {
        private final byte[] in;
        private int pos;
        private long buffer;
        private int count;
        private boolean afterFf;
        private boolean atMarker;

        BitReader(byte[] in, int pos) {
            this.in = in;
            this.pos = pos;
        }

        int read(int n) throws PixelDataException {
            while (count < n) {
                if (atMarker || pos >= in.length) {
                    if (pos >= in.length && !atMarker) {
                        throw new PixelDataException("the JPEG-LS data is truncated");
                    }
                    buffer = buffer << 8;
                    count += 8;
                    continue;
                }
                int next = in[pos] & 0xFF;
                if (afterFf) {
                    if (next >= 0x80) {
                        atMarker = true;
                        pos--;
                        continue;
                    }
                    buffer = (buffer << 7) | next;
                    count += 7;
                } else {
                    buffer = (buffer << 8) | next;
                    count += 8;
                }
                afterFf = next == 0xFF;
                pos++;
            }
            count -= n;
            return (int) ((buffer >>> count) & ((1L << n) - 1));
        }

        void restart() throws PixelDataException {
            count = 0;
            buffer = 0;
            afterFf = false;
            atMarker = false;
            while (pos + 1 < in.length && !((in[pos] & 0xFF) == 0xFF && (in[pos + 1] & 0xF8) == 0xD0)) {
                pos++;
            }
            if (pos + 1 >= in.length) {
                throw new PixelDataException("the JPEG-LS data misses a restart marker");
            }
            pos += 2;
        }

        int end() {
            return pos;
        }
    }
}
