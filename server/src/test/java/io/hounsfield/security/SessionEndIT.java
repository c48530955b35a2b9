package io.hounsfield.security;

import static io.hounsfield.security.AccountTestSupport.audited;
import static io.hounsfield.security.AccountTestSupport.basicGet;
import static io.hounsfield.security.AccountTestSupport.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.WebSession;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13 point 2 over real HTTP sessions: disabling an account or changing its role ends its sessions at their next
 * request, the last administrator stays one, users change their own password, and an administrator can make them.
 */
@AccountsIntegrationTest
class SessionEndIT {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDisabledTechnologistsSessionEndsAtTheirNextRequest() throws Exception {
        long id = aUser("tina", Role.TECHNOLOGIST);
        WebSession tina = loggedIn("tina");
        assertThat(tina.get("/board").statusCode()).isEqualTo(200);
        String token = tina.csrfToken("/board");
        assertThat(basicGet(uri("/api/me"), "tina", "password-1")).isEqualTo(200);

        HttpResponse<String> disabled = loggedIn("admin").submit("/admin/users", "/admin/users/" + id + "/enabled",
                Map.of("enabled", "false"));
        assertThat(location(disabled)).isEqualTo("/admin/users");

        HttpResponse<String> change = tina.post("/exams/1/start", Map.of(), token);
        assertThat(change.statusCode()).isEqualTo(302);
        assertThat(location(change)).as("a change from a page left open").isEqualTo("/login?ended");
        assertThat(tina.get("/board").statusCode()).as("the session is gone, not only refused once").isEqualTo(302);
        assertThat(basicGet(uri("/api/me"), "tina", "password-1")).isEqualTo(401);
        assertThat(audited(jdbc, "SESSION_ENDED", "tina", "SUCCESS", "account disabled")).isEqualTo(1);
    }

    /** Issue 16: OHIF reads DICOMweb with the web session; a disabled account's session reads no more there. */
    @Test
    void aDisabledTechnologistsSessionReadsNoMoreDicomWeb() throws Exception {
        long id = aUser("dina", Role.TECHNOLOGIST);
        WebSession dina = loggedIn("dina");
        assertThat(dicomWebSearch(dina).statusCode()).isIn(200, 204);

        loggedIn("admin").submit("/admin/users", "/admin/users/" + id + "/enabled", Map.of("enabled", "false"));

        assertThat(dicomWebSearch(dina).statusCode()).isEqualTo(401);
        assertThat(dina.get("/board").statusCode()).as("the session is gone").isEqualTo(302);
        assertThat(audited(jdbc, "SESSION_ENDED", "dina", "SUCCESS", "account disabled")).isEqualTo(1);
    }

    private static HttpResponse<String> dicomWebSearch(WebSession session) throws Exception {
        return session.send("/dicom-web/studies?limit=1",
                request -> request.header("Accept", "application/dicom+json").GET());
    }

    @Test
    void aDisabledAdministratorCanNeitherCreateUsersNorEnableThemselves() throws Exception {
        long id = aUser("adele", Role.ADMIN);
        WebSession adele = loggedIn("adele");
        String token = adele.csrfToken("/admin/users");

        loggedIn("admin").submit("/admin/users", "/admin/users/" + id + "/enabled", Map.of("enabled", "false"));

        // adele's page was open before: her form post with its token is refused like any other request
        HttpResponse<String> created = adele.post("/admin/users", Map.of("username", "sneaky",
                "fullName", "Sneaky Admin", "role", "ADMIN", "password", "password-1"), token);
        assertThat(location(created)).startsWith("/login");
        assertThat(users.exists("sneaky")).isFalse();
        HttpResponse<String> enabled = adele.post("/admin/users/" + id + "/enabled", Map.of("enabled", "true"),
                token);
        assertThat(enabled.statusCode()).as("no session any more, so its token is no good either").isEqualTo(403);
        assertThat(users.find("adele").orElseThrow().enabled()).isFalse();
    }

    @Test
    void aNewRoleTakesEffectAtTheNextRequest() throws Exception {
        long id = aUser("rory", Role.LEAD);
        WebSession rory = loggedIn("rory");
        assertThat(rory.get("/audit").statusCode()).isEqualTo(200);
        assertThat(basicGet(uri("/api/audit"), "rory", "password-1")).isEqualTo(200);

        HttpResponse<String> changed = loggedIn("admin").submit("/admin/users", "/admin/users/" + id + "/role",
                Map.of("role", "TECHNOLOGIST"));
        assertThat(location(changed)).isEqualTo("/admin/users");

        assertThat(location(rory.get("/audit"))).isEqualTo("/login?ended");
        assertThat(basicGet(uri("/api/audit"), "rory", "password-1")).isEqualTo(403);
        WebSession again = loggedIn("rory");
        assertThat(again.get("/audit").statusCode()).isEqualTo(403);
        assertThat(again.get("/board").statusCode()).isEqualTo(200);
        assertThat(audited(jdbc, "USER_ROLE_CHANGED", "rory", "SUCCESS", "to Technologist")).isEqualTo(1);
    }

    @Test
    void theLastActiveAdministratorCanBeNeitherDisabledNorDemoted() throws Exception {
        users.list().stream()
                .filter(user -> user.role() == Role.ADMIN && user.enabled() && !user.username().equals("admin"))
                .forEach(user -> users.setEnabled(user.id(), false));
        long admin = users.find("admin").orElseThrow().id();
        WebSession session = loggedIn("admin");

        HttpResponse<String> disable = session.submit("/admin/users", "/admin/users/" + admin + "/enabled",
                Map.of("enabled", "false"));
        assertThat(location(disable)).isEqualTo("/admin/users");
        String page = session.get("/admin/users").body();
        assertThat(page).contains("admin is the last active administrator and must stay one");
        HttpResponse<String> demote = session.submit("/admin/users", "/admin/users/" + admin + "/role",
                Map.of("role", "LEAD"));
        assertThat(location(demote)).isEqualTo("/admin/users");
        assertThat(session.get("/admin/users").body()).contains("make another user an administrator first");

        UserAccount still = users.find("admin").orElseThrow();
        assertThat(still.enabled()).isTrue();
        assertThat(still.role()).isEqualTo(Role.ADMIN);
        assertThat(session.get("/admin/users").statusCode()).as("not logged out either").isEqualTo(200);
        assertThat(audited(jdbc, "USER_CHANGE_REFUSED", "admin", "FAILURE", "last active administrator"))
                .isGreaterThanOrEqualTo(2);

        long second = aUser("abe", Role.ADMIN);
        session.submit("/admin/users", "/admin/users/" + second + "/role", Map.of("role", "LEAD"));
        assertThat(users.find("abe").orElseThrow().role()).as("with another admin, one can go").isEqualTo(Role.LEAD);
    }

    @Test
    void aUserChangesTheirOwnPasswordAndTheirOtherSessionsEnd() throws Exception {
        aUser("pat", Role.RADIOLOGIST);
        WebSession here = loggedIn("pat");
        WebSession elsewhere = loggedIn("pat");
        String landing = location(here.get("/"));
        assertThat(here.get(landing).body()).as("the layout links the page").contains("href=\"/account/password\"");

        HttpResponse<String> wrong = here.submit("/account/password", "/account/password", Map.of(
                "currentPassword", "not-it", "newPassword", "new-password-2", "repeatedPassword", "new-password-2"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("is not right");
        HttpResponse<String> tooShort = here.submit("/account/password", "/account/password", Map.of(
                "currentPassword", "password-1", "newPassword", "short", "repeatedPassword", "short"));
        assertThat(tooShort.body()).contains("must be 8 to 72 characters");
        HttpResponse<String> different = here.submit("/account/password", "/account/password", Map.of(
                "currentPassword", "password-1", "newPassword", "new-password-2", "repeatedPassword", "other-one-2"));
        assertThat(different.body()).contains("is not the same as the new password");
        assertThat(basicGet(uri("/api/me"), "pat", "password-1")).as("nothing changed yet").isEqualTo(200);

        HttpResponse<String> changed = here.submit("/account/password", "/account/password", Map.of(
                "currentPassword", "password-1", "newPassword", "new-password-2", "repeatedPassword", "new-password-2"));
        assertThat(location(changed)).isEqualTo("/account/password");
        assertThat(here.get("/account/password").body()).contains("Your password is changed");
        assertThat(here.get("/decisions").statusCode()).as("this session goes on").isEqualTo(200);
        assertThat(location(elsewhere.get("/decisions"))).isEqualTo("/login?ended");

        assertThat(basicGet(uri("/api/me"), "pat", "password-1")).isEqualTo(401);
        assertThat(basicGet(uri("/api/me"), "pat", "new-password-2")).isEqualTo(200);
        assertThat(location(new WebSession(this::uri).logIn("pat", "password-1"))).isEqualTo("/login?error");
        assertThat(audited(jdbc, "PASSWORD_CHANGED", "pat", "SUCCESS", null)).isEqualTo(1);
        assertThat(audited(jdbc, "PASSWORD_CHANGED", "pat", "FAILURE", "wrong current password")).isEqualTo(1);
    }

    @Test
    void aUserAskedForANewPasswordCanOpenNothingElseUntilTheyChoseOne() throws Exception {
        long id = aUser("fran", Role.TECHNOLOGIST);
        WebSession already = loggedIn("fran");
        loggedIn("admin").submit("/admin/users", "/admin/users/" + id + "/password-change", Map.of("required", "true"));
        assertThat(users.find("fran").orElseThrow().mustChangePassword()).isTrue();

        assertThat(location(already.get("/board"))).as("a session open before").isEqualTo("/account/password");
        WebSession fran = new WebSession(this::uri);
        assertThat(location(fran.logIn("fran", "password-1"))).isEqualTo("/");
        assertThat(location(fran.get("/"))).isEqualTo("/account/password");
        assertThat(location(fran.get("/board"))).isEqualTo("/account/password");
        assertThat(location(fran.get("/exams/1"))).isEqualTo("/account/password");
        assertThat(fran.get("/account/password").body()).contains("An administrator asked you to choose a new password");
        assertThat(basicGet(uri("/api/me"), "fran", "password-1")).isEqualTo(403);

        HttpResponse<String> same = fran.submit("/account/password", "/account/password", Map.of(
                "currentPassword", "password-1", "newPassword", "password-1", "repeatedPassword", "password-1"));
        assertThat(same.body()).contains("must differ from the current password");
        fran.submit("/account/password", "/account/password", Map.of(
                "currentPassword", "password-1", "newPassword", "fresh-password-3", "repeatedPassword",
                "fresh-password-3"));
        assertThat(fran.get("/board").statusCode()).isEqualTo(200);
        assertThat(basicGet(uri("/api/me"), "fran", "fresh-password-3")).isEqualTo(200);
        assertThat(users.find("fran").orElseThrow().mustChangePassword()).isFalse();
        assertThat(audited(jdbc, "PASSWORD_CHANGE_REQUIRED", "fran", "SUCCESS", null)).isEqualTo(1);
    }

    private long aUser(String username, Role role) {
        return users.create(new NewUser(username, "Test " + username, role, "password-1")).id();
    }

    private WebSession loggedIn(String username) throws Exception {
        WebSession session = new WebSession(this::uri);
        String password = username.equals("admin") ? FirstUsers.DEMO_PASSWORD : "password-1";
        assertThat(location(session.logIn(username, password))).as("%s logs in", username).isEqualTo("/");
        return session;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
