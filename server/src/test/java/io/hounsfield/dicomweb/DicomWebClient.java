package io.hounsfield.dicomweb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** A plain HTTP client for the DICOMweb ITs: Basic login (password {@code demo}), multipart built and split by hand. */
public final class DicomWebClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public DicomWebClient(int port) {
        this.base = "http://127.0.0.1:" + port + "/dicom-web";
    }

    public HttpResponse<byte[]> get(String path, String user, String accept) throws IOException, InterruptedException {
        return get(path, user, accept, null);
    }

    /** As a page of {@code origin} would ask (a CORS request), when not null. */
    HttpResponse<byte[]> get(String path, String user, String accept, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(login(request, user).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<byte[]> post(String path, String user, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        return http.send(login(request, user).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder login(HttpRequest.Builder request, String user) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** A multipart/related body of application/dicom parts, and its Content-Type. */
    public static byte[] multipart(String boundary, List<byte[]> parts) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.write(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            body.write(part);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    /** The contents of the parts of a multipart response, split on its boundary (RFC 2046 §5.1.1). */
    public static List<byte[]> parts(HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        String boundary = contentType.replaceAll("(?s).*boundary=\"?([^\";]+)\"?.*", "$1");
        byte[] body = response.body();
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + delimiter.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + delimiter.length, delimiter, 0, delimiter.length)) {
                starts.add(i);
            }
        }
        List<byte[]> parts = new ArrayList<>();
        for (int k = 0; k + 1 < starts.size(); k++) {
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), starts.get(k));
            parts.add(Arrays.copyOfRange(body, headersEnd + 4, starts.get(k + 1) - 2));
        }
        return parts;
    }

    /** The Content-Type of each part of a multipart response. */
    static List<String> partTypes(HttpResponse<byte[]> response) {
        String text = new String(response.body(), StandardCharsets.ISO_8859_1);
        return java.util.regex.Pattern.compile("(?i)\r\nContent-Type: *([^\r\n]*)\r\n").matcher(text).results()
                .map(match -> match.group(1)).toList();
    }

    private static int indexOf(byte[] body, byte[] wanted, int from) {
        for (int i = from; i + wanted.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + wanted.length, wanted, 0, wanted.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
