package io.hounsfield.equipment;

import static io.hounsfield.equipment.EquipmentStatus.IN_SERVICE;
import static io.hounsfield.equipment.EquipmentStatus.LIMITED;
import static io.hounsfield.equipment.EquipmentStatus.OUT_OF_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UptimeTest {

    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = FROM.plus(Duration.ofDays(30));

    private static StatusChange to(EquipmentStatus status, Instant at) {
        return new StatusChange(1, null, status, "why", "lead", at);
    }

    @Test
    void noChangesInServiceIsNoDowntime() {
        assertThat(Uptime.outOfService(IN_SERVICE, List.of(), FROM, TO)).isZero();
    }

    @Test
    void outOfServiceThroughoutIsTheWholeWindow() {
        assertThat(Uptime.outOfService(OUT_OF_SERVICE, List.of(), FROM, TO)).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void anOutageInsideTheWindowCountsItsLength() {
        Instant down = FROM.plus(Duration.ofDays(10));
        List<StatusChange> changes = List.of(to(OUT_OF_SERVICE, down), to(IN_SERVICE, down.plus(Duration.ofHours(4))));
        assertThat(Uptime.outOfService(IN_SERVICE, changes, FROM, TO)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void anOutageStartedBeforeTheWindowCountsFromItsStart() {
        List<StatusChange> changes = List.of(to(OUT_OF_SERVICE, FROM.minus(Duration.ofDays(2))),
                to(IN_SERVICE, FROM.plus(Duration.ofHours(3))));
        assertThat(Uptime.outOfService(OUT_OF_SERVICE, changes, FROM, TO)).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void anOpenOutageCountsUntilTheEndOfTheWindow() {
        List<StatusChange> changes = List.of(to(OUT_OF_SERVICE, TO.minus(Duration.ofMinutes(90))),
                to(IN_SERVICE, TO.plus(Duration.ofHours(1))));
        assertThat(Uptime.outOfService(IN_SERVICE, changes, FROM, TO)).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void limitedUseCountsAsUpAndOutOfServiceAfterItDown() {
        Instant limited = FROM.plus(Duration.ofDays(1));
        List<StatusChange> changes = List.of(to(LIMITED, limited), to(OUT_OF_SERVICE, limited.plus(Duration.ofHours(5))),
                to(LIMITED, limited.plus(Duration.ofHours(7))), to(IN_SERVICE, limited.plus(Duration.ofDays(1))));
        assertThat(Uptime.outOfService(IN_SERVICE, changes, FROM, TO)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void percentIsTheShareOfTheWindowInService() {
        Uptime uptime = new Uptime(1, "CT1", Duration.ofDays(30), Duration.ofHours(36));
        assertThat(uptime.percent()).isCloseTo(95.0, within(1e-9));
        assertThat(new Uptime(1, "CT1", Duration.ofDays(30), Duration.ZERO).percent()).isEqualTo(100.0);
    }
}
