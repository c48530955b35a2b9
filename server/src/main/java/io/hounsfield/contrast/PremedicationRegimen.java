package io.hounsfield.contrast;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Premedication regimens of the ACR Manual on Contrast Media (premedication chapter), with the drugs a dose can be
 * and how long after the last dose (and, for IV steroids, after the first) the contrast may be given.
 */
enum PremedicationRegimen {
    /** Prednisone 50 mg PO 13, 7 and 1 h before, plus diphenhydramine 50 mg 1 h before: contrast 1 h after the last. */
    ORAL_PREDNISONE_13H("Elective: prednisone 50 mg by mouth 13 hours, 7 hours and 1 hour before, and"
            + " diphenhydramine 50 mg 1 hour before", Duration.ofHours(1), Duration.ZERO,
            List.of("Prednisone 50 mg by mouth", "Hydrocortisone 200 mg IV (cannot take by mouth)",
                    "Diphenhydramine 50 mg")),
    /** Methylprednisolone 32 mg PO 12 and 2 h before: contrast 2 h after the last. */
    ORAL_METHYLPREDNISOLONE_12H("Elective: methylprednisolone 32 mg by mouth 12 and 2 hours before",
            Duration.ofHours(2), Duration.ZERO,
            List.of("Methylprednisolone 32 mg by mouth", "Diphenhydramine 50 mg")),
    /**
     * Accelerated IV: methylprednisolone 40 mg or hydrocortisone 200 mg IV now and every 4 h until contrast, plus
     * diphenhydramine 50 mg IV 1 h before. IV steroids are not shown effective less than 4 to 6 h before contrast,
     * so the exam waits 4 h from the first dose as well as 1 h from the last.
     */
    ACCELERATED_IV("Accelerated: methylprednisolone 40 mg or hydrocortisone 200 mg IV now and every 4 hours, and "
            + "diphenhydramine 50 mg IV 1 hour before", Duration.ofHours(1), Duration.ofHours(4),
            List.of("Methylprednisolone 40 mg IV", "Hydrocortisone 200 mg IV", "Dexamethasone 7.5 mg IV",
                    "Diphenhydramine 50 mg IV"));

    private final String label;
    private final Duration afterLastDose;
    private final Duration afterFirstDose;
    private final List<String> drugs;

    PremedicationRegimen(String label, Duration afterLastDose, Duration afterFirstDose, List<String> drugs) {
        this.label = label;
        this.afterLastDose = afterLastDose;
        this.afterFirstDose = afterFirstDose;
        this.drugs = drugs;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name();
    }

    public List<String> drugs() {
        return drugs;
    }

    Duration afterLastDose() {
        return afterLastDose;
    }

    Duration afterFirstDose() {
        return afterFirstDose;
    }

    static Optional<PremedicationRegimen> of(String code) {
        return Arrays.stream(values()).filter(regimen -> regimen.name().equals(code)).findFirst();
    }
}
