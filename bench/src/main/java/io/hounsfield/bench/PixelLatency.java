package io.hounsfield.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pixel side of DICOMweb (PS3.18) on one series, from one client keeping its HTTP connection open. Usage:
 * {@code PixelLatency BASE_URL USER:PASSWORD|- STUDY_UID SERIES_UID ROUNDS}. Prints three lines:
 * {@code metadata MEDIAN_MS P99_MS} (series {@code /metadata}), {@code rendered MEDIAN_MS P99_MS} (frame 1 of a
 * random instance as {@code image/jpeg}) and {@code frames IMAGES_PER_S} (frame 1 of every instance of the series,
 * as stored); a line is {@code NAME n/a (HTTP n)} when the server lacks the resource. Exits 1 on any other failure.
 */
public final class PixelLatency {
    private static final Pattern SOP_INSTANCE_UID =
            Pattern.compile("\"00080018\"\\s*:\\s*\\{[^}]*\"Value\"\\s*:\\s*\\[\\s*\"([0-9.]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String authorization;
    private final String series;

    private PixelLatency(String base, String credentials, String study, String series) {
        this.authorization = credentials.equals("-") ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        this.series = base + "/studies/" + study + "/series/" + series;
    }

    public static void main(String[] arguments) throws Exception {
        PixelLatency bench = new PixelLatency(arguments[0], arguments[1], arguments[2], arguments[3]);
        int rounds = Integer.parseInt(arguments[4]);
        List<String> instances = bench.instances();
        System.out.println("metadata " + bench.latency(rounds, random -> bench.series + "/metadata",
                "application/dicom+json"));
        System.out.println("rendered " + bench.latency(rounds, random -> bench.series + "/instances/"
                + instances.get(random.nextInt(instances.size())) + "/frames/1/rendered", "image/jpeg"));
        System.out.println("frames " + bench.framesPerSecond(instances));
    }

    private List<String> instances() throws Exception {
        HttpResponse<byte[]> response = get(series + "/instances", "application/dicom+json");
        if (response.statusCode() != 200) {
            fail("QIDO-RS instances of the series: HTTP " + response.statusCode());
        }
        List<String> uids = new ArrayList<>();
        Matcher matcher = SOP_INSTANCE_UID.matcher(new String(response.body(), StandardCharsets.UTF_8));
        while (matcher.find()) {
            uids.add(matcher.group(1));
        }
        if (uids.isEmpty()) {
            fail("QIDO-RS found no instances in the series");
        }
        return uids;
    }

    private interface Target {
        String uri(SplittableRandom random);
    }

    /** {@code rounds} warm-up requests (at most 20), then {@code rounds} timed: "MEDIAN P99" in ms. */
    private String latency(int rounds, Target target, String accept) throws Exception {
        SplittableRandom random = new SplittableRandom(rounds);
        for (int warmUp = 0; warmUp < Math.min(rounds, 20); warmUp++) {
            HttpResponse<byte[]> response = get(target.uri(random), accept);
            if (response.statusCode() == 404 || response.statusCode() == 406 || response.statusCode() == 501) {
                return "n/a (HTTP " + response.statusCode() + ")";
            }
            check(response);
        }
        double[] millis = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            String uri = target.uri(random);
            long start = System.nanoTime();
            check(get(uri, accept));
            millis[round] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format("%.2f %.2f", percentile(millis, 50), percentile(millis, 99));
    }

    private String framesPerSecond(List<String> instances) throws Exception {
        String accept = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";
        HttpResponse<byte[]> first = get(series + "/instances/" + instances.get(0) + "/frames/1", accept);
        if (first.statusCode() != 200) {
            return "n/a (HTTP " + first.statusCode() + ")";
        }
        long start = System.nanoTime();
        for (String instance : instances) {
            check(get(series + "/instances/" + instance + "/frames/1", accept));
        }
        return String.format("%.1f", instances.size() / ((System.nanoTime() - start) / 1e9));
    }

    private HttpResponse<byte[]> get(String uri, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Accept", accept);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void check(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200 || response.body().length == 0) {
            fail(response.request().uri() + ": HTTP " + response.statusCode() + ", " + response.body().length
                    + " bytes");
        }
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    private static void fail(String failure) {
        System.err.println(failure);
        System.exit(1);
    }
}
