package io.hounsfield.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.system.HounsfieldException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcceptHeaderTest {
    private static final String JLS = "1.2.840.10008.1.2.4.80";

    @Test
    void unquotedParametersAsOhifSendsThemAreRead() {
        List<AcceptHeader.MediaRange> ranges = AcceptHeader.parse(
                "multipart/related; type=application/octet-stream; transfer-syntax=*");
        assertThat(ranges).singleElement().satisfies(range -> {
            assertThat(range.allows("multipart", "related")).isTrue();
            assertThat(range.parameter("type")).isEqualTo("application/octet-stream");
            assertThat(range.parameter("Transfer-Syntax")).isEqualTo("*");
        });
        assertThat(MediaTypes.acceptsMultipartDicom("multipart/related; type=application/dicom")).isTrue();
        assertThat(MediaTypes.acceptsMultipartDicom("multipart/related; type=application/octet-stream")).isFalse();
    }

    @Test
    void quotedValuesCommasAndQValuesAreHonoured() {
        List<AcceptHeader.MediaRange> ranges = AcceptHeader.parse("multipart/related; type=\"image/jls\";q=0.5, "
                + "multipart/related; type=\"application/octet-stream\"; transfer-syntax=\"a,b\", image/png;q=0");
        assertThat(ranges).extracting(range -> range.parameter("type"))
                .containsExactly("application/octet-stream", "image/jls");
        assertThat(ranges.get(0).parameter("transfer-syntax")).isEqualTo("a,b");
        assertThat(AcceptHeader.parse(null)).singleElement().satisfies(range -> assertThat(range.isWildcard()).isTrue());
        assertThat(AcceptHeader.parse("not a media type")).isEmpty();
    }

    @Test
    void framesComeAsStoredForAnyTransferSyntaxAndNativeWhenNativeIsStored() {
        String ohif = "multipart/related; type=application/octet-stream; transfer-syntax=*";
        assertThat(PixelEncoding.negotiate(ohif, JLS))
                .isEqualTo(new PixelEncoding("image/jls", JLS, true));
        assertThat(PixelEncoding.negotiate(ohif, "1.2.840.10008.1.2.2"))
                .isEqualTo(new PixelEncoding("application/octet-stream", "1.2.840.10008.1.2.1", false));
        assertThat(PixelEncoding.negotiate("multipart/related; type=\"image/jls\"", JLS).stored()).isTrue();
        assertThat(PixelEncoding.negotiate(null, JLS).mediaType()).isEqualTo("image/jls");
        assertThat(PixelEncoding.negotiate("multipart/related; type=\"image/jpeg\", multipart/related; "
                + "type=\"image/jls\"; transfer-syntax=" + JLS + ";q=0.9", JLS).mediaType()).isEqualTo("image/jls");
    }

    @Test
    void aTransferSyntaxThatNeedsDecodingIs406WithTheReason() {
        assertThatThrownBy(() -> PixelEncoding.negotiate("multipart/related; type=\"application/octet-stream\"; "
                + "transfer-syntax=1.2.840.10008.1.2.1", JLS))
                .isInstanceOfSatisfying(HounsfieldException.class, e -> assertThat(e.failure().httpStatus())
                        .isEqualTo(406))
                .hasMessageContaining(JLS).hasMessageContaining("transfer-syntax=*");
        assertThatThrownBy(() -> PixelEncoding.negotiate("multipart/related; type=\"image/jpeg\"",
                "1.2.840.10008.1.2.1")).isInstanceOf(HounsfieldException.class)
                .hasMessageContaining("application/octet-stream");
        assertThatThrownBy(() -> PixelEncoding.negotiate("multipart/related; type=application/octet-stream; "
                + "transfer-syntax=1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1"))
                .isInstanceOf(HounsfieldException.class);
    }
}
