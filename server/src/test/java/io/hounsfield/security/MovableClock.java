package io.hounsfield.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The department clock of a test that moves time on, as if minutes had passed, without waiting for them. It runs
 * from a fixed morning, not from the hour the tests happen to run at; the JVM's clock only makes it tick.
 */
final class MovableClock extends Clock {

    private static final LocalDateTime START = LocalDateTime.of(2026, 12, 1, 10, 0);

    private final Clock real = Clock.offset(Clock.systemDefaultZone(),
            Duration.between(Clock.systemDefaultZone().instant(), START.atZone(ZoneId.systemDefault()).toInstant()));
    private final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

    void advance(Duration by) {
        ahead.updateAndGet(current -> current.plus(by));
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(real.withZone(zone), ahead.get());
    }

    @Override
    public Instant instant() {
        return real.instant().plus(ahead.get());
    }

    /** Replaces the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
