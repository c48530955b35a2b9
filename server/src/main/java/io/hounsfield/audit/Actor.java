package io.hounsfield.audit;

/**
 * Who acted: a logged-in user, a DICOM peer (its AE title, role {@code DICOM}), an HL7 sender, or
 * Hounsfield itself.
 */
public record Actor(String name, String role, String sourceAddress) {

    public static final Actor SYSTEM = new Actor("hounsfield", "SYSTEM", null);
}
