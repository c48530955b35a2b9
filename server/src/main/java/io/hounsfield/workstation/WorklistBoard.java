package io.hounsfield.workstation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Today's exams in the order a technologist takes them: STAT first, then trauma, then by booked time. */
@Component
class WorklistBoard {

    private static final Comparator<BoardRow> URGENCY = Comparator
            .comparing((BoardRow row) -> row.exam().priority())
            .thenComparing(row -> !row.temporaryIdentity())
            .thenComparing(row -> row.exam().scheduledStart());

    private final BoardQuery query;
    private final Clock clock = Clock.systemDefaultZone();

    WorklistBoard(BoardQuery query) {
        this.query = query;
    }

    List<BoardRow> today(BoardFilter filter) {
        LocalDate today = LocalDate.now(clock);
        return query.between(today.atStartOfDay(clock.getZone()).toInstant(),
                        today.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), clock.instant())
                .stream()
                .filter(filter::accepts)
                .sorted(URGENCY)
                .toList();
    }
}
