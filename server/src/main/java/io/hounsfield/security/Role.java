package io.hounsfield.security;

/**
 * What a user is allowed to do. LEAD includes TECHNOLOGIST, which includes STUDENT
 * ({@link SecurityConfiguration#roleHierarchy()}); the others stand alone.
 */
public enum Role {
    ADMIN("Administrator"),
    LEAD("Lead technologist"),
    TECHNOLOGIST("Technologist"),
    STUDENT("Student technologist"),
    RADIOLOGIST("Radiologist"),
    PHYSICIST("Medical physicist");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
