package io.hounsfield.system;

import java.util.Optional;

/**
 * Whether the database can be reached now, and if not, why, in words for staff. Requests are answered "503 Service
 * Unavailable" with that reason while it is away, at once, instead of waiting for a connection or failing
 * authentication as if the password were wrong.
 */
public final class DatabaseAvailability {

    private volatile String unavailableBecause;

    public boolean available() {
        return unavailableBecause == null;
    }

    /** Why the database is away; empty when it is available. */
    public Optional<String> reason() {
        return Optional.ofNullable(unavailableBecause);
    }

    void markUnavailable(String reason) {
        unavailableBecause = reason;
    }

    void markAvailable() {
        unavailableBecause = null;
    }
}
