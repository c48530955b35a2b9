package io.hounsfield.audit;

public enum AuditOutcome {
    SUCCESS,
    FAILURE
}
