package io.hounsfield.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.StoreBatch;
import io.hounsfield.archive.StoreResult;
import io.hounsfield.archive.TestStudies;
import io.hounsfield.archive.events.DeliveredEvents;
import io.hounsfield.audit.Actor;
import io.hounsfield.dose.DoseReports.Num;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 18: after 30 exams of one protocol in one room, the 75th percentile is its local reference level. */
@HounsfieldIntegrationTest
class DoseReviewIT {
    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");
    private static final String ROOM = "CTDRL";

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    ArchiveService archive;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void thirtyExamsOfAProtocolGiveItsLocalReferenceLevel() throws Exception {
        for (int ctdiVol = 41; ctdiVol <= 69; ctdiVol++) {
            storeExam(ctdiVol);
        }
        assertThat(localDrl()).isEqualTo("1 more exams needed");
        storeExam(70);

        String page = review("CTDIVOL");
        assertThat(cells(page)).containsExactly("CT head without contrast", ROOM, "30", "55.50", "62.75", "62.75",
                "75 (Adult CT head)", "Median within");
        assertThat(page).contains("<svg class=\"dose-chart\"", "class=\"local-drl\"");
        assertThat(cells(review("DLP"))).containsSubsequence("30", "1000.00", "1000.00", "1000.00");

        String csv = mvc.perform(get("/dose/review.csv").with(user("physicist").roles("PHYSICIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(line -> line.contains("\"" + ROOM + "\""))).hasSize(30);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("performed,accession_number,protocol_code");
        mvc.perform(get("/dose/review").with(user("tech").roles("TECHNOLOGIST"))).andExpect(status().isForbidden());
    }

    private String localDrl() throws Exception {
        return cells(review("CTDIVOL")).get(5);
    }

    private String review(String metric) throws Exception {
        return mvc.perform(get("/dose/review").param("metric", metric).with(user("physicist").roles("PHYSICIST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The texts of the cells of this room's row in the table of reference levels. */
    private static java.util.List<String> cells(String page) {
        Matcher row = Pattern.compile("<tr data-protocol=\"CTHEAD\" data-room=\"" + ROOM + "\">(.*?)</tr>",
                Pattern.DOTALL).matcher(page);
        assertThat(row.find()).as("the row of " + ROOM).isTrue();
        Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
        java.util.List<String> cells = new java.util.ArrayList<>();
        while (cell.find()) {
            cells.add(cell.group(1).strip());
        }
        return cells;
    }

    private void storeExam(int ctdiVol) throws Exception {
        long patient = patients.register(new PatientIdentifier("HOSP", "DRL-" + System.nanoTime() % 1_000_000_000L),
                Demographics.named("Lind", "Eva", LocalDate.of(1966, 3, 2), Sex.F), LEAD).id();
        Exam exam = exams.schedule(new NewExam(null, patient, "CTHEAD", null, Priority.ROUTINE, ROOM,
                clock.instant(), null, null), LEAD);
        String mrn = patients.get(patient).identifier().value();
        TestStudies.Study study = new TestStudies.Study(exam.studyInstanceUid(), mrn, "LIND^EVA",
                exam.accessionNumber(), "20261201", "CT");
        StoreBatch batch = StoreBatch.of("CT1", "tech", null);
        try {
            assertThat(archive.store(DoseReports.ct(study, DoseReports.acquisitions("Head", String.valueOf(ctdiVol),
                    "1000", "mGy.cm"), new Num("1000", "mGy.cm")), batch).outcome())
                    .isEqualTo(StoreResult.Outcome.STORED);
        } finally {
            archive.finished(batch);
        }
        DeliveredEvents.await(jdbc, "dose");
    }
}
