package io.hounsfield.archive.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EventPropertiesTest {
    private static final EventProperties SETTINGS = new EventProperties(Duration.ofSeconds(60), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofMinutes(1), false);

    @Test
    void aFailingSubscriberWaitsTheFirstPauseThenDoubleEachTimeUpToTheLongest() {
        assertThat(SETTINGS.pauseAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SETTINGS.pauseAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(SETTINGS.pauseAfter(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(SETTINGS.pauseAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SETTINGS.pauseAfter(1000)).as("no overflow after many failures").isEqualTo(Duration.ofMinutes(1));
    }
}
