package io.hounsfield.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@HounsfieldIntegrationTest
class AuditIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /**
     * A read's audit row is committed without waiting for the disk (the viewer's one request per image waited on it);
     * the commit of a caller that is already in a transaction, which may have changed things, is left as it is.
     */
    @Test
    void aReadCommitsItsAuditRowWithoutWaitingForTheDiskButLeavesACallersTransactionAlone() {
        Actor viewer = new Actor("READER-" + System.nanoTime(), "TECHNOLOGIST", "127.0.0.1");
        String during = audit.read(() -> {
            audit.record(viewer, AuditEntry.success("STUDY_RETRIEVED", "STUDY", "1.2.3").withDetail("read"));
            return jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single();
        });
        assertThat(during).isEqualTo("off");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = ?").param(viewer.name())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single())
                .isEqualTo("on");

        String inCallersTransaction = new TransactionTemplate(transactions).execute(status -> audit.read(() ->
                jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single()));
        assertThat(inCallersTransaction).isEqualTo("on");
    }

    /**
     * Issue 13.8: a refusal is often what rolls its caller back, and a peer's overlong values made the insert itself
     * fail; either way the refusal left no row.
     */
    @Test
    void aRefusalWithOverlongValuesOutlivesTheRollbackOfItsCaller() {
        String uid = "1.2." + "9".repeat(300);
        Actor peer = new Actor("PEER-" + "X".repeat(100), "DICOM_PEER", "10.9.8.7");

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            audit.record(peer, AuditEntry.failure("DICOM_REQUEST_REFUSED", "STUDY", uid, "refused: " + uid)
                    .forPatient("P-" + "7".repeat(200)));
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = 'DICOM_REQUEST_REFUSED' AND actor LIKE 'PEER-XXX%'
                AND object_id LIKE '1.2.999%' AND patient_id LIKE 'P-777%'""").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void creatingAUserWritesExactlyOneAuditRowWithWhoWhatWhere() throws Exception {
        Instant before = AuditTime.now(jdbc);

        mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("10.1.2.3");
                            return request;
                        })
                        .param("username", "newtech").param("fullName", "New Tech")
                        .param("role", "TECHNOLOGIST").param("password", "password-1"))
                .andExpect(status().isFound());

        List<AuditEvent> events = audit.search(new AuditQuery(null, null, null, before, null, 0));
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.actor()).isEqualTo("admin");
            assertThat(event.actorRole()).isEqualTo("ADMIN");
            assertThat(event.action()).isEqualTo("USER_CREATED");
            assertThat(event.objectType()).isEqualTo("USER");
            assertThat(event.objectId()).isEqualTo("newtech");
            assertThat(event.patientId()).isNull();
            assertThat(event.sourceAddress()).isEqualTo("10.1.2.3");
            assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(event.detail()).isEqualTo("role Technologist");
            assertThat(event.occurredAt()).isBetween(before, AuditTime.now(jdbc));
        });
    }

    @Test
    void aRefusedCreationWritesNoAuditRow() throws Exception {
        Instant before = AuditTime.now(jdbc);
        mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", "tech").param("fullName", "Duplicate")
                        .param("role", "TECHNOLOGIST").param("password", "password-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("is already taken")));
        assertThat(audit.search(new AuditQuery(null, null, "USER_CREATED", before, null, 0))).isEmpty();
    }

    @Test
    void loginsAreAuditedWithOutcome() throws Exception {
        Instant before = AuditTime.now(jdbc);
        mvc.perform(formLogin().user("lead").password("demo"));
        mvc.perform(formLogin().user("lead").password("wrong"));

        List<AuditEvent> logins = audit.search(new AuditQuery("lead", null, "LOGIN", before, null, 0));
        assertThat(logins).extracting(AuditEvent::outcome, AuditEvent::actorRole)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditOutcome.FAILURE, null),
                        org.assertj.core.groups.Tuple.tuple(AuditOutcome.SUCCESS, "LEAD"));
    }

    @Test
    void searchFiltersByPatientAndIsItselfAudited() throws Exception {
        audit.record(new Actor("CT1", "DICOM", "127.0.0.1"),
                AuditEntry.success("INSTANCE_STORED", "INSTANCE", "1.2.3.4").forPatient("MRN-AUDIT-1"));
        audit.record(new Actor("CT1", "DICOM", "127.0.0.1"),
                AuditEntry.success("INSTANCE_STORED", "INSTANCE", "1.2.3.5").forPatient("MRN-OTHER"));

        String json = mvc.perform(get("/api/audit").param("patientId", "MRN-AUDIT-1")
                        .with(httpBasic("lead", "demo")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(json).contains("1.2.3.4").doesNotContain("1.2.3.5");
        assertThat(audit.search(new AuditQuery("lead", "MRN-AUDIT-1", "AUDIT_SEARCHED", null, null, 0))).hasSize(1);
    }

    @Test
    void theTrailIsAppendOnly() {
        audit.record(Actor.SYSTEM, AuditEntry.success("TEST_EVENT", "TEST", "1"));

        // On the embedded database the application's role may not even try (permission denied); where it owns the
        // table (an external database set up that way) the trigger refuses.
        for (String rewrite : new String[] {"UPDATE audit_event SET actor = 'someone else'", "DELETE FROM audit_event"}) {
            assertThatThrownBy(() -> jdbc.sql(rewrite).update())
                    .isInstanceOf(DataAccessException.class)
                    .extracting(failure -> ((DataAccessException) failure).getMostSpecificCause().getMessage())
                    .asString().containsAnyOf("append-only", "permission denied");
        }
    }
}
