package io.hounsfield.dicom.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * A buffered input that counts its position, reads integers in either byte order and never allocates more for a
 * value than the input has actually delivered, so a hostile length cannot exhaust memory.
 */
final class DicomInput {
    private static final int BUFFER = 64 * 1024;
    private static final int CHUNK = 64 * 1024;

    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER];
    private int start;
    private int end;
    private long position;
    private boolean bigEndian;

    DicomInput(InputStream in, long position) {
        this.in = in;
        this.position = position;
    }

    long position() {
        return position;
    }

    void bigEndian(boolean value) {
        bigEndian = value;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    /** Fills the buffer to hold at least {@code count} bytes if the input has them; returns how many it holds. */
    int fill(int count) throws IOException {
        if (end - start >= count) {
            return end - start;
        }
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        while (end < count) {
            int read = readUnderlying(buffer, end, buffer.length - end);
            if (read < 0) {
                break;
            }
            end += read;
        }
        return end - start;
    }

    /** Reads from the underlying stream; corrupt or cut deflate data is a parse failure (PS3.5 §A.5). */
    private int readUnderlying(byte[] target, int offset, int length) throws IOException {
        try {
            return in.read(target, offset, length);
        } catch (ZipException | EOFException e) {
            throw new DicomParseException("corrupt or truncated deflated data: " + e.getMessage(), position, 0, e);
        }
    }

    /** Peeks at byte {@code index} ahead (0-based), or -1 past the end; index must be below 256. */
    int peek(int index) throws IOException {
        return fill(index + 1) > index ? buffer[start + index] & 0xFF : -1;
    }

    boolean atEnd() throws IOException {
        return fill(1) == 0;
    }

    private void require(int count, int tag) throws IOException {
        if (fill(count) < count) {
            throw new DicomParseException("input ends within " + count + " bytes of an element header or value",
                    position, tag, new EOFException());
        }
    }

    int readU8(int tag) throws IOException {
        require(1, tag);
        position++;
        return buffer[start++] & 0xFF;
    }

    int readU16(int tag) throws IOException {
        require(2, tag);
        int b0 = buffer[start] & 0xFF;
        int b1 = buffer[start + 1] & 0xFF;
        start += 2;
        position += 2;
        return bigEndian ? (b0 << 8) | b1 : (b1 << 8) | b0;
    }

    long readU32(int tag) throws IOException {
        int first = readU16(tag);
        int second = readU16(tag);
        return bigEndian ? ((long) first << 16) | second : ((long) second << 16) | first;
    }

    int readTag() throws IOException {
        int group = readU16(0);
        int element = readU16(0);
        return (group << 16) | element;
    }

    /**
     * Reads {@code length} bytes. The array starts at what the input says is available (at least 64 KiB) and grows only
     * as the input delivers, so a hostile length cannot make it allocate more than the input holds.
     */
    byte[] readBytes(int length, int tag, long offset) throws IOException {
        long available = (long) (end - start) + Math.max(0, in.available());
        byte[] value = new byte[(int) Math.min(length, Math.max(CHUNK, available))];
        int done = 0;
        while (done < length) {
            if (done == value.length) {
                value = Arrays.copyOf(value, (int) Math.min(length, (long) value.length * 2));
            }
            int read = read(value, done, value.length - done);
            if (read < 0) {
                throw new DicomParseException("value of " + length + " bytes runs past the end of the input after "
                        + done + " bytes", offset, tag, new EOFException());
            }
            done += read;
        }
        return value;
    }

    /** Reads up to {@code length} bytes into {@code target}; -1 at the end of the input. */
    int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (end == start) {
            if (length >= BUFFER) {
                int read = readUnderlying(target, offset, length);
                position += Math.max(read, 0);
                return read;
            }
            if (fill(1) == 0) {
                return -1;
            }
        }
        int count = Math.min(length, end - start);
        System.arraycopy(buffer, start, target, offset, count);
        start += count;
        position += count;
        return count;
    }

    /**
     * Whether the rest of the input is zero bytes, as some writers pad a file after its data set; they are then
     * consumed. An element header is never all zero, so this is decided by the next 8 bytes; non-zero bytes after
     * them are a parse failure.
     *
     * @return the number of zero bytes skipped (0 if the next bytes are not padding)
     */
    long skipZeroPadding() throws IOException {
        int ahead = Math.min(8, fill(8));
        for (int i = 0; i < ahead; i++) {
            if (buffer[start + i] != 0) {
                return 0;
            }
        }
        long from = position;
        byte[] scratch = new byte[BUFFER];
        int read;
        while ((read = read(scratch, 0, scratch.length)) > 0) {
            for (int i = 0; i < read; i++) {
                if (scratch[i] != 0) {
                    throw new DicomParseException("non-zero bytes after " + (position - read + i - from)
                            + " bytes of zero padding", position - read + i, 0);
                }
            }
        }
        return position - from;
    }

    void skip(long length, int tag) throws IOException {
        skip(length, tag, position);
    }

    void skip(long length, int tag, long offset) throws IOException {
        byte[] scratch = length > 0 ? new byte[(int) Math.min(length, BUFFER)] : null;
        long left = length;
        while (left > 0) {
            int read = read(scratch, 0, (int) Math.min(left, scratch.length));
            if (read < 0) {
                throw new DicomParseException("value of " + length + " bytes runs past the end of the input",
                        offset, tag, new EOFException());
            }
            left -= read;
        }
    }

    /** The rest of the input, starting with what is buffered. */
    InputStream remaining() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return DicomInput.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                return DicomInput.this.read(target, offset, length);
            }
        };
    }

    /** A view of the next {@code length} bytes that ends there. */
    InputStream bounded(long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] target, int offset, int count) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int read = DicomInput.this.read(target, offset, (int) Math.min(count, left));
                left -= Math.max(read, 0);
                return read;
            }
        };
    }
}
