package io.hounsfield.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.StoreResult;
import io.hounsfield.archive.events.DeliveredEvents;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.patient.PatientService;
import java.time.Clock;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 17 end to end: images stored, checked on arrival, acknowledged, approved. */
@HounsfieldIntegrationTest
class QualityChecksIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    ArchiveService archive;

    @Autowired
    QualityService quality;

    @Test
    void anOverexposedRadiographFailsAndTheExamIsApprovedOnlyAfterTheAcknowledgement() throws Exception {
        Exam exam = acquiredExam();
        Attributes overexposed = radiograph(exam, 1);
        overexposed.setDoubles(Tags.DeviationIndex, VR.DS, 4.0);
        Attributes fine = radiograph(exam, 2);
        fine.setDoubles(Tags.DeviationIndex, VR.DS, 0.2);
        store(overexposed);
        store(fine);

        JsonNode checks = awaitChecks(mvc, jdbc, exam.studyInstanceUid(), 2);
        JsonNode failed = instance(checks, overexposed.getString(Tags.SOPInstanceUID));
        JsonNode exposure = check(failed, "EXPOSURE_INDEX");
        assertThat(exposure.get("outcome").asString()).isEqualTo("FAIL");
        assertThat(exposure.get("value").asDouble()).isEqualTo(4.0);
        assertThat(exposure.get("source").asString()).contains("AAPM TG-116");
        assertThat(check(instance(checks, fine.getString(Tags.SOPInstanceUID)), "EXPOSURE_INDEX").get("outcome")
                .asString()).isEqualTo("PASS");
        assertThat(check(failed, "BLANK").get("outcome").asString()).isEqualTo("PASS");
        assertThat(check(failed, "IDENTITY").get("outcome").asString()).isEqualTo("PASS");

        mvc.perform(post("/exams/" + exam.id() + "/approve").with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("need your acknowledgement")));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.ACQUIRED);
        String page = mvc.perform(get("/exams/" + exam.id()).with(user("tech").roles("TECHNOLOGIST")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Images and checks").contains("Exposure: Failure").contains("acknowledge-reason");

        mvc.perform(post("/exams/" + exam.id() + "/quality/acknowledge").param("reason", " ")
                        .with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.startsWith("Say why")));
        mvc.perform(post("/exams/" + exam.id() + "/quality/acknowledge").param("reason", "anatomy not burned out")
                        .with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(flash().attribute("message", Matchers.endsWith("acknowledged.")));
        assertThat(quality.unacknowledged(exam.studyInstanceUid())).isEmpty();
        mvc.perform(post("/exams/" + exam.id() + "/approve").with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(flash().attribute("message", "Images approved."));
        assertThat(exams.get(exam.id()).state()).isEqualTo(ExamState.QC_APPROVED);
    }

    /** Bad input: pixels that cannot be decoded are reported, never a failed store. */
    @Test
    void anImageWhosePixelsCannotBeDecodedIsStoredAndSaysSo() throws Exception {
        Exam exam = acquiredExam();
        Attributes truncated = radiograph(exam, 1);
        truncated.setInts(Tags.Rows, VR.US, 2048);
        truncated.setInts(Tags.Columns, VR.US, 2048);
        assertThat(store(truncated)).isEqualTo(StoreResult.Outcome.STORED);

        JsonNode blank = check(instance(awaitChecks(mvc, jdbc, exam.studyInstanceUid(), 1),
                truncated.getString(Tags.SOPInstanceUID)), "BLANK");
        assertThat(blank.get("outcome").asString()).isEqualTo("WARN");
        assertThat(blank.get("finding").asString()).startsWith("pixels not checked: ");
    }

    /** Waits until the checks subscriber has had every event so far, then reads the checks once. */
    static JsonNode awaitChecks(MockMvc mvc, JdbcClient jdbc, String studyUid, int instances) throws Exception {
        DeliveredEvents.await(jdbc, "quality-checks");
        String body = mvc.perform(get("/api/quality/instances").param("studyInstanceUid", studyUid)
                .with(httpBasic("tech", "demo"))).andReturn().getResponse().getContentAsString();
        JsonNode checks = new ObjectMapper().readTree(body);
        assertThat(checks.size()).as(body).isEqualTo(instances);
        return checks;
    }

    static JsonNode instance(JsonNode checks, String sopUid) {
        for (JsonNode instance : checks) {
            if (instance.get("sopInstanceUid").asString().equals(sopUid)) {
                return instance;
            }
        }
        throw new AssertionError("no checks for " + sopUid + " in " + checks);
    }

    static JsonNode check(JsonNode instance, String code) {
        for (JsonNode check : instance.get("checks")) {
            if (check.get("code").asString().equals(code)) {
                return check;
            }
        }
        throw new AssertionError("no " + code + " in " + instance);
    }

    private StoreResult.Outcome store(Attributes image) throws Exception {
        return images().store(image);
    }

    private Attributes radiograph(Exam exam, int number) {
        return images().radiograph(exam, number);
    }

    private Exam acquiredExam() {
        return images().acquiredExam();
    }

    private QualityImages images() {
        return new QualityImages(exams, patients, archive, clock);
    }
}
