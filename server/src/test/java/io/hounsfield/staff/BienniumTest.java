package io.hounsfield.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Month;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BienniumTest {

    @ParameterizedTest(name = "born in {0}, certified {1}, on {2}: {3} to {4}")
    @CsvSource({
        // The first biennium starts on the first birth month after certification and lasts 24 months.
        "MARCH,     2020-06-15, 2022-07-01, 2021-03-01, 2023-02-28",
        "MARCH,     2020-06-15, 2023-02-28, 2021-03-01, 2023-02-28",
        "MARCH,     2020-06-15, 2023-03-01, 2023-03-01, 2025-02-28",
        // Before the first one starts, the first one is the one to plan for.
        "MARCH,     2020-06-15, 2020-12-31, 2021-03-01, 2023-02-28",
        // January: the biennium runs across calendar years and ends on 31 December.
        "JANUARY,   2019-12-20, 2021-12-31, 2020-01-01, 2021-12-31",
        "JANUARY,   2019-12-20, 2022-01-01, 2022-01-01, 2023-12-31",
        // December: starts on 1 December, ends on 30 November two years later.
        "DECEMBER,  2018-03-01, 2020-11-30, 2018-12-01, 2020-11-30",
        "DECEMBER,  2018-03-01, 2020-12-01, 2020-12-01, 2022-11-30",
        "DECEMBER,  2018-03-01, 2027-01-15, 2026-12-01, 2028-11-30",
        // February: ends on the last day of January; a leap year changes nothing.
        "FEBRUARY,  2019-05-01, 2024-02-29, 2024-02-01, 2026-01-31",
        // Certified on the first day of the birth month: the first biennium is the next year's.
        "MARCH,     2020-03-01, 2021-02-28, 2021-03-01, 2023-02-28",
        // Certified late in the birth month: the same.
        "SEPTEMBER, 2015-09-30, 2026-12-03, 2026-09-01, 2028-08-31",
    })
    void followsTheBirthMonth(Month birthMonth, LocalDate certified, LocalDate day, LocalDate start, LocalDate end) {
        Biennium biennium = Biennium.containing(day, birthMonth, certified);

        assertThat(biennium).isEqualTo(new Biennium(start, end));
        assertThat(biennium.end().plusDays(1).getMonth()).isEqualTo(birthMonth);
    }

    @ParameterizedTest
    @CsvSource({"2023-03-01, true", "2025-02-28, true", "2023-02-28, false", "2025-03-01, false"})
    void containsItsFirstAndLastDayOnly(LocalDate day, boolean contained) {
        Biennium biennium = new Biennium(LocalDate.of(2023, 3, 1), LocalDate.of(2025, 2, 28));

        assertThat(biennium.contains(day)).isEqualTo(contained);
    }
}
