package io.hounsfield.hl7;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageCharsetsTest {

    private final MessageCharsets charsets = new MessageCharsets(new Hl7IntakeProperties(Duration.ofMinutes(5), 256,
            1 << 20, "UTF-8", Map.of("latinlab", "ISO-8859-1", "GREEK", "8859/7")));

    @ParameterizedTest
    @CsvSource({"8859/1,ISO-8859-1", "8859/2,ISO-8859-2", "8859/9,ISO-8859-9", "8859/15,ISO-8859-15",
        "ISO-8859-1,ISO-8859-1", "iso_8859-1,ISO-8859-1", "ISO IR100,ISO-8859-1", "ISO_IR 100,ISO-8859-1",
        "ISO IR101,ISO-8859-2", "ISO_IR 192,UTF-8", "UNICODE UTF-8,UTF-8", "UNICODE,UTF-8", "UTF-8,UTF-8",
        "utf8,UTF-8", "ASCII,US-ASCII", "ISO IR6,US-ASCII", "windows-1252,windows-1252"})
    void tableValuesAndCommonSpellingsAreKnown(String name, String java) {
        assertThat(MessageCharsets.named(name)).contains(Charset.forName(java));
    }

    @ParameterizedTest
    @CsvSource({"UNICODE UTF-16", "UTF-16", "UNICODE UTF-32", "KLINGON-8", "8859/99"})
    void charsetsThatMllpCannotFrameOrNobodyKnowsAreNot(String name) {
        assertThat(MessageCharsets.named(name)).isEmpty();
    }

    @Test
    void withoutMsh18TheSendersConfiguredCharsetAppliesRegardlessOfCaseElseTheDefault() throws Exception {
        assertThat(charsets.of(header("LATINLAB", ""))).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(charsets.of(header("greek", ""))).isEqualTo(Charset.forName("ISO-8859-7"));
        assertThat(charsets.of(header("OTHER", ""))).isEqualTo(StandardCharsets.UTF_8);
        assertThat(charsets.of(header("LATINLAB", "UNICODE UTF-8"))).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownMsh18IsRefusedWithTheValue() {
        assertThatThrownBy(() -> charsets.of(header("LAB", "EBCDIC-XYZ")))
                .isInstanceOf(Hl7Refusal.class).hasMessageContaining("EBCDIC-XYZ");
    }

    @Test
    void decodingIsStrictAndSaysWhere() throws Exception {
        byte[] latin1 = "MSH|^~\\&|LAB\rPID|1||X||Lef\u00e8vre".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(MessageCharsets.decode(latin1, StandardCharsets.ISO_8859_1, "test")).contains("Lef\u00e8vre");
        assertThatThrownBy(() -> MessageCharsets.decode(latin1, StandardCharsets.UTF_8, "the default"))
                .isInstanceOf(Hl7Refusal.class)
                .hasMessageContaining("0xE8").hasMessageContaining("segment PID").hasMessageContaining("UTF-8");
    }

    @Test
    void theHeaderIsReadFromTheBytes() {
        RawHeader header = RawHeader.of(("MSH|^~\\&|RIS^x|HOSP|HF|RAD|20260101||ADT^A01|ID1|P|2.5||||||8859/1~ISO IR87\r"
                + "PID|1").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(header.sendingApplication()).isEqualTo("RIS");
        assertThat(header.characterSet()).isEqualTo("8859/1");
        assertThat(header.component1(10)).isEqualTo("ID1");
        assertThat(RawHeader.of("PID|1".getBytes(StandardCharsets.US_ASCII))).isNull();
    }

    private static RawHeader header(String sender, String characterSet) {
        return RawHeader.of(("MSH|^~\\&|" + sender + "|HOSP|HF|RAD|20260101||ADT^A01|1|P|2.5||||||" + characterSet)
                .getBytes(StandardCharsets.ISO_8859_1));
    }
}
