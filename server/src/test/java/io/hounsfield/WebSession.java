package io.hounsfield;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser in miniature: keeps cookies, sends forms with the page's CSRF token, does not follow redirects. */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final Function<String, URI> uri;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    public WebSession(Function<String, URI> uri) {
        this.uri = uri;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri.apply(path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request of any kind within this session (its cookies), e.g. to DICOMweb with its own Accept. */
    public HttpResponse<String> send(String path, Function<HttpRequest.Builder, HttpRequest.Builder> request)
            throws IOException, InterruptedException {
        return client.send(request.apply(HttpRequest.newBuilder(uri.apply(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens {@code formPage}, takes its CSRF token and posts the fields to {@code action}. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        return post(action, fields, csrfToken(formPage));
    }

    /** The CSRF token of a page's forms, as a page left open in a browser keeps it. */
    public String csrfToken(String formPage) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(get(formPage).body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on " + formPage);
        }
        return token.group(1);
    }

    /** Posts the fields with a token taken earlier by {@link #csrfToken}. */
    public HttpResponse<String> post(String action, Map<String, String> fields, String csrfToken)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfToken);
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(uri.apply(action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> logIn(String username, String password) throws IOException, InterruptedException {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
