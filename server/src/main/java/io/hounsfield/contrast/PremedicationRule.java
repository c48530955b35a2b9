package io.hounsfield.contrast;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When a premedicated exam may start: the regimen's wait after the last documented dose (and after the first, for
 * the accelerated IV regimen), per the ACR Manual on Contrast Media. Pure, so that the rule is tested alone.
 */
final class PremedicationRule {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** One dose given, as recorded. */
    record Dose(PremedicationRegimen regimen, String drug, Instant givenAt) {}

    private PremedicationRule() {}

    /** Why the exam cannot start yet, in words, or empty when it may. */
    static Optional<String> notYet(List<Dose> doses, Instant now, ZoneId zone) {
        if (doses.isEmpty()) {
            return Optional.of("Premedication was decided: record the doses given before starting the exam.");
        }
        Dose first = doses.stream().min(Comparator.comparing(Dose::givenAt)).orElseThrow();
        Dose last = doses.stream().max(Comparator.comparing(Dose::givenAt)).orElseThrow();
        PremedicationRegimen regimen = last.regimen();
        Instant afterLast = last.givenAt().plus(regimen.afterLastDose());
        Instant afterFirst = first.givenAt().plus(regimen.afterFirstDose());
        if (!now.isBefore(afterLast) && !now.isBefore(afterFirst)) {
            return Optional.empty();
        }
        if (afterFirst.isAfter(afterLast)) {
            return Optional.of("Premedication: first dose at " + time(first.givenAt(), zone) + "; IV steroids need "
                    + regimen.afterFirstDose().toHours() + " hours to work, so the exam can start from "
                    + time(afterFirst, zone));
        }
        return Optional.of("Premedication: last dose at " + time(last.givenAt(), zone) + "; the exam can start from "
                + time(afterLast, zone));
    }

    private static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }
}
