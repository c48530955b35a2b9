package io.hounsfield.workstation;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.Actor;
import io.hounsfield.catalog.Procedure;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.patient.Demographics;
import io.hounsfield.patient.PatientIdentifier;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import io.hounsfield.protocol.ProtocolLibrary;
import java.time.Clock;
import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@HounsfieldIntegrationTest
class ProtocolPanelIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    ProcedureCatalog catalog;

    @Autowired
    ProtocolLibrary protocols;

    @Test
    void everyProcedureHasAProtocolAndInstructionsInBothLanguages() {
        for (Procedure procedure : catalog.all()) {
            org.assertj.core.api.Assertions.assertThat(protocols.protocol(procedure.code())).as(procedure.code()).isPresent();
            for (String language : ProtocolLibrary.LANGUAGES) {
                org.assertj.core.api.Assertions.assertThat(protocols.instructions(procedure.code(), language))
                        .as(procedure.code() + " " + language).isPresent();
            }
        }
    }

    @Test
    void theCockpitShowsPositioningAndThePaediatricVariantForAChild() throws Exception {
        Exam exam = examFor(LocalDate.now(clock).minusYears(8), "XRWRIST");
        mvc.perform(get("/exams/" + exam.id()).with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Midcarpal, perpendicular")))
                .andExpect(content().string(Matchers.containsString("<dt class=\"applies\">Paediatric</dt>")));
    }

    @Test
    void theHandoutIsInTheRequestedLanguage() throws Exception {
        Exam exam = examFor(LocalDate.of(1960, 4, 2), "USABD");
        mvc.perform(get("/exams/" + exam.id() + "/instructions").param("language", "es")
                        .with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("No coma durante las 6 horas anteriores")))
                .andExpect(content().string(Matchers.containsString("lang=\"es\"")));
        mvc.perform(get("/exams/" + exam.id() + "/instructions").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(content().string(Matchers.containsString("Do not eat for 6 hours before")));
    }

    private Exam examFor(LocalDate birthDate, String procedure) {
        long patient = patients.register(new PatientIdentifier("HOSP", "PR-" + System.nanoTime() % 1_000_000_000L),
                Demographics.named("Achterberg", "Noor", birthDate, Sex.F), LEAD).id();
        return exams.schedule(new NewExam(null, patient, procedure, procedure.startsWith("XR") ? Laterality.L : null,
                Priority.ROUTINE, null, clock.instant(), null, null), LEAD);
    }
}
