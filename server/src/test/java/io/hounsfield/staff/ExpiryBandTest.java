package io.hounsfield.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpiryBandTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @ParameterizedTest(name = "{0} days ahead: {1}")
    @CsvSource({
        "-1, EXPIRED", "-400, EXPIRED",
        // Valid to the end of its last day: today is not yet expired.
        "0, WITHIN_30_DAYS", "30, WITHIN_30_DAYS",
        "31, WITHIN_90_DAYS", "90, WITHIN_90_DAYS",
    })
    void bands(int days, ExpiryBand band) {
        assertThat(ExpiryBand.of(TODAY.plusDays(days), TODAY)).contains(band);
    }

    @Test
    void nothingBeyond90DaysOrWithoutAnEnd() {
        assertThat(ExpiryBand.of(TODAY.plusDays(91), TODAY)).isEmpty();
        assertThat(ExpiryBand.of(null, TODAY)).isEqualTo(Optional.empty());
    }

    @Test
    void acrossTheYearEnd() {
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);
        assertThat(ExpiryBand.of(LocalDate.of(2027, 1, 30), newYearsEve)).contains(ExpiryBand.WITHIN_30_DAYS);
        assertThat(ExpiryBand.of(LocalDate.of(2027, 1, 31), newYearsEve)).contains(ExpiryBand.WITHIN_90_DAYS);
    }
}
