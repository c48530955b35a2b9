package io.hounsfield.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail is stamped by the database's clock, so a test bounds its search by that clock, read just before
 * it acts, rather than by the JVM's: no test then depends on the JVM's wall clock agreeing with the database's.
 */
public final class AuditTime {

    private AuditTime() {}

    public static Instant now(JdbcClient jdbc) {
        return jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single().toInstant();
    }
}
