package io.hounsfield.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Multipart bodies as RFC 2046 §5.1.1 frames them, in one piece and trickling in a byte at a time. */
class MultipartReaderTest {

    private static byte[] body(String boundary, byte[]... contents) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("preamble to ignore\r\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] content : contents) {
            body.write(("--" + boundary + "  \r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.write(content);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("--" + boundary + "--\r\nepilogue").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static List<byte[]> contents(InputStream in, String boundary) throws IOException {
        MultipartReader reader = new MultipartReader(in, boundary);
        List<byte[]> contents = new ArrayList<>();
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            assertThat(part.headers()).containsEntry("content-type", "application/dicom");
            contents.add(part.content().readAllBytes());
        }
        assertThat(reader.next()).isNull();
        return contents;
    }

    /** Hands out one byte per read, so that delimiters straddle every buffer fill. */
    private static InputStream trickle(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(1, length));
            }
        };
    }

    @Test
    void partsComeOutWholeWithTheirHeaders() throws IOException {
        byte[] tricky = "line\r\n--bound but not the boundary\r\n-".getBytes(StandardCharsets.US_ASCII);
        byte[] empty = new byte[0];
        byte[] large = new byte[300_000];
        new Random(7).nextBytes(large);
        byte[] body = body("boundary", tricky, empty, large);

        for (InputStream in : List.of(new ByteArrayInputStream(body), trickle(body))) {
            assertThat(contents(in, "boundary")).containsExactly(tricky, empty, large);
        }
    }

    @Test
    void aBodyStartingWithItsDelimiterHasNoPreamble() throws IOException {
        byte[] body = "--b\r\nContent-Type: application/dicom\r\n\r\nabc\r\n--b--".getBytes(StandardCharsets.US_ASCII);
        assertThat(contents(new ByteArrayInputStream(body), "b")).containsExactly("abc".getBytes());
    }

    @Test
    void aBodyWithoutCloseDelimiterIsMalformed() {
        byte[] body = "--b\r\nContent-Type: application/dicom\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> contents(new ByteArrayInputStream(body), "b"))
                .isInstanceOf(MalformedMultipartException.class);
    }

    @Test
    void aBodyEndingInItsHeadersIsMalformed() {
        byte[] body = "--b\r\nContent-Type: appl".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> contents(new ByteArrayInputStream(body), "b"))
                .isInstanceOf(MalformedMultipartException.class);
    }

    /** Orthanc's DICOMweb plugin sends 73-character boundaries; RFC 2046's 70 is a limit for writers. */
    @Test
    void boundariesUpTo200CharactersAreRead() throws IOException {
        String boundary = "x".repeat(73);
        byte[] content = "content".getBytes(StandardCharsets.US_ASCII);
        assertThat(contents(trickle(body(boundary, content)), boundary)).containsExactly(content);
        String longest = "-_0".repeat(66) + "ab";
        assertThat(contents(new ByteArrayInputStream(body(longest, content, content)), longest))
                .containsExactly(content, content);
        assertThatThrownBy(() -> new MultipartReader(new ByteArrayInputStream(new byte[0]), longest + "c"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
