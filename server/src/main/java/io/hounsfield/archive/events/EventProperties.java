package io.hounsfield.archive.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code hounsfield.archive.events.*} settings.
 *
 * @param studyQuietPeriod a study with no new instance for this long quiesces ({@code StudyQuiesced})
 * @param pollInterval how often the dispatcher looks for events besides being woken by each commit: what a crash
 *     left, subscribers due for a retry, studies that have gone quiet
 * @param retryAfter the pause before retrying a subscriber that failed, doubled at each further failure
 * @param longestRetryPause the longest such pause
 * @param deliveryPaused {@code true}: events are still recorded and listed by {@code /api/changes}, but none is
 *     delivered to a subscriber (and studies do not quiesce) until a start without it; positions are kept
 */
@ConfigurationProperties("hounsfield.archive.events")
record EventProperties(@DefaultValue("60s") Duration studyQuietPeriod, @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1s") Duration retryAfter, @DefaultValue("10m") Duration longestRetryPause,
        @DefaultValue("false") boolean deliveryPaused) {

    /** The pause after the failure that made {@code attempts} failures in a row. */
    Duration pauseAfter(int attempts) {
        Duration pause = retryAfter.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return pause.compareTo(longestRetryPause) > 0 ? longestRetryPause : pause;
    }
}
