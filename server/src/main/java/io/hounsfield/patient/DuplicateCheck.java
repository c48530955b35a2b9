package io.hounsfield.patient;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether two registrations are likely the same person: the same family and given name once accents,
 * case, spaces and punctuation are set aside ("Müller-Peña" is "MULLER PENA"), the same birth date, and
 * the same sex or one of them unknown. Typing, transliteration and a wristband printed without accents
 * are the usual sources of duplicate records; a birth date or sex typed wrong is not caught here.
 */
final class DuplicateCheck {

    private DuplicateCheck() {}

    static boolean likelySame(Demographics registering, Demographics known) {
        return registering.birthDate() != null && registering.birthDate().equals(known.birthDate())
                && sexCompatible(registering.sex(), known.sex())
                && nameKey(registering.familyName()).equals(nameKey(known.familyName()))
                && nameKey(registering.givenName()).equals(nameKey(known.givenName()));
    }

    /** The name with accents, case, spaces and punctuation removed. */
    static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace("ß", "ss").replace("ø", "o").replace("æ", "ae")
                .replace("ł", "l").replace("đ", "d").replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static boolean sexCompatible(Sex registering, Sex known) {
        return registering == known || registering == Sex.U || known == Sex.U;
    }
}
