package io.hounsfield.patient;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the hospital knows about a patient, as ADT sends it or a registrar types it. */
public record Demographics(
        String familyName,
        String givenName,
        String middleName,
        LocalDate birthDate,
        Sex sex,
        String language,
        String allergies,
        PregnancyStatus pregnancyStatus,
        BigDecimal weightKg,
        BigDecimal heightCm) {

    public Demographics {
        if (familyName == null || familyName.isBlank()) {
            throw new IllegalArgumentException("a patient needs a family name");
        }
        sex = sex == null ? Sex.U : sex;
        pregnancyStatus = pregnancyStatus == null ? PregnancyStatus.UNKNOWN : pregnancyStatus;
    }

    public static Demographics named(String familyName, String givenName, LocalDate birthDate, Sex sex) {
        return new Demographics(familyName, givenName, null, birthDate, sex, null, null, null, null, null);
    }

    /** The name in DICOM PN form, {@code Family^Given^Middle}, without empty trailing components. */
    public String dicomName() {
        String name = familyName + "^" + (givenName == null ? "" : givenName) + "^" + (middleName == null ? "" : middleName);
        return name.replaceAll("\\^+$", "");
    }
}
