package io.hounsfield.qc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What each device's tests need: when each was last done and whether it is due or overdue (department time). */
public final class QcProgram {

    public record Test(String code, String modality, String name, String frequency, boolean computed) {
    }

    /** @param status "done", "due" or "overdue", in words for the page */
    public record Row(String aeTitle, Test test, String frequencyInWords, Instant lastDone, String status) {
        public boolean overdue() {
            return status.startsWith("overdue");
        }
    }

    private static final Map<String, Period> PERIODS = Map.of("WEEKLY", Period.ofWeeks(1), "MONTHLY",
            Period.ofMonths(1), "ANNUAL", Period.ofYears(1));
    private static final Map<String, String> WORDS = Map.of("DAILY", "daily, before the first clinical scan",
            "WEEKLY", "weekly", "MONTHLY", "monthly", "ANNUAL", "annual");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    private QcProgram() {
    }

    static Row row(String aeTitle, Test test, Optional<Instant> last, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Optional<LocalDate> lastDay = last.map(at -> at.atZone(clock.getZone()).toLocalDate());
        String status;
        if ("DAILY".equals(test.frequency())) {
            status = lastDay.filter(day -> !day.isBefore(today)).isPresent() ? "done today" : "overdue: not done today";
        } else if (lastDay.isEmpty()) {
            status = "due: never recorded";
        } else {
            LocalDate next = lastDay.get().plus(PERIODS.get(test.frequency()));
            status = next.isBefore(today) ? "overdue since " + DAY.format(next) : "done, next by " + DAY.format(next);
        }
        return new Row(aeTitle, test, WORDS.get(test.frequency()), last.orElse(null), status);
    }

    /** @param testsByDevice each device's tests, by AE title, in the order to list them */
    static List<Row> rows(Map<String, List<Test>> testsByDevice, QcRecords records, Clock clock) {
        List<Row> rows = new ArrayList<>();
        testsByDevice.forEach((device, tests) -> tests.forEach(test ->
                rows.add(row(device, test, records.lastPerformed(device, test.code()), clock))));
        return rows;
    }
}
