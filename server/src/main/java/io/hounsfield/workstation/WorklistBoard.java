package io.hounsfield.workstation;

import io.hounsfield.contrast.ContrastService;
import io.hounsfield.equipment.EquipmentService;
import io.hounsfield.equipment.Outage;
import io.hounsfield.equipment.RoomReadiness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The board's exams in the order a technologist takes them: STAT first, then trauma, then by booked time. It
 * shows today's bookings and every booking within 12 hours of now, so that a night shift sees the late evening
 * and the early morning on one board. Exams booked on equipment out of service carry a warning, and the rooms
 * not ready for the next patient are listed.
 */
@Component
class WorklistBoard {

    static final Duration REACH = Duration.ofHours(12);

    private static final Comparator<BoardRow> URGENCY = Comparator
            .comparing((BoardRow row) -> row.exam().priority())
            .thenComparing(row -> !row.temporaryIdentity())
            .thenComparing(row -> row.exam().scheduledStart());

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");

    private final BoardQuery query;
    private final EquipmentService equipment;
    private final Clock clock;
    private final ContrastService contrast;

    WorklistBoard(BoardQuery query, EquipmentService equipment, Clock clock, ContrastService contrast) {
        this.query = query;
        this.equipment = equipment;
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
        Map<String, String> warnings = outageWarnings();
        return query.between(window.from().toInstant(), window.to().toInstant(), now)
                .stream()
                .filter(filter::accepts)
                .map(row -> row.withEquipmentWarning(warnings.get(row.exam().stationAeTitle())))
                .sorted(URGENCY)
                .map(row -> row.contrastProcedure()
                        ? row.withContrastWarnings(contrast.warnings(row.exam().patientId())) : row)
                .toList();
    }

    /** "CT1 is out of service since 14:05 — Daily QC failed: …", per AE title of equipment out of service. */
    Map<String, String> outageWarnings() {
        Map<String, String> warnings = new LinkedHashMap<>();
        equipment.outages().forEach((aeTitle, outage) -> warnings.put(aeTitle, warning(outage)));
        return warnings;
    }

    private String warning(Outage outage) {
        ZonedDateTime since = outage.since().atZone(clock.getZone());
        boolean today = since.toLocalDate().equals(LocalDate.now(clock));
        return outage.equipmentName() + " is out of service since " + (today ? TIME : DAY_TIME).format(since)
                + (outage.reason() == null ? "" : " — " + outage.reason());
    }

    /** The equipment rooms and whether each may take the next patient. */
    List<RoomReadiness> rooms() {
        return equipment.readiness();
    }
}
