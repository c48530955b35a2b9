package io.hounsfield.equipment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The department's day is its zone's, not UTC's: Auckland is 13 hours ahead in December. */
class RoomReadinessTest {

    private static final ZoneId ZONE = ZoneId.of("Pacific/Auckland");

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), ZONE).toInstant();
    }

    @Test
    void neverCleanedIsNotReady() {
        RoomReadiness room = RoomReadiness.of("CT ROOM 1", null, null, at("2026-12-03T08:00"), ZONE);
        assertThat(room.ready()).isFalse();
        assertThat(room.why()).isEqualTo("Not cleaned yet today");
    }

    @Test
    void cleanedYesterdayEveningIsNotReadyThisMorning() {
        RoomReadiness room = RoomReadiness.of("CT ROOM 1", null, at("2026-12-02T23:50"), at("2026-12-03T00:10"), ZONE);
        assertThat(room.ready()).isFalse();
    }

    @Test
    void cleanedThisMorningWithNoExamSinceIsReady() {
        RoomReadiness room = RoomReadiness.of("CT ROOM 1", at("2026-12-02T22:00"), at("2026-12-03T00:05"),
                at("2026-12-03T00:10"), ZONE);
        assertThat(room.ready()).isTrue();
        assertThat(room.why()).isNull();
    }

    @Test
    void anExamFinishedAfterTheCleaningMakesItNotReadyUntilCleanedAgain() {
        Instant cleaned = at("2026-12-03T07:00");
        Instant finished = at("2026-12-03T09:41");
        RoomReadiness dirty = RoomReadiness.of("CT ROOM 1", finished, cleaned, at("2026-12-03T09:45"), ZONE);
        assertThat(dirty.ready()).isFalse();
        assertThat(dirty.why()).isEqualTo("An exam finished at 09:41; not cleaned since");
        assertThat(RoomReadiness.of("CT ROOM 1", finished, at("2026-12-03T09:50"), at("2026-12-03T09:51"), ZONE)
                .ready()).isTrue();
    }
}
