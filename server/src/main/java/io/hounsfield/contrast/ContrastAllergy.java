package io.hounsfield.contrast;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads the allergies ADT sent (AL1-3, joined with "; ") for a reaction to the kind of contrast an exam gives.
 * A premedication indication is a prior allergic-like reaction to the same class of agent (ACR Manual on Contrast
 * Media, premedication): iodinated for iodinated, gadolinium-based for gadolinium-based. An allergy to "contrast" that names no class
 * counts for both, since it cannot be excluded. Shellfish, "iodine" and povidone-iodine allergies are not an
 * indication (ACR Manual) and are not counted.
 */
final class ContrastAllergy {

    private static final String[] IODINATED = {"iodinated", "iohexol", "iopamidol", "iodixanol", "ioversol",
        "iopromide", "iomeprol", "omnipaque", "visipaque", "isovue", "ultravist", "optiray", "iomeron"};
    private static final String[] GADOLINIUM = {"gadolin", "gbca", "gadobutrol", "gadoterate", "gadoteridol",
        "gadobenate", "gadoxetate", "gadavist", "dotarem", "clariscan", "prohance", "multihance", "eovist",
        "magnevist", "omniscan"};

    private ContrastAllergy() {}

    /** The allergies on record that concern this exam's agent, or null when none do. */
    static String matching(String allergies, boolean gadolinium) {
        if (allergies == null || allergies.isBlank()) {
            return null;
        }
        String found = Arrays.stream(allergies.split(";")).map(String::strip)
                .filter(allergy -> concerns(allergy.toLowerCase(Locale.ROOT), gadolinium))
                .collect(Collectors.joining("; "));
        return found.isEmpty() ? null : found;
    }

    private static boolean concerns(String allergy, boolean gadolinium) {
        boolean iodinated = mentions(allergy, IODINATED);
        boolean gadoliniumBased = mentions(allergy, GADOLINIUM);
        if (!iodinated && !gadoliniumBased) {
            return allergy.contains("contrast") || allergy.contains("contraste");
        }
        return gadolinium ? gadoliniumBased : iodinated;
    }

    private static boolean mentions(String allergy, String[] names) {
        return Arrays.stream(names).anyMatch(allergy::contains);
    }
}
