package io.hounsfield.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.jdbc.core.simple.JdbcClient;

/** HTTP Basic requests and audit counts for the account tests. */
final class AccountTestSupport {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private AccountTestSupport() {}

    static int basicGet(URI uri, String username, String password) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(uri).header("Authorization", "Basic " + credentials).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse("");
    }

    static long audited(JdbcClient jdbc, String action, String objectId, String outcome, String detail) {
        return jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE action = ? AND lower(object_id) = lower(?) AND outcome = ?
                   AND coalesce(detail, '') LIKE ?""")
                .params(action, objectId, outcome, detail == null ? "%" : "%" + detail + "%")
                .query(Long.class).single();
    }
}
