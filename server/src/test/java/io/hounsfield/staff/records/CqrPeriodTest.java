package io.hounsfield.staff.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CqrPeriodTest {

    @Test
    void aCredentialEarnedFrom2011IsDueTenYearsLaterWithTheWindowInTheLastThree() {
        CqrPeriod period = CqrPeriod.of("CT", LocalDate.of(2016, 5, 20)).orElseThrow();

        assertThat(period.due()).isEqualTo(LocalDate.of(2026, 5, 20));
        assertThat(period.windowOpens()).isEqualTo(LocalDate.of(2023, 5, 20));
        assertThat(period.windowOpen(LocalDate.of(2023, 5, 19))).isFalse();
        assertThat(period.windowOpen(LocalDate.of(2023, 5, 20))).isTrue();
    }

    @Test
    void theFirstOfJanuary2011IsTimeLimitedTheDayBeforeIsNot() {
        assertThat(CqrPeriod.of("R", LocalDate.of(2011, 1, 1))).isPresent();
        assertThat(CqrPeriod.of("R", LocalDate.of(2010, 12, 31))).isEmpty();
    }

    @Test
    void everyRadiologistAssistantCredentialIsTimeLimited() {
        assertThat(CqrPeriod.of("RRA", LocalDate.of(2008, 7, 1)).orElseThrow().due()).isEqualTo(LocalDate.of(2018, 7, 1));
    }
}
