package io.hounsfield.patient;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The desk's registration form: the hospital MRN with its issuer, or a downtime MRN to be assigned; name,
 * sex and birth date (what the duplicate check compares), and what the screens use (allergies, weight).
 */
record RegistrationForm(
        @Size(max = 64) String mrn,
        @Size(max = 64) String issuer,
        Boolean downtimeMrn,
        @NotBlank @Size(max = 100) String familyName,
        @Size(max = 100) String givenName,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
        @NotNull Sex sex,
        @Size(max = 20) String language,
        @Size(max = 1000) String allergies,
        @DecimalMin("0.3") @DecimalMax("400") BigDecimal weightKg) {

    static RegistrationForm empty() {
        return new RegistrationForm("", "HOSP", false, "", "", null, null, "", "", null);
    }

    boolean assignDowntimeMrn() {
        return Boolean.TRUE.equals(downtimeMrn);
    }

    /** The MRN typed in, or null when a downtime MRN is to be assigned. */
    PatientIdentifier identifier() {
        return assignDowntimeMrn() ? null : new PatientIdentifier(issuer, mrn);
    }

    Demographics demographics() {
        return new Demographics(familyName.strip(), blankToNull(givenName), null, birthDate, sex, blankToNull(language),
                blankToNull(allergies), PregnancyStatus.UNKNOWN, weightKg, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
