package io.hounsfield.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DicomDateTimeTest {
    @Test
    void parsesDatesIncludingAcrNemaForm() {
        assertThat(DicomDateTime.parseDate("20240131")).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(DicomDateTime.parseDate("1993.08.22")).isEqualTo(LocalDate.of(1993, 8, 22));
        assertThat(DicomDateTime.formatDate(LocalDate.of(2024, 1, 31))).isEqualTo("20240131");
        assertThatThrownBy(() -> DicomDateTime.parseDate("2024")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesTimesOfAnyPrecision() {
        assertThat(DicomDateTime.parseTime("07")).isEqualTo(LocalTime.of(7, 0));
        assertThat(DicomDateTime.parseTime("0730")).isEqualTo(LocalTime.of(7, 30));
        assertThat(DicomDateTime.parseTime("073015.5")).isEqualTo(LocalTime.of(7, 30, 15, 500_000_000));
        assertThat(DicomDateTime.parseTime("07:30:15")).isEqualTo(LocalTime.of(7, 30, 15));
        assertThat(DicomDateTime.formatTime(LocalTime.of(7, 30, 15, 123_456_000))).isEqualTo("073015.123456");
    }

    @Test
    void parsesDateTimesWithOffset() {
        DicomDateTime value = DicomDateTime.parse("20240131123000.25+0100");
        assertThat(value.dateTime()).isEqualTo(LocalDateTime.of(2024, 1, 31, 12, 30, 0, 250_000_000));
        assertThat(value.offset()).isEqualTo(ZoneOffset.ofHours(1));
        assertThat(value).hasToString("20240131123000.250000+0100");
        assertThat(DicomDateTime.parse("2004").dateTime()).isEqualTo(LocalDateTime.of(2004, 1, 1, 0, 0));
        assertThat(DicomDateTime.parse("20040607-0530").offset()).isEqualTo(ZoneOffset.ofHoursMinutes(-5, -30));
    }
}
