package io.hounsfield.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The procedures the department performs; seeded by migration V4 and edited by leads. */
@Service
public class ProcedureCatalog {

    private static final RowMapper<Procedure> PROCEDURE = (row, number) -> new Procedure(
            row.getString("code"), row.getString("name"), row.getString("modality"), row.getString("body_part"),
            row.getBoolean("laterality_required"), Duration.ofMinutes(row.getInt("duration_minutes")),
            row.getBoolean("contrast"), row.getString("protocol_reference"));

    private final JdbcClient jdbc;

    ProcedureCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Procedure> find(String code) {
        return jdbc.sql("SELECT * FROM procedure_type WHERE code = ? AND active").param(code).query(PROCEDURE).optional();
    }

    public Procedure get(String code) {
        return find(code).orElseThrow(() -> new UnknownProcedureException(code));
    }

    public List<Procedure> all() {
        return jdbc.sql("SELECT * FROM procedure_type WHERE active ORDER BY modality, name").query(PROCEDURE).list();
    }
}
