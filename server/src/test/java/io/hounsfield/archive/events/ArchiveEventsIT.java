package io.hounsfield.archive.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.ArchiveEventSubscriber;
import io.hounsfield.archive.InstanceStored;
import io.hounsfield.archive.StudyQuiesced;
import io.hounsfield.system.RunMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher's rules on the real outbox: order, a position per subscriber that survives a new dispatcher,
 * a failing subscriber retried after its pause without holding up the others, a rolled-back store leaving no event,
 * studies quiescing (again after a later instance), and {@code /api/changes}. The test drives its own dispatcher,
 * with subscribers of its own, round by round, so nothing waits on time; the server's dispatcher runs beside it on
 * the same tables, as a second server would.
 */
@HounsfieldIntegrationTest
class ArchiveEventsIT {

    /** Retries wait an hour: the test makes one due by moving its time, never by waiting. No study quiesces. */
    private static final EventProperties SETTINGS = new EventProperties(Duration.ofHours(1), Duration.ofSeconds(1),
            Duration.ofHours(1), Duration.ofHours(2), false);
    /** Studies quiesce as soon as the dispatcher looks. */
    private static final EventProperties QUIET_AT_ONCE = new EventProperties(Duration.ZERO, Duration.ofSeconds(1),
            Duration.ofHours(1), Duration.ofHours(2), false);

    @Autowired
    EventLog log;

    @Autowired
    ArchiveEvents events;

    @Autowired
    DeliveryWakeUp wakeUp;

    @Autowired
    RunMode runMode;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    /** Records what it is given of the test's studies; fails once on the instances named in {@code failOnce}. */
    static final class Recorder implements ArchiveEventSubscriber {
        final String name;
        final Set<String> studies;
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        final Set<String> failOnce = new HashSet<>();

        Recorder(String name, Set<String> studies) {
            this.name = name;
            this.studies = studies;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void onInstanceStored(InstanceStored stored) {
            if (!studies.contains(stored.studyInstanceUid())) {
                return;
            }
            if (failOnce.remove(stored.sopInstanceUid())) {
                throw new IllegalStateException("the target is away");
            }
            seen.add(stored.sopInstanceUid());
        }

        @Override
        public void onStudyQuiesced(StudyQuiesced quiesced) {
            if (studies.contains(quiesced.studyInstanceUid())) {
                seen.add("quiesced " + quiesced.studyInstanceUid());
            }
        }
    }

    @Test
    void eachSubscriberGetsEveryEventInOrderAndAFailingOneIsRetriedFromItsPlace() {
        String study = uid();
        String suffix = UUID.randomUUID().toString();
        Recorder steady = new Recorder("test.steady-" + suffix, Set.of(study));
        Recorder flaky = new Recorder("test.flaky-" + suffix, Set.of(study));
        flaky.failOnce.add(study + ".2");
        EventDispatcher dispatcher = dispatcher(SETTINGS, steady, flaky);

        store(study, 1);
        store(study, 2);
        store(study, 3);
        dispatcher.deliverAll();

        assertThat(steady.seen).containsExactly(study + ".1", study + ".2", study + ".3");
        assertThat(flaky.seen).as("stopped at the event that failed").containsExactly(study + ".1");
        Map<String, Object> failing = consumer(flaky.name);
        assertThat(failing.get("attempts")).isEqualTo(1);
        assertThat((String) failing.get("last_error")).contains("the target is away");
        assertThat((Long) failing.get("position")).isEqualTo(seqOf(study + ".1"));

        dispatcher.deliverAll();
        assertThat(flaky.seen).as("waits out its pause").containsExactly(study + ".1");

        jdbc.sql("UPDATE archive_event_consumer SET next_attempt_at = now() WHERE name = ?").param(flaky.name).update();
        dispatcher.deliverAll();
        assertThat(flaky.seen).containsExactly(study + ".1", study + ".2", study + ".3");
        assertThat(consumer(flaky.name).get("attempts")).isEqualTo(0);
        assertThat(steady.seen).as("each event once").hasSize(3);

        Recorder steadyAfterARestart = new Recorder(steady.name, Set.of(study));
        store(study, 4);
        dispatcher(SETTINGS, steadyAfterARestart).deliverAll();
        assertThat(steadyAfterARestart.seen).as("from its saved position").containsExactly(study + ".4");
    }

    @Test
    void aStoreThatRollsBackLeavesNoEvent() {
        String study = uid();
        Recorder recorder = new Recorder("test.rollback-" + UUID.randomUUID(), Set.of(study));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            events.append(instance(study, 1));
            status.setRollbackOnly();
        });
        store(study, 2);
        dispatcher(SETTINGS, recorder).deliverAll();

        assertThat(recorder.seen).containsExactly(study + ".2");
    }

    @Test
    void aStudyQuiescesAfterItsLastInstanceAndAgainAfterALaterOne() throws Exception {
        String study = uid();
        Recorder recorder = new Recorder("test.quiescence-" + UUID.randomUUID(), Set.of(study));
        EventDispatcher dispatcher = dispatcher(QUIET_AT_ONCE, recorder);

        store(study, 1);
        store(study, 2);
        deliverUntilSeen(dispatcher, recorder, 3);
        store(study, 3);
        deliverUntilSeen(dispatcher, recorder, 5);

        assertThat(recorder.seen).containsExactly(study + ".1", study + ".2", "quiesced " + study, study + ".3",
                "quiesced " + study);
    }

    /**
     * Rounds until the recorder has {@code count} entries: the server's own dispatcher may hold the quiescence
     * step's position for a moment (as another server would), and then this one leaves the quiet studies to it.
     */
    private static void deliverUntilSeen(EventDispatcher dispatcher, Recorder recorder, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        dispatcher.deliverAll();
        while (recorder.seen.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            dispatcher.deliverAll();
        }
    }

    @Test
    void theChangesFeedListsEventsInPagesAndIsAudited() throws Exception {
        String study = uid();
        store(study, 1);
        store(study, 2);
        store(study, 3);
        dispatcher(SETTINGS).deliverAll();
        long before = seqOf(study + ".1") - 1;

        mvc.perform(get("/api/changes").param("since", String.valueOf(before)).param("limit", "2")
                        .with(user("radiologist").roles("RADIOLOGIST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes.length()").value(2))
                .andExpect(jsonPath("$.changes[0].type").value("InstanceStored"))
                .andExpect(jsonPath("$.changes[0].sopInstanceUid").value(study + ".1"))
                .andExpect(jsonPath("$.changes[1].sopInstanceUid").value(study + ".2"))
                .andExpect(jsonPath("$.changes[1].studyInstanceUid").value(study))
                .andExpect(jsonPath("$.changes[1].time").value(matchesPattern(
                        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z")))
                .andExpect(jsonPath("$.last").value(seqOf(study + ".2")))
                .andExpect(jsonPath("$.done").value(false));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ARCHIVE_CHANGES_QUERIED' AND actor = ?")
                .param("radiologist").query(Long.class).single()).isPositive();

        mvc.perform(get("/api/changes").param("since", "-1").with(user("radiologist").roles("RADIOLOGIST")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("A value is not one of those allowed"));
        mvc.perform(get("/api/changes").param("limit", "many").with(user("physicist").roles("PHYSICIST")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/changes").with(user("student").roles("STUDENT")))
                .andExpect(status().isForbidden());
    }

    private EventDispatcher dispatcher(EventProperties settings, ArchiveEventSubscriber... subscribers) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        for (ArchiveEventSubscriber subscriber : subscribers) {
            beans.addBean(subscriber.name(), subscriber);
        }
        EventDispatcher dispatcher = new EventDispatcher(log, settings, wakeUp, new StudyQuiescence(log, settings),
                beans.getBeanProvider(ArchiveEventSubscriber.class), runMode, transactions);
        dispatcher.registerConsumers();
        return dispatcher;
    }

    private void store(String study, int number) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.append(instance(study, number)));
    }

    private static InstanceStored instance(String study, int number) {
        return new InstanceStored(study, study + ".100", study + "." + number, "", "CT1", false);
    }

    private Map<String, Object> consumer(String name) {
        return jdbc.sql("SELECT position, attempts, last_error FROM archive_event_consumer WHERE name = ?").param(name)
                .query().singleRow();
    }

    private long seqOf(String sopInstanceUid) {
        return jdbc.sql("SELECT seq FROM archive_event WHERE sop_instance_uid = ?").param(sopInstanceUid)
                .query(Long.class).single();
    }

    private static String uid() {
        return "2.25." + (UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE);
    }
}
