package io.hounsfield.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 12 point 6: each role lands on its own work list, and only administrators see the server status. */
@HounsfieldIntegrationTest
class RoleLandingIT {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest(name = "{0} lands on {1}")
    @CsvSource({"tech, /board, Today", "student, /board, Today", "lead, /board, Today",
        "radiologist, /decisions, Waiting for you", "physicist, /decisions, Waiting for you",
        "admin, /status, Server status"})
    void eachDemoUserLandsOnTheirOwnPageAfterLogin(String username, String landing, String heading) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(username).password("demo"))
                .andExpect(redirectedUrl("/"))
                .andReturn().getRequest().getSession(false);

        mvc.perform(get("/").session(session).accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl(landing));
        String page = mvc.perform(get(landing).session(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<h1>" + heading);
        if (!username.equals("admin")) {
            assertThat(page).doesNotContain("What is running").doesNotContain("Server status");
        }
    }

    @ParameterizedTest(name = "{0} GET /status -> {1}")
    @CsvSource({"ADMIN, 200", "LEAD, 403", "TECHNOLOGIST, 403", "STUDENT, 403", "RADIOLOGIST, 403", "PHYSICIST, 403"})
    void theServerStatusPageIsForAdministratorsOnly(String role, int expected) throws Exception {
        String page = mvc.perform(get("/status").with(user("someone").roles(role)).accept(MediaType.TEXT_HTML))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
        if (expected == 403) {
            assertThat(page).doesNotContain("PostgreSQL").doesNotContain("127.0.0.1");
        } else {
            assertThat(page).contains("What is running");
        }
    }

    @ParameterizedTest(name = "{0} sees {1} and not {2}")
    @CsvSource({"radiologist, Decisions, Register patient", "physicist, Decisions, Quarantine",
        "tech, Register patient, Decisions", "student, Board, New order", "lead, Decisions, Users",
        "admin, Server status, Board"})
    void theNavigationShowsWhatTheRoleMayUse(String username, String shown, String hidden) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(username).password("demo"))
                .andReturn().getRequest().getSession(false);
        String page = mvc.perform(get("/").session(session)).andReturn().getResponse().getRedirectedUrl();
        String html = mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString();
        String navigation = html.substring(html.indexOf("<nav"), html.indexOf("</nav>"));
        assertThat(navigation).contains(">" + shown + "<").doesNotContain(">" + hidden + "<");
    }

    /** No dead ends: every link in a role's navigation opens for that role. */
    @ParameterizedTest(name = "{0} may open every link they see")
    @CsvSource({"tech", "student", "lead", "radiologist", "physicist", "admin"})
    void everyNavigationLinkOpensForTheRoleThatSeesIt(String username) throws Exception {
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(username).password("demo"))
                .andReturn().getRequest().getSession(false);
        String landing = mvc.perform(get("/").session(session)).andReturn().getResponse().getRedirectedUrl();
        String html = mvc.perform(get(landing).session(session)).andReturn().getResponse().getContentAsString();
        String navigation = html.substring(html.indexOf("<nav"), html.indexOf("</nav>"));
        Matcher link = Pattern.compile("href=\"([^\"]+)\"").matcher(navigation);
        int links = 0;
        while (link.find()) {
            links++;
            mvc.perform(get(link.group(1)).session(session).accept(MediaType.TEXT_HTML)).andExpect(status().isOk());
        }
        assertThat(links).isGreaterThan(1);
    }
}
