package io.hounsfield.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 12 point 11: the audit page stopped silently at 200 rows. It pages now, says which rows it shows of how many,
 * and its pages stay still while the search writes audit rows of its own.
 */
@HounsfieldIntegrationTest
class AuditPagingIT {

    private static final Pattern NEXT = Pattern.compile("href=\"([^\"]+)\" class=\"button next\"");
    private static final Pattern PREVIOUS = Pattern.compile("href=\"([^\"]+)\" class=\"button previous\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditService audit;

    @Test
    void theTrailIsReadPageByPageWithRowsOfTotal() throws Exception {
        String patient = "PAGE-" + UUID.randomUUID().toString().substring(0, 8);
        for (int number = 1; number <= 450; number++) {
            audit.record(Actor.SYSTEM, AuditEntry.success("PAGING_TEST", "ROW", "row-" + number).forPatient(patient));
        }

        String first = page("/audit?patientId=" + patient);
        assertThat(first).contains("Rows 1–200 of 450").contains("row-450").contains("row-251")
                .doesNotContain("row-250<").doesNotContain("class=\"button previous\"");

        String second = page(link(NEXT, first));
        assertThat(second).contains("Rows 201–400 of 450").contains("row-250").contains("row-51")
                .doesNotContain("row-251<").doesNotContain("row-50<");

        String third = page(link(NEXT, second));
        assertThat(third).contains("Rows 401–450 of 450").contains("row-50").contains("row-1<")
                .doesNotContain("class=\"button next\"");

        assertThat(page(link(PREVIOUS, third))).contains("Rows 201–400 of 450");
    }

    @Test
    void anEmptySearchSaysSo() throws Exception {
        assertThat(page("/audit?patientId=NOBODY-" + UUID.randomUUID())).contains("No events match.");
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(user("lead").roles("LEAD"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static String link(Pattern pattern, String page) {
        Matcher link = pattern.matcher(page);
        assertThat(link.find()).as("link on the page").isTrue();
        return link.group(1).replace("&amp;", "&");
    }
}
