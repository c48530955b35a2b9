package io.hounsfield.workstation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.Patient;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
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

        mvc.perform(post("/trauma/" + temporary.id() + "/reconcile").with(user("tech").roles("TECHNOLOGIST")).with(csrf())
                        .param("issuer", "HOSP").param("realPatientId", "NOT-REGISTERED"))
                .andExpect(flash().attribute("error", Matchers.containsString("register them (ADT) first")));

        PatientIdentifier real = new PatientIdentifier("HOSP", "REAL-" + temporary.id());
        patients.register(real, Demographics.named("Brennan", "Liam", LocalDate.of(1988, 1, 9), Sex.M),
                new Actor("ADT", "HL7", null));
        mvc.perform(post("/trauma/" + temporary.id() + "/reconcile").with(user("tech").roles("TECHNOLOGIST")).with(csrf())
                        .param("issuer", "HOSP").param("realPatientId", real.value()))
                .andExpect(flash().attribute("message", Matchers.containsString("is now " + real.value())));

        assertThat(exams.get(exam.id()).patientId()).isEqualTo(patients.find(real).orElseThrow().id());
        assertThat(patients.awaitingReconciliation()).extracting(Patient::id).doesNotContain(temporary.id());
    }

    @Test
    void studentsDoNotRegisterTrauma() throws Exception {
        mvc.perform(post("/trauma").with(user("student").roles("STUDENT")).with(csrf())
                        .param("sex", "U").param("procedureCode", "CTTRAUMA").param("room", "CT1"))
                .andExpect(status().isForbidden());
    }
}
