package io.hounsfield.security;

import static io.hounsfield.security.AccountTestSupport.audited;
import static io.hounsfield.security.AccountTestSupport.basicGet;
import static io.hounsfield.security.AccountTestSupport.location;
import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.WebSession;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13 point 4 over real HTTP, by form login and by HTTP Basic: failed logins lock the user name, then the address,
 * for a time that grows; the right password during a lock does not get in; a lead or an administrator unlocks; and
 * time is the department clock's (moved on here instead of waited for).
 */
@AccountsIntegrationTest
class LoginThrottleIT {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    /** Every lock of one test is long over, and its failures forgotten, before the next. */
    @AfterEach
    void laterThatDay() {
        clock.advance(Duration.ofHours(3));
    }

    @Test
    void fortyFailedFormLoginsLockTheAccountAndTheRightPasswordThenDoesNotGetIn() throws Exception {
        aUser("gina");
        for (int attempt = 1; attempt <= 40; attempt++) {
            String expected = attempt <= 5 ? "/login?error" : "/login?locked";
            assertThat(location(formLogin("gina", "guess-" + attempt))).as("attempt %d", attempt).isEqualTo(expected);
        }
        assertThat(location(formLogin("gina", "password-1"))).isEqualTo("/login?locked");
        assertThat(new WebSession(this::uri).get("/login?locked").body()).contains("Too many failed logins");
        assertThat(basicGet(uri("/api/me"), "gina", "password-1")).as("Basic is the same door").isEqualTo(401);

        assertThat(audited(jdbc, "LOGIN", "gina", "FAILURE", "wrong user name or password")).isEqualTo(5);
        assertThat(audited(jdbc, "LOGIN", "gina", "FAILURE", "locked after too many failed logins")).isEqualTo(37);
        assertThat(audited(jdbc, "LOGIN_LOCKED", "gina", "SUCCESS", "locked for 1 minute after 5 failed logins"))
                .isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        assertThat(location(formLogin("gina", "password-1"))).as("the lock is over").isEqualTo("/");
    }

    @Test
    void eachFailureAfterALockDoublesIt() throws Exception {
        aUser("hugo");
        for (int attempt = 1; attempt <= 5; attempt++) {
            formLogin("hugo", "guess-" + attempt);
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(location(formLogin("hugo", "guess-6"))).isEqualTo("/login?error");
        clock.advance(Duration.ofSeconds(61));
        assertThat(location(formLogin("hugo", "password-1"))).as("locked for 2 minutes now").isEqualTo("/login?locked");
        clock.advance(Duration.ofSeconds(60));
        assertThat(location(formLogin("hugo", "password-1"))).isEqualTo("/");

        assertThat(location(formLogin("hugo", "guess-7"))).as("a success starts the count again")
                .isEqualTo("/login?error");
        assertThat(location(formLogin("hugo", "password-1"))).isEqualTo("/");
    }

    @Test
    void aHundredFailedBasicLoginsLockTheAccountUntilALeadUnlocksIt() throws Exception {
        aUser("ivan");
        for (int attempt = 1; attempt <= 100; attempt++) {
            assertThat(basicGet(uri("/api/me"), "ivan", "guess-" + attempt)).isEqualTo(401);
        }
        assertThat(basicGet(uri("/api/me"), "ivan", "password-1")).isEqualTo(401);
        assertThat(location(formLogin("ivan", "password-1"))).isEqualTo("/login?locked");
        assertThat(audited(jdbc, "LOGIN", "ivan", "FAILURE", "locked after too many failed logins")).isEqualTo(97);

        WebSession lead = loggedIn("lead", FirstUsers.DEMO_PASSWORD);
        String page = lead.get("/logins/locked").body();
        assertThat(page).contains("ivan").contains("Unlock");
        var unlocked = lead.submit("/logins/locked", "/logins/locked/account", Map.of("username", "ivan"));
        assertThat(location(unlocked)).isEqualTo("/logins/locked");
        assertThat(lead.get("/logins/locked").body()).contains("No user name is locked.");

        assertThat(basicGet(uri("/api/me"), "ivan", "password-1")).isEqualTo(200);
        assertThat(audited(jdbc, "LOGIN_UNLOCKED", "ivan", "SUCCESS", null)).isEqualTo(1);
    }

    @Test
    void anAdministratorUnlocksOnTheUsersPage() throws Exception {
        aUser("jane");
        for (int attempt = 1; attempt <= 5; attempt++) {
            formLogin("jane", "guess-" + attempt);
        }
        WebSession admin = loggedIn("admin", FirstUsers.DEMO_PASSWORD);
        assertThat(admin.get("/admin/users").body()).contains("locked after failed logins");
        admin.submit("/admin/users", "/admin/users/unlock", Map.of("username", "jane"));
        assertThat(admin.get("/admin/users").body()).doesNotContain("locked after failed logins");
        assertThat(location(formLogin("jane", "password-1"))).isEqualTo("/");
    }

    @Test
    void manyFailuresFromOneAddressLockItForEveryUserName() throws Exception {
        aUser("kim");
        WebSession lead = loggedIn("lead", FirstUsers.DEMO_PASSWORD); // before the flood: sessions are not logins
        for (int name = 1; name <= 20; name++) {
            assertThat(location(formLogin("nobody-" + name, "guess"))).isEqualTo("/login?error");
        }
        assertThat(location(formLogin("kim", "password-1"))).isEqualTo("/login?locked");
        assertThat(basicGet(uri("/api/me"), "kim", "password-1")).isEqualTo(401);
        assertThat(audited(jdbc, "LOGIN", "kim", "FAILURE", "address locked after too many failed logins"))
                .isEqualTo(2);
        assertThat(audited(jdbc, "LOGIN_LOCKED", "127.0.0.1", "SUCCESS", "after 20 failed logins")).isEqualTo(1);

        assertThat(lead.get("/logins/locked").body()).contains("127.0.0.1");
        lead.submit("/logins/locked", "/logins/locked/address", Map.of("address", "127.0.0.1"));
        assertThat(lead.get("/logins/locked").body()).contains("No address is locked.");
        assertThat(location(formLogin("kim", "password-1"))).isEqualTo("/");
    }

    @Test
    void fewerFailuresFromOneAddressLockNobodyElse() throws Exception {
        aUser("lou");
        for (int name = 1; name <= 15; name++) {
            formLogin("typo-" + name, "guess");
        }
        assertThat(location(formLogin("lou", "password-1"))).isEqualTo("/");
        assertThat(basicGet(uri("/api/me"), "lou", "password-1")).isEqualTo(200);
    }

    @Test
    void onlyALeadOrAnAdministratorSeesTheLocks() throws Exception {
        assertThat(loggedIn("tech", FirstUsers.DEMO_PASSWORD).get("/logins/locked").statusCode()).isEqualTo(403);
        assertThat(loggedIn("admin", FirstUsers.DEMO_PASSWORD).get("/logins/locked").statusCode()).isEqualTo(200);
    }

    private java.net.http.HttpResponse<String> formLogin(String username, String password) throws Exception {
        return new WebSession(this::uri).logIn(username, password);
    }

    private void aUser(String username) {
        users.create(new NewUser(username, "Test " + username, Role.TECHNOLOGIST, "password-1"));
    }

    private WebSession loggedIn(String username, String password) throws Exception {
        WebSession session = new WebSession(this::uri);
        assertThat(location(session.logIn(username, password))).as("%s logs in", username).isEqualTo("/");
        return session;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
