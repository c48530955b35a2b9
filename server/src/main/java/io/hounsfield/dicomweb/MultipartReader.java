package io.hounsfield.dicomweb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a multipart body (RFC 2046 §5.1.1, as PS3.18 §8.6.1.2 uses for multipart/related) one part after the
 * other, each part's content a stream that ends at the next delimiter: no part is ever held whole. Preamble and
 * epilogue are skipped; a body that ends before its close delimiter raises {@link MalformedMultipartException}.
 */
final class MultipartReader {
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    /**
     * RFC 2046 allows 70 characters; senders use more (Orthanc's DICOMweb plugin 73), and a reader loses nothing by
     * accepting them.
     */
    static final int MAX_BOUNDARY = 200;

    /** One part: its header fields (names in lower case) and its content. */
    record Part(Map<String, String> headers, InputStream content) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean endOfInput;
    /** No delimiter starts in [position, noDelimiterBefore). */
    private int noDelimiterBefore;
    private Content current;
    private boolean closed;

    MultipartReader(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            throw new IllegalArgumentException("a multipart boundary has 1 to " + MAX_BOUNDARY + " characters");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The first delimiter may start the body without the CRLF that belongs to it.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
        current = new Content();
    }

    /** The next part (the previous one's unread content is skipped), or {@code null} after the last. */
    Part next() throws IOException {
        if (closed) {
            return null;
        }
        current.transferTo(java.io.OutputStream.nullOutputStream());
        fill(2);
        if (limit - position >= 2 && buffer[position] == '-' && buffer[position + 1] == '-') {
            closed = true;
            return null;
        }
        readLine(); // transport padding after the boundary
        Map<String, String> headers = new LinkedHashMap<>();
        int headerBytes = 0;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            headerBytes += line.length();
            int colon = line.indexOf(':');
            if (colon <= 0 || headerBytes > MAX_HEADER_BYTES) {
                throw new MalformedMultipartException("malformed part header: " + abbreviate(line));
            }
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
        current = new Content();
        return new Part(headers, current);
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (position == limit && fill(1) == 0) {
                throw new MalformedMultipartException("the body ends inside part headers");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() > MAX_HEADER_BYTES) {
                throw new MalformedMultipartException("a part header line is too long");
            }
            line.append((char) (b & 0xFF));
        }
    }

    /** Makes at least {@code wanted} bytes available if the input has them; returns how many are. */
    private int fill(int wanted) throws IOException {
        if (limit - position >= wanted || endOfInput) {
            return limit - position;
        }
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            noDelimiterBefore = Math.max(0, noDelimiterBefore - position);
            limit -= position;
            position = 0;
        }
        while (limit < wanted) {
            int read = in.read(buffer, limit, buffer.length - limit);
            if (read < 0) {
                endOfInput = true;
                break;
            }
            limit += read;
        }
        return limit - position;
    }

    /** Where the next delimiter starts in the buffer, or -1 if not in [position, limit). */
    private int delimiterIndex() {
        int last = limit - delimiter.length;
        for (int i = Math.max(position, noDelimiterBefore); i <= last; i++) {
            if (buffer[i] == '\r' && matchesAt(i)) {
                return i;
            }
        }
        noDelimiterBefore = Math.max(position, last + 1);
        return -1;
    }

    private boolean matchesAt(int index) {
        for (int j = 1; j < delimiter.length; j++) {
            if (buffer[index + j] != delimiter[j]) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    /** The content of the current part: ends where the delimiter starts, and consumes the delimiter. */
    private final class Content extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            fill(delimiter.length + 1);
            int found = delimiterIndex();
            int available;
            if (found == position) {
                ended = true;
                position += delimiter.length;
                return -1;
            } else if (found >= 0) {
                available = found - position;
            } else if (endOfInput) {
                if (limit == position) {
                    throw new MalformedMultipartException("the body ends without its close delimiter");
                }
                available = limit - position;
            } else {
                available = limit - position - delimiter.length + 1;
            }
            int count = Math.min(length, available);
            System.arraycopy(buffer, position, target, offset, count);
            position += count;
            return count;
        }
    }
}
