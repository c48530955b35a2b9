package io.hounsfield.patient;

/**
 * A patient identifier qualified by its issuer (HL7 CX-1 with CX-4 assigning authority; DICOM Patient ID
 * with Issuer of Patient ID). An MRN alone is ambiguous across hospitals.
 */
public record PatientIdentifier(String issuer, String value) {

    public PatientIdentifier {
        if (issuer == null || issuer.isBlank() || value == null || value.isBlank()) {
            throw new IllegalArgumentException("a patient identifier needs an issuer and a value");
        }
        issuer = issuer.strip();
        value = value.strip();
    }

    @Override
    public String toString() {
        return value + "^^^" + issuer;
    }
}
