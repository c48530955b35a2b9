package io.hounsfield.contrast;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The contrast part of an exam's cockpit page.
 *
 * @param warnings the patient's contrast reactions on record, as warnings
 * @param agents the agents of the exam's class
 * @param decision the radiologist's last decision in words, or null
 * @param doses the premedication doses given, in words
 * @param premedicationWait why the exam cannot start yet because of premedication, or null
 */
public record ContrastPanel(List<String> warnings, List<ContrastAgent> agents, String decision, List<String> doses,
        String premedicationWait, List<PremedicationRegimen> regimens, List<ReactionExample> examples,
        List<String> reactions, List<String> extravasations, List<String> administrations, List<LotChoice> lots,
        Map<String, String> routes) {

    /** A lot of the room's stock the form offers, with its expiry and what is left. */
    public record LotChoice(long id, String label) {}

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static String doseLine(PremedicationRule.Dose dose, ZoneId zone) {
        return dose.drug() + " at " + when(dose.givenAt(), zone);
    }

    static String reactionLine(ContrastRecords.Reaction reaction, ZoneId zone) {
        return ReactionExample.severityWords(reaction.severity()) + " " + ReactionExample.typeWords(reaction.type())
                + " reaction at " + when(reaction.onsetAt(), zone) + ": " + reaction.manifestation()
                + (reaction.treatment() == null ? "" : "; treated with " + reaction.treatment())
                + (reaction.outcome() == null ? "" : "; outcome: " + reaction.outcome())
                + (reaction.followUp() == null ? "" : "; follow-up: " + reaction.followUp())
                + " (recorded by " + reaction.recordedBy() + ")";
    }

    static String extravasationLine(ContrastRecords.Extravasation extravasation) {
        return "Extravasation of about " + extravasation.volumeMl().stripTrailingZeros().toPlainString() + " mL at "
                + extravasation.site() + (extravasation.treatment() == null ? "" : "; " + extravasation.treatment())
                + "; follow-up: " + extravasation.followUp() + " (recorded by " + extravasation.recordedBy() + ")";
    }

    private static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}
