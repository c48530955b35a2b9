package io.hounsfield.protocol;

/**
 * What the patient reads before and about their exam, in plain language.
 *
 * @param procedureName the procedure's name in this language, or null when none is written yet
 */
public record PatientInstructions(String procedureCode, String language, String procedureName, String preparation,
        String whatToExpect) {}
