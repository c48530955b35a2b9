package io.hounsfield.workstation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Verification, screening and documentation rows of the exam cockpit. */
@Repository
class CockpitRecords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    record Verification(String recordedBy, Instant recordedAt, String identifiers, String outcome, String mismatchReason) {}

    /**
     * The last answer to a screen, with the decision on it if one was needed.
     *
     * @param when when it was answered, as the cockpit shows it: the time today, else the date and time
     * @param priorReaction the contrast reaction the patient reported (NONE, MILD, MODERATE, SEVERE, UNKNOWN)
     * @param contradicts the known fact this answer goes against, with the reason given; it needs a decision
     * @param amendedFrom the answer before a late finding changed it after the start, or null
     */
    record Screening(Screen screen, String answer, String method, String answeredBy, String when, String decision,
            String decidedBy, String priorReaction, String contradicts, String amendedFrom, String amendmentReason) {

        public boolean positive() {
            return screen.positive(answer) || contradicts != null;
        }

        /** E.g. "Not pregnant — negative pregnancy test, recorded by tech at 08:14". */
        public String summary() {
            String how = screen == Screen.PREGNANCY ? ScreenWording.pregnancyMethod(method) : method;
            return screen.label(answer) + " — " + how
                    + (contradicts == null ? "" : "; goes against the record: " + contradicts)
                    + ", recorded by " + answeredBy + " at " + when;
        }

        /** Why this answer holds the start until the right role decides. */
        public String holdReason() {
            return contradicts != null
                    ? "The " + screen.title() + " goes against the patient's record: " + screen.whoDecides()
                            + " must decide before the exam starts."
                    : screen.holdReason(answer);
        }

        public String label() {
            return screen.label(answer);
        }
    }

    /** What a screen found, to be recorded: the answer and how it was reached. */
    record ScreenEntry(Screen screen, String answer, String method, String priorReaction, String contradicts,
            String amendedFrom, String amendmentReason) {

        static ScreenEntry of(Screen screen, String answer, String method, String contradicts) {
            return new ScreenEntry(screen, answer, method, null, contradicts, null, null);
        }
    }

    /** A late finding: a screen changed after the exam started. */
    record Amendment(Screen screen, String from, String to, String reason, String by, String when) {

        public String summary() {
            return screen.title().substring(0, 1).toUpperCase() + screen.title().substring(1) + " changed after the start from “"
                    + screen.label(from) + "” to “" + screen.label(to) + "” by " + by + " — " + reason;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CockpitRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void recordVerification(long examId, String by, String identifiers, boolean procedureConfirmed, String outcome,
            String mismatchReason) {
        jdbc.sql("""
                INSERT INTO exam_verification (exam_id, recorded_by, identifiers, procedure_confirmed, outcome,
                                               mismatch_reason)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(examId, by, identifiers, procedureConfirmed, outcome, mismatchReason).update();
    }

    Optional<Verification> lastVerification(long examId) {
        return jdbc.sql("SELECT * FROM exam_verification WHERE exam_id = ? ORDER BY id DESC LIMIT 1").param(examId)
                .query((row, number) -> new Verification(row.getString("recorded_by"),
                        row.getTimestamp("recorded_at").toInstant(), row.getString("identifiers"),
                        row.getString("outcome"), row.getString("mismatch_reason")))
                .optional();
    }

    void recordScreen(long examId, ScreenEntry entry, String by) {
        jdbc.sql("""
                INSERT INTO exam_screening (exam_id, kind, answer, method, answered_by, answered_at, prior_reaction,
                                            contradicts, amended_from, amendment_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(examId, entry.screen().name(), entry.answer(), entry.method(), by, Timestamp.from(clock.instant()),
                        entry.priorReaction(), entry.contradicts(), entry.amendedFrom(), entry.amendmentReason())
                .update();
    }

    Optional<Screening> lastScreen(long examId, Screen screen) {
        return jdbc.sql("SELECT * FROM exam_screening WHERE exam_id = ? AND kind = ? ORDER BY id DESC LIMIT 1")
                .params(examId, screen.name())
                .query((row, number) -> new Screening(screen, row.getString("answer"), row.getString("method"),
                        row.getString("answered_by"), when(row.getTimestamp("answered_at")), row.getString("decision"),
                        row.getString("decided_by"), row.getString("prior_reaction"), row.getString("contradicts"),
                        row.getString("amended_from"), row.getString("amendment_reason")))
                .optional();
    }

    void recordDecision(long examId, Screen screen, String decision, String by) {
        jdbc.sql("""
                UPDATE exam_screening SET decision = ?, decided_by = ?, decided_at = now()
                WHERE id = (SELECT max(id) FROM exam_screening WHERE exam_id = ? AND kind = ?)""")
                .params(decision, by, examId, screen.name()).update();
    }

    void recordDocumentation(long examId, String performing, String supervising, String notes) {
        jdbc.sql("""
                INSERT INTO exam_documentation (exam_id, performing_technologist, supervising_technologist, notes)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (exam_id) DO UPDATE SET performing_technologist = EXCLUDED.performing_technologist,
                    supervising_technologist = EXCLUDED.supervising_technologist, notes = EXCLUDED.notes,
                    recorded_at = now()""")
                .params(examId, performing, supervising, notes).update();
    }

    void recordTransport(long examId, TransportStatus status, String by) {
        jdbc.sql("""
                INSERT INTO exam_transport (exam_id, status, updated_by) VALUES (?, ?, ?)
                ON CONFLICT (exam_id) DO UPDATE SET status = EXCLUDED.status, updated_by = EXCLUDED.updated_by,
                    updated_at = now()""")
                .params(examId, status.name(), by).update();
    }

    Optional<TransportStatus> transport(long examId) {
        return jdbc.sql("SELECT status FROM exam_transport WHERE exam_id = ?").param(examId).query(String.class)
                .optional().map(TransportStatus::valueOf);
    }

    void recordTimeOut(long examId, String participants, String siteMark, boolean imagingDisplayed, String by) {
        jdbc.sql("""
                INSERT INTO exam_time_out (exam_id, participants, site_mark, imaging_displayed, recorded_by)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (exam_id) DO UPDATE SET participants = EXCLUDED.participants,
                    site_mark = EXCLUDED.site_mark, imaging_displayed = EXCLUDED.imaging_displayed,
                    recorded_by = EXCLUDED.recorded_by, recorded_at = now()""")
                .params(examId, participants, siteMark, imagingDisplayed, by).update();
    }

    Optional<String> timeOutBy(long examId) {
        return jdbc.sql("SELECT recorded_by FROM exam_time_out WHERE exam_id = ?").param(examId).query(String.class)
                .optional();
    }

    Optional<String> notes(long examId) {
        return jdbc.sql("SELECT notes FROM exam_documentation WHERE exam_id = ?").param(examId).query(String.class)
                .optional();
    }

    /** The late findings of an exam, oldest first (issue 12: they stay in the exam's history). */
    List<Amendment> amendments(long examId) {
        return jdbc.sql("""
                SELECT * FROM exam_screening WHERE exam_id = ? AND amendment_reason IS NOT NULL ORDER BY id""")
                .param(examId)
                .query((row, number) -> new Amendment(Screen.valueOf(row.getString("kind")),
                        row.getString("amended_from"), row.getString("answer"), row.getString("amendment_reason"),
                        row.getString("answered_by"), when(row.getTimestamp("answered_at"))))
                .list();
    }

    /**
     * The contrast reactions the patient reported on their other exams with the same kind of agent
     * (gadolinium-based for MR, iodinated otherwise), newest first.
     */
    List<String> priorReactions(long patientId, long examId, boolean gadolinium) {
        return jdbc.sql("""
                SELECT s.prior_reaction FROM exam_screening s
                JOIN exam e ON e.id = s.exam_id
                JOIN procedure_type p ON p.code = e.procedure_code
                WHERE e.patient_id = ? AND e.id <> ? AND s.kind = 'CONTRAST' AND (p.modality = 'MR') = ?
                  AND s.prior_reaction IS NOT NULL AND s.prior_reaction <> 'NONE'
                ORDER BY s.id DESC""")
                .params(patientId, examId, gadolinium).query(String.class).list();
    }

    /** The implant found by the patient's last MRI screen on another exam, if it found one. */
    Optional<String> priorImplant(long patientId, long examId) {
        return jdbc.sql("""
                SELECT s.answer FROM exam_screening s JOIN exam e ON e.id = s.exam_id
                WHERE e.patient_id = ? AND e.id <> ? AND s.kind = 'MRI'
                ORDER BY s.id DESC LIMIT 1""")
                .params(patientId, examId).query(String.class).optional()
                .filter(answer -> !answer.equals("NO_IMPLANT"));
    }

    private String when(Timestamp at) {
        ZonedDateTime local = at.toInstant().atZone(clock.getZone());
        boolean today = local.toLocalDate().equals(LocalDate.now(clock));
        return local.format(today ? TIME : DATE_TIME);
    }
}
