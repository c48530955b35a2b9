package io.hounsfield.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How long a running Hounsfield (demo mode) takes to render the worklist board with {@code N} exams today.
 * Fills the day to N exams through the lead's order form, then times the board page and its htmx refresh
 * over loopback. Usage: {@code BoardRender BASE_URL [N] [ROUNDS]}.
 */
public final class BoardRender {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ROW = Pattern.compile("data-accession=");
    private static final String[] PROCEDURES = {"XRCHEST2", "CTHEAD", "MRBRAIN", "USABD", "XRPELVIS", "CTCHEST"};
    private static final String[] ROOMS = {"DX1", "CT1", "MR1", "US1", "DX1", "CT1"};

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    private BoardRender(String base) {
        this.base = base;
    }

    public static void main(String[] arguments) throws Exception {
        BoardRender bench = new BoardRender(arguments[0]);
        int exams = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 500;
        int rounds = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 50;
        bench.logIn("lead", "demo");
        int onBoard = bench.fillDay(exams);
        List<Long> rows = bench.time("/board/rows", rounds);
        List<Long> page = bench.time("/board", rounds);
        System.out.printf("| board rows (htmx refresh) | %d | %d | %.1f | %.1f | %.1f |%n", onBoard, rounds,
                percentile(rows, 50), percentile(rows, 95), percentile(rows, 100));
        System.out.printf("| board page | %d | %d | %.1f | %.1f | %.1f |%n", onBoard, rounds,
                percentile(page, 50), percentile(page, 95), percentile(page, 100));
    }

    private void logIn(String username, String password) throws Exception {
        HttpResponse<String> login = submit("/login", "/login", Map.of("username", username, "password", password));
        if (login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login refused; is the server in demo mode?");
        }
    }

    /** Places orders for today until the board shows {@code target} exams; returns how many it shows. */
    private int fillDay(int target) throws Exception {
        int shown = countRows();
        for (int number = shown; number < target; number++) {
            LocalTime time = LocalTime.of(7, 0).plusMinutes(number % 600);
            submit("/orders/new", "/orders", Map.of(
                    "patientId", String.valueOf(100234 + number % 36), "issuer", "HOSP",
                    "procedureCode", PROCEDURES[number % PROCEDURES.length], "laterality", "",
                    "priority", number % 17 == 0 ? "STAT" : "ROUTINE", "reason", "benchmark",
                    "orderingProvider", "Bench, Mark", "room", ROOMS[number % ROOMS.length],
                    "day", LocalDate.now().toString(), "time", time.toString()));
        }
        return countRows();
    }

    private int countRows() throws Exception {
        Matcher rows = ROW.matcher(get("/board/rows").body());
        int count = 0;
        while (rows.find()) {
            count++;
        }
        return count;
    }

    /** Milliseconds per request, after as many warm-up requests. */
    private List<Long> time(String path, int rounds) throws Exception {
        for (int warmUp = 0; warmUp < rounds; warmUp++) {
            get(path);
        }
        List<Long> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            HttpResponse<String> response = get(path);
            millis.add((System.nanoTime() - start) / 1_000_000);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        Collections.sort(millis);
        return millis;
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return sorted.get(index);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) throws Exception {
        Matcher token = CSRF.matcher(get(formPage).body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on " + formPage);
        }
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", token.group(1));
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(base + action))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
