package io.hounsfield.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.time.Clock;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@HounsfieldIntegrationTest
class TraumaPageIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    AuditService audit;

    @Autowired
    Clock clock;

    @Test
    void registerInOneStepThenReconcileToTheRealPatient() throws Exception {
        String cockpit = mvc.perform(post("/trauma").with(user("tech").roles("TECHNOLOGIST")).with(csrf())
                        .param("sex", "M").param("procedureCode", "CTTRAUMA").param("room", "CT1"))
                .andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        Exam exam = exams.get(Long.parseLong(cockpit.substring("/exams/".length())));
        Patient temporary = patients.get(exam.patientId());
        assertThat(temporary.temporary()).isTrue();
        assertThat(exam.priority()).isEqualTo(Priority.STAT);
        assertThat(exam.state()).isEqualTo(ExamState.ARRIVED);

        String page = mvc.perform(get("/trauma").with(user("tech").roles("TECHNOLOGIST")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(temporary.identifier().value());

        mvc.perform(get("/trauma/" + temporary.id() + "/reconcile").with(user("tech").roles("TECHNOLOGIST"))
                        .param("issuer", "HOSP").param("realPatientId", "NOT-REGISTERED"))
                .andExpect(flash().attribute("error", Matchers.containsString("register them (ADT) first")));

        PatientIdentifier real = new PatientIdentifier("HOSP", "REAL-" + temporary.id());
        patients.register(real, Demographics.named("Brennan", "Liam", LocalDate.of(1988, 1, 9), Sex.M),
                new Actor("ADT", "HL7", null));
        mvc.perform(post("/trauma/" + temporary.id() + "/reconcile").with(user("tech").roles("TECHNOLOGIST")).with(csrf())
                        .param("issuer", "HOSP").param("realPatientId", real.value()).param("confirmed", "true"))
                .andExpect(flash().attribute("message", Matchers.containsString("is now " + real.value())));

        assertThat(exams.get(exam.id()).patientId()).isEqualTo(patients.find(real).orElseThrow().id());
        assertThat(patients.awaitingReconciliation()).extracting(Patient::id).doesNotContain(temporary.id());
    }

    /** Issue 12 point 4: a female temporary patient was merged into a male patient with one click. */
    @Test
    void aMergeOfTheOtherSexNeedsTheReviewAndAnExplicitAcknowledgement() throws Exception {
        Patient temporary = patients.registerTemporary(Sex.F, new Actor("tech", "TECHNOLOGIST", null));
        Exam exam = exams.schedule(new NewExam(null, temporary.id(), "CTTRAUMA", null, Priority.STAT, "CT1",
                clock.instant(), null, null), new Actor("tech", "TECHNOLOGIST", null));
        PatientIdentifier real = new PatientIdentifier("HOSP", "MALE-" + temporary.id());
        patients.register(real, Demographics.named("Brennan", "Liam", LocalDate.of(1988, 1, 9), Sex.M),
                new Actor("ADT", "HL7", null));
        String reconcile = "/trauma/" + temporary.id() + "/reconcile";

        mvc.perform(post(reconcile).with(user("tech").roles("TECHNOLOGIST")).with(csrf())
                        .param("issuer", "HOSP").param("realPatientId", real.value()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(reconcile + "?issuer=HOSP&realPatientId=" + real.value()));
        assertThat(patients.awaitingReconciliation()).extracting(Patient::id).contains(temporary.id());

        String review = mvc.perform(get(reconcile).with(user("tech").roles("TECHNOLOGIST"))
                        .param("issuer", "HOSP").param("realPatientId", real.value()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(review).contains("Temporary patient").contains(temporary.identifier().value())
                .contains(temporary.demographics().familyName()).contains("female")
                .contains("Real patient").contains("Brennan, Liam").contains("male").contains("1988-01-09")
                .contains(real.value()).contains(exam.accessionNumber())
                .contains("The sex does not match: female (temporary patient) and male (real patient)")
                .contains("name=\"acknowledged\"");

        mvc.perform(post(reconcile).with(user("tech").roles("TECHNOLOGIST")).with(csrf())
                        .param("issuer", "HOSP").param("realPatientId", real.value()).param("confirmed", "true"))
                .andExpect(flash().attribute("error", Matchers.containsString("Tick the box")));
        assertThat(patients.awaitingReconciliation()).extracting(Patient::id).contains(temporary.id());
        assertThat(exams.get(exam.id()).patientId()).isEqualTo(temporary.id());

        mvc.perform(post(reconcile).with(user("tech").roles("TECHNOLOGIST")).with(csrf())
                        .param("issuer", "HOSP").param("realPatientId", real.value()).param("confirmed", "true")
                        .param("acknowledged", "true"))
                .andExpect(flash().attribute("message", Matchers.containsString("is now " + real.value())));
        assertThat(exams.get(exam.id()).patientId()).isEqualTo(patients.find(real).orElseThrow().id());
        assertThat(audit.search(new AuditQuery("tech", real.toString(), "PATIENT_MERGE_MISMATCH_ACKNOWLEDGED",
                null, null, 0))).singleElement()
                .satisfies(event -> assertThat(event.detail()).contains("The sex does not match"));
        assertThat(audit.search(new AuditQuery("tech", real.toString(), "PATIENT_MERGE_REVIEWED", null, null, 0)))
                .isNotEmpty();
    }

    @Test
    void studentsDoNotRegisterTrauma() throws Exception {
        mvc.perform(post("/trauma").with(user("student").roles("STUDENT")).with(csrf())
                        .param("sex", "U").param("procedureCode", "CTTRAUMA").param("room", "CT1"))
                .andExpect(status().isForbidden());
    }
}
