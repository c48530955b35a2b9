package io.hounsfield.patient;

/** Published inside the update's transaction when demographics changed (HL7 A08 or a registrar). */
public record PatientUpdated(long patientId) {}
