package io.hounsfield.audit;

import java.time.Instant;

/** One row of the append-only audit trail. */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String actor,
        String actorRole,
        String action,
        String objectType,
        String objectId,
        String patientId,
        String sourceAddress,
        AuditOutcome outcome,
        String detail) {}
