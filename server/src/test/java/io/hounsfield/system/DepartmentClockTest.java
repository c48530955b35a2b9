package io.hounsfield.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DepartmentClockTest {

    private final Clock real = Clock.fixed(Instant.parse("2026-12-01T20:05:00Z"), ZoneId.of("Europe/Berlin"));

    @Test
    void withoutAStartItIsTheRealClock() {
        assertThat(DepartmentClock.of("", real).instant()).isEqualTo(real.instant());
        assertThat(DepartmentClock.of(null, real).getZone()).isEqualTo(real.getZone());
    }

    @Test
    void aTimeOfDayStartsTodayAtThatTimeInTheClocksZone() {
        Clock clock = DepartmentClock.of("03:00", real);
        assertThat(LocalDateTime.now(clock)).isEqualTo(LocalDateTime.parse("2026-12-01T03:00"));
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aDateAndTimeStartsThere() {
        assertThat(LocalDateTime.now(DepartmentClock.of("2027-01-01T23:30", real)))
                .isEqualTo(LocalDateTime.parse("2027-01-01T23:30"));
    }

    @Test
    void nonsenseIsRefusedWithTheKeyNamed() {
        assertThatThrownBy(() -> DepartmentClock.of("half past eight", real))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hounsfield.clock.start");
    }
}
