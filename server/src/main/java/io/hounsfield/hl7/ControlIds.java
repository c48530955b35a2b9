package io.hounsfield.hl7;

import ca.uhn.hl7v2.util.idgenerator.IDGenerator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MSH-10 of every message Hounsfield writes, from a database sequence: unique across restarts and across nodes
 * (HAPI's in-memory counter started again at each start). At most 20 characters, as v2.5.1 MSH-10 allows.
 */
final class ControlIds implements IDGenerator {

    private final JdbcClient jdbc;

    ControlIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String getID() {
        return "HF" + jdbc.sql("SELECT nextval('hl7_control_id')").query(Long.class).single();
    }
}
