package io.hounsfield.contrast;

import io.hounsfield.contrast.PremedicationRule.Dose;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The contrast feature's rows: agents, screening details, decisions, premedication, reactions, allergies. */
@Repository
class ContrastRecords {

    /** The last decision of a radiologist on an exam's contrast screen. */
    record Decision(String decision, String note, String decidedBy, Instant decidedAt) {}

    /** The kidney findings of the last contrast screening, for the group I refusal at administration. */
    record Kidney(Integer egfr, boolean aki, boolean dialysis) {

        boolean severe() {
            return (egfr != null && egfr < 30) || aki || dialysis;
        }
    }

    /** One contrast allergy entry of a patient. */
    record Allergy(String agentClass, String agentName, String severity, String manifestation, LocalDate reactedOn) {}

    /** One reaction as the cockpit lists it. */
    record Reaction(Instant onsetAt, String type, String severity, String manifestation, String treatment,
            String outcome, String followUp, String recordedBy) {}

    /** One extravasation as the cockpit lists it. */
    record Extravasation(BigDecimal volumeMl, String site, String treatment, String followUp, String recordedBy) {}

    private final JdbcClient jdbc;

    ContrastRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ContrastAgent> agents() {
        return jdbc.sql("SELECT * FROM contrast_agent ORDER BY agent_class DESC, name").query(ContrastAgent.class).list();
    }

    Optional<ContrastAgent> agent(String code) {
        return jdbc.sql("SELECT * FROM contrast_agent WHERE code = ?").param(code).query(ContrastAgent.class).optional();
    }

    void recordScreening(long examId, ContrastAnswers answers, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO contrast_screening (exam_id, agent_code, egfr, egfr_date, aki, dialysis, metformin, pregnant,
                                                breastfeeding, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(examId, answers.agentCode(), answers.egfr(),
                        answers.egfrDate() == null ? null : Date.valueOf(answers.egfrDate()), answers.aki(),
                        answers.dialysis(), answers.metformin(), answers.pregnant(), answers.breastfeeding(), by,
                        Timestamp.from(at))
                .update();
    }

    Optional<Kidney> kidney(long examId) {
        return jdbc.sql("SELECT egfr, aki, dialysis FROM contrast_screening WHERE exam_id = ? ORDER BY id DESC LIMIT 1")
                .param(examId).query((row, n) -> new Kidney((Integer) row.getObject("egfr"), row.getBoolean("aki"),
                        row.getBoolean("dialysis"))).optional();
    }

    void recordDecision(long examId, String decision, String note, String by, Instant at) {
        jdbc.sql("INSERT INTO contrast_decision (exam_id, decision, note, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)")
                .params(examId, decision, note, by, Timestamp.from(at)).update();
    }

    Optional<Decision> lastDecision(long examId) {
        return jdbc.sql("SELECT * FROM contrast_decision WHERE exam_id = ? ORDER BY id DESC LIMIT 1").param(examId)
                .query((row, n) -> decision(row)).optional();
    }

    private static Decision decision(ResultSet row) throws SQLException {
        return new Decision(row.getString("decision"), row.getString("note"), row.getString("decided_by"),
                row.getTimestamp("decided_at").toInstant());
    }

    /** The latest decision of each of these exams that has one. */
    Map<Long, Decision> latestDecisions(Collection<Long> examIds) {
        if (examIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT ON (exam_id) * FROM contrast_decision WHERE exam_id IN (:ids)
                ORDER BY exam_id, id DESC""").param("ids", examIds)
                .query((row, n) -> Map.entry(row.getLong("exam_id"), decision(row))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void recordDose(long examId, PremedicationRegimen regimen, String drug, Instant givenAt, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO contrast_premedication_dose (exam_id, regimen, drug, given_at, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(examId, regimen.name(), drug, Timestamp.from(givenAt), by, Timestamp.from(at)).update();
    }

    List<Dose> doses(long examId) {
        return jdbc.sql("SELECT * FROM contrast_premedication_dose WHERE exam_id = ? ORDER BY given_at, id")
                .param(examId).query((row, n) -> new Dose(PremedicationRegimen.valueOf(row.getString("regimen")),
                        row.getString("drug"), row.getTimestamp("given_at").toInstant())).list();
    }

    long recordReaction(long examId, Instant onset, ReactionExample example, String manifestation, String treatment,
            String outcome, String followUp, String by, Instant at) {
        return jdbc.sql("""
                INSERT INTO contrast_reaction (exam_id, onset_at, reaction_type, severity, manifestation, treatment,
                                               outcome, follow_up, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(examId, Timestamp.from(onset), example.type(), example.severity(), manifestation, treatment,
                        outcome, followUp, by, Timestamp.from(at)).query(Long.class).single();
    }

    List<Reaction> reactions(long examId) {
        return jdbc.sql("SELECT * FROM contrast_reaction WHERE exam_id = ? ORDER BY onset_at").param(examId)
                .query((row, n) -> new Reaction(row.getTimestamp("onset_at").toInstant(), row.getString("reaction_type"),
                        row.getString("severity"), row.getString("manifestation"), row.getString("treatment"),
                        row.getString("outcome"), row.getString("follow_up"), row.getString("recorded_by"))).list();
    }

    void recordAllergy(long patientId, long reactionId, String agentClass, String agentName, String severity,
            String manifestation, LocalDate on, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO contrast_allergy (patient_id, reaction_id, agent_class, agent_name, severity, manifestation,
                                              reacted_on, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(patientId, reactionId, agentClass, agentName, severity, manifestation, Date.valueOf(on), by,
                        Timestamp.from(at)).update();
    }

    List<Allergy> allergies(long patientId) {
        return jdbc.sql("SELECT * FROM contrast_allergy WHERE patient_id = ? ORDER BY reacted_on DESC, id DESC")
                .param(patientId).query((row, n) -> new Allergy(row.getString("agent_class"), row.getString("agent_name"),
                        row.getString("severity"), row.getString("manifestation"),
                        row.getDate("reacted_on").toLocalDate())).list();
    }

    void movePatient(long fromPatientId, long toPatientId) {
        jdbc.sql("UPDATE contrast_allergy SET patient_id = ? WHERE patient_id = ?").params(toPatientId, fromPatientId)
                .update();
    }

    void recordExtravasation(long examId, BigDecimal volumeMl, String site, String treatment, String followUp,
            String by, Instant at) {
        jdbc.sql("""
                INSERT INTO contrast_extravasation (exam_id, volume_ml, site, treatment, follow_up, recorded_by,
                                                    recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(examId, volumeMl, site, treatment, followUp, by, Timestamp.from(at)).update();
    }

    List<Extravasation> extravasations(long examId) {
        return jdbc.sql("SELECT * FROM contrast_extravasation WHERE exam_id = ? ORDER BY id").param(examId)
                .query((row, n) -> new Extravasation(row.getBigDecimal("volume_ml"), row.getString("site"),
                        row.getString("treatment"), row.getString("follow_up"), row.getString("recorded_by"))).list();
    }
}
