package io.hounsfield.staff.records;

import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;

/** What the staff forms send, tidied: a required value or a refusal that names it, an empty one as absent. */
public final class FormValues {
    private FormValues() {
    }

    public static String required(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new HounsfieldException(Failure.MISSING_VALUE, message);
        }
        return value.strip();
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
