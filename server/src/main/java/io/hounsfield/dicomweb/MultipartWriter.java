package io.hounsfield.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.io.InputStream;
import java.util.UUID;

/**
 * Writes a multipart/related body (RFC 2387, PS3.18 §8.7.3.2): one part per file, streamed from disk, or per value
 * in memory, each with its Content-Type and Content-Length, then the close delimiter.
 */
final class MultipartWriter {
    private final OutputStream out;
    private final String boundary = UUID.randomUUID().toString();

    MultipartWriter(OutputStream out) {
        this.out = out;
    }

    /** The Content-Type of the whole body, e.g. {@code multipart/related; type="application/dicom"; boundary=...}. */
    String contentType(String partType) {
        return "multipart/related; type=\"" + partType + "\"; boundary=" + boundary;
    }

    /** A part of {@code length} bytes streamed from {@code content}, which this closes. */
    void part(String contentType, long length, InputStream content) throws IOException {
        try (content) {
            write("--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\n\r\n");
            content.transferTo(out);
        }
        write("\r\n");
    }

    void part(String contentType, byte[] content) throws IOException {
        part(contentType, null, content);
    }

    /** A part with a Content-Location header too (PS3.18 §8.7.3.2), when {@code location} is not {@code null}. */
    void part(String contentType, String location, byte[] content) throws IOException {
        write("--" + boundary + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + content.length
                + (location == null ? "" : "\r\nContent-Location: " + location) + "\r\n\r\n");
        out.write(content);
        write("\r\n");
    }

    void close() throws IOException {
        write("--" + boundary + "--\r\n");
        out.flush();
    }

    private void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }
}
