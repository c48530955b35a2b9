package io.hounsfield.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.Laterality;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@HounsfieldIntegrationTest
class OrderEntryIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    ExamService exams;

    @Test
    void aLeadPlacesAnOrderForAKnownPatient() throws Exception {
        String flashMessage = (String) mvc.perform(order("100234", "XRANKLE", "R").with(user("lead").roles("LEAD")))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("message", Matchers.startsWith("Order placed: exam HF")))
                .andReturn().getFlashMap().get("message");

        String accession = flashMessage.replaceAll(".*exam (HF\\d+).*", "$1");
        assertThat(exams.findByAccession(accession)).hasValueSatisfying(exam -> {
            assertThat(exam.procedureCode()).isEqualTo("XRANKLE");
            assertThat(exam.laterality()).isEqualTo(Laterality.R);
            assertThat(exam.stationAeTitle()).isNull();
        });
    }

    @Test
    void theFormSaysWhatIsWrong() throws Exception {
        mvc.perform(order("NO-SUCH-MRN", "XRANKLE", "R").with(user("lead").roles("LEAD")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("no patient with this ID and issuer")));
        mvc.perform(order("100234", "XRANKLE", "").with(user("lead").roles("LEAD")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("needs a laterality")));
    }

    @Test
    void technologistsAndLeadsPlaceOrdersStudentsAndRadiologistsDoNot() throws Exception {
        mvc.perform(order("100234", "XRANKLE", "R").with(user("student").roles("STUDENT")))
                .andExpect(status().isForbidden());
        mvc.perform(order("100234", "XRANKLE", "R").with(user("radiologist").roles("RADIOLOGIST")))
                .andExpect(status().isForbidden());
        mvc.perform(order("100234", "XRANKLE", "R").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isFound());
    }

    private static MockHttpServletRequestBuilder order(String patientId, String procedure, String laterality) {
        return post("/orders").with(csrf())
                .param("patientId", patientId).param("issuer", "HOSP").param("procedureCode", procedure)
                .param("laterality", laterality).param("priority", "ROUTINE").param("reason", "Inversion injury")
                .param("orderingProvider", "Dr Osei").param("room", "").param("day", "").param("time", "");
    }
}
