package io.hounsfield.patient;

import java.time.LocalDate;
import java.util.List;

/**
 * One side of a confirmation page (a merge, a reject, images filed under a patient), in words staff read:
 * name, sex, birth date with age, MRN and the studies with their dates. Rendered by {@code patient/identity.html}.
 */
public record IdentitySide(String heading, String name, String sex, String birthDate, String age, String mrn,
        List<Study> studies) {

    public IdentitySide {
        studies = List.copyOf(studies);
    }

    /** A study or exam of this side: when, what, and its accession number. */
    public record Study(String when, String what, String accessionNumber) {}

    /** The side of a registered patient, with {@code studies} as the caller lists them. */
    public static IdentitySide of(String heading, Patient patient, List<Study> studies, LocalDate today) {
        Demographics person = patient.demographics();
        String name = person.familyName() + (person.givenName() == null ? "" : ", " + person.givenName());
        return new IdentitySide(heading, name, IdentityComparison.sexLabel(person.sex()),
                person.birthDate() == null ? "unknown" : person.birthDate().toString(),
                IdentityComparison.age(person.birthDate(), today),
                patient.identifier().value() + " (" + patient.identifier().issuer() + ")", studies);
    }
}
