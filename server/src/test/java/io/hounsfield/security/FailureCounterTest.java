package io.hounsfield.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureCounterTest {

    private static final Instant NINE = Instant.parse("2026-12-01T09:00:00Z");

    private final FailureCounter counter = new FailureCounter(5, Duration.ofMinutes(1), Duration.ofMinutes(30),
            Duration.ofHours(1));

    @Test
    void theFifthFailureLocksForAMinuteAndEachFurtherOneDoublesUpToTheLongest() {
        assertThat(counter.lockFor(4)).isEmpty();
        assertThat(counter.lockFor(5)).contains(Duration.ofMinutes(1));
        assertThat(counter.lockFor(6)).contains(Duration.ofMinutes(2));
        assertThat(counter.lockFor(9)).contains(Duration.ofMinutes(16));
        assertThat(counter.lockFor(10)).contains(Duration.ofMinutes(30));
        assertThat(counter.lockFor(1_000)).contains(Duration.ofMinutes(30));
    }

    @Test
    void aLockEndsOnTimeAndFailuresAreForgottenAfterAQuietHour() {
        for (int failure = 1; failure <= 4; failure++) {
            assertThat(counter.fail("tech", NINE)).isEmpty();
        }
        assertThat(counter.fail("tech", NINE)).hasValueSatisfying(lock -> {
            assertThat(lock.until()).isEqualTo(NINE.plusSeconds(60));
            assertThat(lock.failures()).isEqualTo(5);
        });
        assertThat(counter.lockedUntil("tech", NINE.plusSeconds(59))).isPresent();
        assertThat(counter.lockedUntil("tech", NINE.plusSeconds(60))).isEmpty();
        assertThat(counter.lockedUntil("other", NINE)).isEmpty();

        assertThat(counter.fail("tech", NINE.plus(Duration.ofHours(1)))).as("forgotten: the count starts again")
                .isEmpty();
    }

    @Test
    void unlockingAndForgettingClearTheCount() {
        for (int failure = 1; failure <= 5; failure++) {
            counter.fail("tech", NINE);
        }
        assertThat(counter.locks(NINE)).extracting(FailureCounter.Lock::key).containsExactly("tech");
        assertThat(counter.unlock("tech", NINE)).isTrue();
        assertThat(counter.locks(NINE)).isEmpty();
        assertThat(counter.fail("tech", NINE)).isEmpty();
        counter.forget("tech");
        for (int failure = 1; failure <= 4; failure++) {
            assertThat(counter.fail("tech", NINE)).isEmpty();
        }
    }

    @Test
    void manyMadeUpNamesDoNotGrowWithoutBound() {
        for (int name = 0; name < FailureCounter.KEPT + 500; name++) {
            counter.fail("name-" + name, NINE);
        }
        assertThat(counter.size()).isEqualTo(FailureCounter.KEPT);
    }
}
