package io.hounsfield.workstation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import io.hounsfield.contrast.ContrastService;
import org.springframework.stereotype.Component;

/**
 * The board's exams in the order a technologist takes them: STAT first, then trauma, then by booked time. It
 * shows today's bookings and every booking within 12 hours of now, so that a night shift sees the late evening
 * and the early morning on one board.
 */
@Component
class WorklistBoard {

    static final Duration REACH = Duration.ofHours(12);

    private static final Comparator<BoardRow> URGENCY = Comparator
            .comparing((BoardRow row) -> row.exam().priority())
            .thenComparing(row -> !row.temporaryIdentity())
            .thenComparing(row -> row.exam().scheduledStart());

    private final BoardQuery query;
    private final Clock clock;
    private final ContrastService contrast;

    WorklistBoard(BoardQuery query, Clock clock, ContrastService contrast) {
        this.query = query;
        this.clock = clock;
        this.contrast = contrast;
    }

    /** The bookings the board shows: from the earlier of midnight and 12 h ago to the later of the next midnight and 12 h ahead. */
    record Window(ZonedDateTime from, ZonedDateTime to) {}

    Window window() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        ZonedDateTime midnight = today.atStartOfDay(clock.getZone());
        ZonedDateTime nextMidnight = today.plusDays(1).atStartOfDay(clock.getZone());
        ZonedDateTime back = now.minus(REACH);
        ZonedDateTime ahead = now.plus(REACH);
        return new Window(back.isBefore(midnight) ? back : midnight, ahead.isAfter(nextMidnight) ? ahead : nextMidnight);
    }

    List<BoardRow> today(BoardFilter filter) {
        Window window = window();
        Instant now = clock.instant();
        return query.between(window.from().toInstant(), window.to().toInstant(), now)
                .stream()
                .filter(filter::accepts)
                .sorted(URGENCY)
                .map(row -> row.contrastProcedure()
                        ? row.withContrastWarnings(contrast.warnings(row.exam().patientId())) : row)
                .toList();
    }
}
