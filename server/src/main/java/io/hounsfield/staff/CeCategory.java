package io.hounsfield.staff;

/** ARRT's categories of recognised CE activity (ARRT <i>Continuing Education Requirements</i>). */
public enum CeCategory {
    A("Category A"),
    A_PLUS("Category A+");

    private final String label;

    CeCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
