package io.hounsfield.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.AuditEvent;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 12 point 8: registration at the desk without HL7, with duplicate detection on name (accents and
 * case aside), sex and birth date, and an order for the patient in the same flow.
 */
@HounsfieldIntegrationTest
class RegistrationIT {

    private static final RequestPostProcessor TECH = user("tech").roles("TECHNOLOGIST");

    @Autowired
    MockMvc mvc;

    @Autowired
    PatientService patients;

    @Autowired
    ExamService exams;

    @Autowired
    AuditService audit;

    @Autowired
    Clock clock;

    @Test
    void aWalkInPatientIsRegisteredWithTheirMrnAndTheOrderFormOpensForThem() throws Exception {
        String mrn = "W-" + UUID.randomUUID().toString().substring(0, 8);
        MvcResult registered = mvc.perform(register(mrn, "Okafor", "Chidi", "M", "1961-04-12").with(TECH))
                .andExpect(redirectedUrlPattern("/orders/new?patient=*")).andReturn();
        Patient patient = patients.find(new PatientIdentifier("HOSP", mrn)).orElseThrow();
        assertThat(registered.getResponse().getRedirectedUrl()).endsWith("patient=" + patient.id());
        assertThat(patient.demographics().familyName()).isEqualTo("Okafor");
        assertThat(patient.demographics().sex()).isEqualTo(Sex.M);
        assertThat(auditOf(patient)).contains("PATIENT_REGISTERED");

        String form = mvc.perform(get("/orders/new").param("patient", String.valueOf(patient.id())).with(TECH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("OKAFOR, Chidi").contains("value=\"" + mrn + "\"");
    }

    @Test
    void aLikelyDuplicateIsShownAndMustBeChosenOrConfirmedAsADifferentPerson() throws Exception {
        String birthDate = uniqueBirthDate();
        mvc.perform(register("D1-" + UUID.randomUUID(), "Müller-Peña", "José", "M", birthDate).with(TECH))
                .andExpect(status().isFound());

        String secondMrn = "D2-" + UUID.randomUUID();
        String page = mvc.perform(register(secondMrn, "MULLER PENA", "jose", "M", birthDate).with(TECH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("This patient may be registered already").contains("MÜLLER-PEÑA, José")
                .contains(birthDate).contains("Use this patient").contains("This is a different person");
        assertThat(patients.find(new PatientIdentifier("HOSP", secondMrn))).isEmpty();

        // Another sex is another person: no question asked.
        mvc.perform(register("D3-" + UUID.randomUUID(), "Muller Pena", "Jose", "F", birthDate).with(TECH))
                .andExpect(redirectedUrlPattern("/orders/new?patient=*"));

        mvc.perform(register(secondMrn, "MULLER PENA", "jose", "M", birthDate).param("confirmedDifferent", "true").with(TECH))
                .andExpect(redirectedUrlPattern("/orders/new?patient=*"));
        Patient second = patients.find(new PatientIdentifier("HOSP", secondMrn)).orElseThrow();
        assertThat(auditOf(second)).contains("PATIENT_REGISTERED");
    }

    @Test
    void choosingTheRegisteredPatientCreatesNoNewRecord() throws Exception {
        String birthDate = uniqueBirthDate();
        String mrn = "C1-" + UUID.randomUUID();
        mvc.perform(register(mrn, "Nguyễn", "Thị Lan", "F", birthDate).with(TECH)).andExpect(status().isFound());
        Patient known = patients.find(new PatientIdentifier("HOSP", mrn)).orElseThrow();

        mvc.perform(register("", "NGUYEN", "Thi Lan", "F", birthDate).param("downtimeMrn", "true").with(TECH))
                .andExpect(status().isOk());
        mvc.perform(post("/patients/" + known.id() + "/choose").with(TECH).with(csrf()))
                .andExpect(redirectedUrl("/orders/new?patient=" + known.id()));
        assertThat(auditOf(known)).contains("PATIENT_POSSIBLE_DUPLICATE_SHOWN", "PATIENT_CHOSEN_AT_REGISTRATION");
    }

    @Test
    void anMrnAlreadyRegisteredIsNotRegisteredAgain() throws Exception {
        String mrn = "M1-" + UUID.randomUUID();
        mvc.perform(register(mrn, "Silva", "Ana", "F", "1990-01-01").with(TECH)).andExpect(status().isFound());
        String page = mvc.perform(register(mrn, "Souza", "Bea", "F", "1991-02-02").with(TECH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("This MRN is registered already").contains("SILVA, Ana");
        assertThat(patients.find(new PatientIdentifier("HOSP", mrn)).orElseThrow().demographics().familyName())
                .isEqualTo("Silva");
    }

    @Test
    void registerThenOrderPutsTheExamOnTheSchedule() throws Exception {
        LocalDate day = LocalDate.now(clock).plusDays(3);
        MvcResult registered = mvc.perform(register("", "Downtime", "Dora", "F", uniqueBirthDate())
                        .param("downtimeMrn", "true").with(TECH))
                .andExpect(redirectedUrlPattern("/orders/new?patient=*")).andReturn();
        long patientId = Long.parseLong(registered.getResponse().getRedirectedUrl().replaceAll(".*patient=", ""));
        Patient patient = patients.get(patientId);
        assertThat(patient.identifier().issuer()).isEqualTo(PatientService.DOWNTIME_ISSUER);
        assertThat(patient.identifier().value()).startsWith("D");

        mvc.perform(post("/orders").with(TECH).with(csrf())
                        .param("patientId", patient.identifier().value()).param("issuer", patient.identifier().issuer())
                        .param("procedureCode", "XRANKLE").param("laterality", "L").param("priority", "URGENT")
                        .param("reason", "Fall, ankle swollen").param("orderingProvider", "Dr Osei")
                        .param("room", "DX1").param("day", day.toString()).param("time", "10:20"))
                .andExpect(redirectedUrl("/orders/new"));

        List<Exam> booked = exams.forPatient(patientId);
        assertThat(booked).singleElement().satisfies(exam -> {
            assertThat(exam.stationAeTitle()).isEqualTo("DX1");
            assertThat(exam.scheduledStart()).isNotNull();
        });
        String schedule = mvc.perform(get("/schedule").param("day", day.toString()).with(TECH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(schedule).contains(booked.get(0).accessionNumber()).contains("DOWNTIME, Dora");
    }

    @Test
    void studentsAndRadiologistsDoNotRegister() throws Exception {
        mvc.perform(register("S-1", "Student", "Sam", "M", "1990-01-01").with(user("student").roles("STUDENT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/patients/new").with(user("radiologist").roles("RADIOLOGIST"))).andExpect(status().isForbidden());
    }

    private List<String> auditOf(Patient patient) {
        return audit.search(new AuditQuery(null, patient.identifier().toString(), null, null, null, 0)).stream()
                .map(AuditEvent::action).toList();
    }

    /** A birth date no other test's patient has, so that only this test's patients are candidates. */
    private static String uniqueBirthDate() {
        int offset = Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 20_000);
        return LocalDate.of(1930, 1, 1).plusDays(offset).toString();
    }

    private static MockHttpServletRequestBuilder register(String mrn, String family, String given, String sex,
            String birthDate) {
        return post("/patients").with(csrf()).param("mrn", mrn).param("issuer", "HOSP").param("familyName", family)
                .param("givenName", given).param("sex", sex).param("birthDate", birthDate)
                .param("allergies", "").param("language", "").param("weightKg", "");
    }
}
