package io.hounsfield.staff;

/** What a credential row is. */
public enum CredentialKind {
    ARRT("ARRT credential"),
    LICENCE("State licence or permit"),
    BLS("BLS/CPR card"),
    OTHER("Other board's credential");

    private final String label;

    CredentialKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
