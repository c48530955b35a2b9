package io.hounsfield.equipment;

/** A malfunction as the technologist reports it. */
public record NewFault(String symptom, String errorCode, FaultSeverity severity, String notes) {
}
