package io.hounsfield.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The department clock of a test that moves time on, as if minutes had passed, without waiting for them. */
final class MovableClock extends Clock {

    private final Clock real = Clock.systemDefaultZone();
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
