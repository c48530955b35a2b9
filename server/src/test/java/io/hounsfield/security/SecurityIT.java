package io.hounsfield.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@HounsfieldIntegrationTest
class SecurityIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserService users;

    /** Each demo user (password demo) against each protected resource: the status they get. */
    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
        "admin,       /api/me,    200", "lead,   /api/me,    200", "tech,      /api/me,    200",
        "student,     /api/me,    200", "radiologist, /api/me, 200", "physicist, /api/me,    200",
        "admin,       /api/users, 200", "lead,   /api/users, 403", "tech,      /api/users, 403",
        "student,     /api/users, 403", "radiologist, /api/users, 403", "physicist, /api/users, 403",
        "admin,       /api/audit, 200", "lead,   /api/audit, 200", "tech,      /api/audit, 403",
        "student,     /api/audit, 403", "radiologist, /api/audit, 403", "physicist, /api/audit, 403",
    })
    void apiAccessByRole(String username, String path, int expectedStatus) throws Exception {
        mvc.perform(get(path).with(httpBasic(username, FirstUsers.DEMO_PASSWORD)))
                .andExpect(status().is(expectedStatus));
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
        "ADMIN, /,            302", "LEAD, /,            302", "TECHNOLOGIST, /,            302",
        "STUDENT, /,          302", "RADIOLOGIST, /,     302", "PHYSICIST, /,               302",
        "ADMIN, /status,      200", "LEAD, /status,      403", "TECHNOLOGIST, /status,      403",
        "STUDENT, /status,    403", "RADIOLOGIST, /status, 403", "PHYSICIST, /status,         403",
        "ADMIN, /admin/users, 200", "LEAD, /admin/users, 403", "TECHNOLOGIST, /admin/users, 403",
        "STUDENT, /admin/users, 403", "RADIOLOGIST, /admin/users, 403", "PHYSICIST, /admin/users, 403",
        "ADMIN, /audit,       200", "LEAD, /audit,       200", "TECHNOLOGIST, /audit,       403",
        "STUDENT, /audit,     403", "RADIOLOGIST, /audit, 403", "PHYSICIST, /audit,         403",
    })
    void pageAccessByRole(String role, String path, int expectedStatus) throws Exception {
        mvc.perform(get(path).with(user("someone").roles(role)).accept(MediaType.TEXT_HTML))
                .andExpect(status().is(expectedStatus));
    }

    @ParameterizedTest(name = "anonymous GET {0} goes to the login page")
    @CsvSource({"/", "/status", "/decisions", "/patients/new", "/admin/users", "/audit", "/no-such-page", "/board", "/board/rows", "/schedule", "/trauma",
        "/orders/new", "/exams/1", "/exams/1/instructions"})
    void pagesNeedLogin(String path) throws Exception {
        mvc.perform(get(path).accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @ParameterizedTest(name = "anonymous GET {0} -> 401")
    @CsvSource({"/api/me", "/api/users", "/api/audit", "/api/no-such-thing"})
    void apiNeedsCredentials(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"Hounsfield\""));
    }

    @ParameterizedTest(name = "anonymous GET {0} -> 200")
    @CsvSource({"/login", "/css/hounsfield.css", "/webjars/htmx.org/dist/htmx.min.js", "/actuator/health"})
    void publicResources(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isOk());
    }

    @Test
    void formLoginWithRightPassword() throws Exception {
        mvc.perform(formLogin().user("tech").password(FirstUsers.DEMO_PASSWORD))
                .andExpect(authenticated().withUsername("tech").withRoles("TECHNOLOGIST"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void formLoginWithWrongPasswordIsRefused() throws Exception {
        mvc.perform(formLogin().user("tech").password("not-the-password"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void apiWithWrongPasswordIsRefused() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic("tech", "wrong"))).andExpect(status().isUnauthorized());
    }

    @Test
    void formWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN"))
                        .param("username", "nocsrf").param("fullName", "No Token")
                        .param("role", "TECHNOLOGIST").param("password", "long-enough"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/users").with(httpBasic("admin", FirstUsers.DEMO_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(result -> org.assertj.core.api.Assertions
                        .assertThat(result.getResponse().getContentAsString()).doesNotContain("nocsrf"));
    }

    @Test
    void formWithCsrfTokenIsAccepted() throws Exception {
        mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", "withcsrf").param("fullName", "With Token")
                        .param("role", "TECHNOLOGIST").param("password", "long-enough"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/users"));
    }

    @ParameterizedTest(name = "POST {0} without a CSRF token -> 403")
    @CsvSource({"/exams/1/verify", "/exams/1/start", "/board/1/check-in", "/trauma", "/orders", "/schedule/1", "/patients"})
    void workstationFormsNeedTheCsrfToken(String path) throws Exception {
        mvc.perform(post(path).with(user("lead").roles("LEAD"))).andExpect(status().isForbidden());
    }

    @Test
    void logoutNeedsCsrfToken() throws Exception {
        mvc.perform(post("/logout").with(user("tech").roles("TECHNOLOGIST"))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(user("tech").roles("TECHNOLOGIST")).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void disabledAccountCannotLogIn() throws Exception {
        mvc.perform(post("/api/users").with(httpBasic("admin", FirstUsers.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"leaver","fullName":"Lea Ver","role":"TECHNOLOGIST","password":"password-1"}"""))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/me").with(httpBasic("leaver", "password-1"))).andExpect(status().isOk());
        long id = users.find("leaver").orElseThrow().id();

        mvc.perform(post("/admin/users/" + id + "/enabled").param("enabled", "false")
                        .with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().isFound());

        mvc.perform(get("/api/me").with(httpBasic("leaver", "password-1"))).andExpect(status().isUnauthorized());
    }

    @Test
    void duplicateUserNameIsAConflict() throws Exception {
        mvc.perform(post("/api/users").with(httpBasic("admin", FirstUsers.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"TECH","fullName":"Other Tech","role":"TECHNOLOGIST","password":"password-1"}"""))
                .andExpect(status().isConflict());
    }

    @Test
    void invalidUserIsRejectedWithReason() throws Exception {
        mvc.perform(post("/api/users").with(httpBasic("admin", FirstUsers.DEMO_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"bad name!","fullName":"","role":"TECHNOLOGIST","password":"short"}"""))
                .andExpect(status().isBadRequest());
    }
}
