package io.hounsfield.protocol;

/** What the patient reads before and about their exam, in plain language. */
public record PatientInstructions(String procedureCode, String language, String preparation, String whatToExpect) {}
