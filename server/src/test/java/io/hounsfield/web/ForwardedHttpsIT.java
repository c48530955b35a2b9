package io.hounsfield.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13.9: behind a TLS-terminating proxy on the same host, {@code X-Forwarded-Proto: https} makes the session
 * cookie Secure; without it (plain HTTP on loopback) the cookie is not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hounsfield.demo=true",
    "hounsfield.data-dir=target/it-data/${random.uuid}",
    "hounsfield.hl7.port=0",
    "hounsfield.dicom.port=0"
})
class ForwardedHttpsIT {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSessionCookieIsSecureWhenTheProxySaysHttps() throws Exception {
        List<String> cookies = logIn(true);
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("HOUNSFIELD_SESSION=")
                .containsIgnoringCase("; Secure"));
    }

    @Test
    void plainHttpWithoutTheHeaderKeepsAnUnsecuredCookie() throws Exception {
        List<String> cookies = logIn(false);
        assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("HOUNSFIELD_SESSION=")
                .doesNotContainIgnoringCase("secure"));
    }

    /** The Set-Cookie headers of a form login as {@code tech}. */
    private List<String> logIn(boolean https) throws Exception {
        HttpResponse<String> page = http.send(request("/login", https).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        String session = page.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("HOUNSFIELD_SESSION=")).map(cookie -> cookie.split(";")[0])
                .findFirst().orElseThrow();
        String form = "username=tech&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(request("/login", https).header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return login.headers().allValues("Set-Cookie");
    }

    private HttpRequest.Builder request(String path, boolean https) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (https) {
            builder.header("X-Forwarded-Proto", "https");
        }
        return builder;
    }
}
