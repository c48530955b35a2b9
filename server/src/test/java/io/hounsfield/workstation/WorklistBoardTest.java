package io.hounsfield.workstation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorklistBoardTest {

    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    /** Today, stretched to 12 hours either side of now so that a night shift sees both sides of midnight. */
    @ParameterizedTest
    @CsvSource({
        "2026-12-01T08:00, 2026-11-30T20:00, 2026-12-02T00:00",
        "2026-12-01T18:40, 2026-12-01T00:00, 2026-12-02T06:40",
        "2026-12-01T23:30, 2026-12-01T00:00, 2026-12-02T11:30",
        "2026-12-01T03:00, 2026-11-30T15:00, 2026-12-02T00:00",
        "2026-12-01T12:00, 2026-12-01T00:00, 2026-12-02T00:00"})
    void theWindowCoversTodayAndTwelveHoursEitherSide(String now, String from, String to) {
        Clock clock = Clock.fixed(LocalDateTime.parse(now).atZone(ZONE).toInstant(), ZONE);
        WorklistBoard.Window window = new WorklistBoard(null, null, clock, null).window();
        assertThat(window.from().toLocalDateTime()).isEqualTo(LocalDateTime.parse(from));
        assertThat(window.to().toLocalDateTime()).isEqualTo(LocalDateTime.parse(to));
    }
}
