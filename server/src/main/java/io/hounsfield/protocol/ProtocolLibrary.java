package io.hounsfield.protocol;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Protocols and patient instructions per procedure of the catalog (seeded by migration V32). */
@Service
public class ProtocolLibrary {

    /** Languages the instructions are written in. */
    public static final List<String> LANGUAGES = List.of("en", "es");

    private final JdbcClient jdbc;

    ProtocolLibrary(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Protocol> protocol(String procedureCode) {
        return jdbc.sql("SELECT * FROM procedure_protocol WHERE procedure_code = ?").param(procedureCode)
                .query((row, number) -> new Protocol(row.getString("procedure_code"), row.getString("views"),
                        row.getString("positioning"), row.getString("central_ray"), row.getString("technique"),
                        row.getString("pediatric"), row.getString("geriatric")))
                .optional();
    }

    public Optional<PatientInstructions> instructions(String procedureCode, String language) {
        return jdbc.sql("SELECT * FROM patient_instruction WHERE procedure_code = ? AND language = ?")
                .params(procedureCode, language)
                .query((row, number) -> new PatientInstructions(row.getString("procedure_code"),
                        row.getString("language"), row.getString("procedure_name"), row.getString("preparation"),
                        row.getString("what_to_expect")))
                .optional();
    }
}
