package io.hounsfield.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SpecificCharacterSetTest {
    /** PS3.5 Annex H.3.1: a Japanese name in ISO 2022 IR 87 (JIS X 0208 kanji and hiragana). */
    private static final String JAPANESE_BYTES = "59616d6164615e5461726f753d1b24423b3345441b28425e1b244242404f3a1b28423d"
            + "1b24422464245e24401b28425e1b2442243f246d2426";
    /** PS3.5 Annex I.2: a Korean name in ISO 2022 IR 149 (KS X 1001 in G1). */
    private static final String KOREAN_BYTES = "486f6e675e47696c646f6e673d1b242943fbf35e1b242943d1ced4d73d1b242943c8ab5e"
            + "1b242943b1e6b5bf";
    private static final String JAPANESE = "Yamada^Tarou=山田^太郎=やまだ^たろう";

    @Test
    void decodesAndEncodesJapaneseIso2022() {
        SpecificCharacterSet charset = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        byte[] bytes = HexFormat.of().parseHex(JAPANESE_BYTES + "1b2842");
        assertThat(charset.decode(bytes, VR.PN)).isEqualTo(JAPANESE);
        assertThat(HexFormat.of().formatHex(charset.encode(JAPANESE, VR.PN))).isEqualTo(JAPANESE_BYTES + "1b2842");
        assertThat(charset.usesCodeExtensions()).isTrue();
    }

    @Test
    void decodesAndEncodesKoreanIso2022() {
        SpecificCharacterSet charset = SpecificCharacterSet.of("", "ISO 2022 IR 149");
        String korean = "Hong^Gildong=洪^吉洞=홍^길동";
        assertThat(charset.decode(HexFormat.of().parseHex(KOREAN_BYTES), VR.PN)).isEqualTo(korean);
        byte[] encoded = charset.encode(korean, VR.PN);
        assertThat(HexFormat.of().formatHex(encoded)).isEqualTo(KOREAN_BYTES);
        assertThat(charset.decode(encoded, VR.PN)).isEqualTo(korean);
    }

    @Test
    void decodesJapaneseKatakanaInitialSet() {
        SpecificCharacterSet charset = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87");
        String name = "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎";
        assertThat(charset.decode(charset.encode(name, VR.PN), VR.PN)).isEqualTo(name);
    }

    @Test
    void handlesSingleByteAndUnicodeSets() {
        assertThat(SpecificCharacterSet.of("ISO_IR 100").decode(new byte[] {'M', (byte) 0xFC, 'l', 'l'}, VR.PN))
                .isEqualTo("Müll");
        assertThat(SpecificCharacterSet.of("ISO_IR 192").decode("Ωμέγα".getBytes(java.nio.charset.StandardCharsets.UTF_8), VR.LO))
                .isEqualTo("Ωμέγα");
        assertThat(SpecificCharacterSet.of("ISO_IR 144").encode("Люкceмбypг", VR.PN)).hasSize(10);
        assertThat(SpecificCharacterSet.of("NOT A CHARSET")).isSameAs(SpecificCharacterSet.DEFAULT);
        assertThat(SpecificCharacterSet.DEFAULT.decode(new byte[] {'A', 'B'}, VR.LO)).isEqualTo("AB");
    }

    @Test
    void latinExtensionsSwitchWithEscapes() {
        SpecificCharacterSet charset = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 126");
        String text = "Ärzte=Γιατροί";
        assertThat(charset.decode(charset.encode(text, VR.LO), VR.LO)).isEqualTo(text);
    }

    @Test
    void commonMisspellingsOfTheDefinedTermsAreReadAsTheTermTheyMean() {
        byte[] utf8 = "Lefèvre^Hélène".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String term : new String[] {"ISO-IR 192", "ISO_IR192", "ISO IR 192", "iso_ir 192", "UTF-8", "UTF8"}) {
            SpecificCharacterSet charset = SpecificCharacterSet.of(term);
            assertThat(charset.decode(utf8, VR.PN)).as(term).isEqualTo("Lefèvre^Hélène");
            assertThat(charset.terms()).as(term).containsExactly("ISO_IR 192");
        }
        byte[] greek = {(byte) 0xc4, (byte) 0xe9, (byte) 0xef, (byte) 0xed, (byte) 0xf5, (byte) 0xf3, (byte) 0xe9,
                (byte) 0xef, (byte) 0xf2};
        assertThat(SpecificCharacterSet.of("ISO-IR 126").decode(greek, VR.PN)).isEqualTo("Διονυσιος");
        String japanese = "Yamada^Tarou=山田^太郎=やまだ^たろう";
        byte[] jis = SpecificCharacterSet.of("", "ISO 2022 IR 87").encode(japanese, VR.PN);
        assertThat(SpecificCharacterSet.of("", "ISO2022 IR 87").decode(jis, VR.PN)).isEqualTo(japanese);
        assertThat(SpecificCharacterSet.of("", "ISO_2022_IR_87").decode(jis, VR.PN)).isEqualTo(japanese);
    }

    @Test
    void anUnknownTermIsStillTheDefaultRepertoire() {
        assertThat(SpecificCharacterSet.of("KLINGON").terms()).isEmpty();
    }
}
