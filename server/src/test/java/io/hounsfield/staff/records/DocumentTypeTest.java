package io.hounsfield.staff.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentTypeTest {

    @Test
    void knowsPdfPngAndJpegByTheirFirstBytes() {
        assertThat(DocumentStore.contentType("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
        assertThat(DocumentStore.contentType(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0}))
                .isEqualTo("image/png");
        assertThat(DocumentStore.contentType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .isEqualTo("image/jpeg");
    }

    @Test
    void refusesWhatOnlyClaimsToBeOne() {
        assertThat(DocumentStore.contentType("<html>%PDF-".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(DocumentStore.contentType("MZ executable".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(DocumentStore.contentType(new byte[] {(byte) 0xFF, (byte) 0xD8})).isNull();
        assertThat(DocumentStore.contentType(new byte[0])).isNull();
    }
}
