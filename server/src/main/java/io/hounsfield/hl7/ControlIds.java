package io.hounsfield.hl7;

import ca.uhn.hl7v2.util.idgenerator.IDGenerator;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MSH-10 of every message Hounsfield writes, from a database sequence: unique across restarts and across nodes
 * (HAPI's in-memory counter started again at each start). At most 20 characters, as v2.5.1 MSH-10 allows. While the
 * database is away, the acknowledgment that says so takes 64 random bits instead ("HFR" and 16 hex digits).
 */
final class ControlIds implements IDGenerator {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ControlIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String getID() {
        try {
            return "HF" + jdbc.sql("SELECT nextval('hl7_control_id')").query(Long.class).single();
        } catch (DataAccessException databaseAway) {
            byte[] bits = new byte[8];
            RANDOM.nextBytes(bits);
            return "HFR" + HexFormat.of().withUpperCase().formatHex(bits);
        }
    }
}
