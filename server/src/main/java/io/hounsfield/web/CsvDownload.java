package io.hounsfield.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A page's figures as a CSV file to download (RFC 4180), safe to open in a spreadsheet. */
public final class CsvDownload {
    private CsvDownload() {
    }

    /** The response that downloads {@code body} as {@code filename}. */
    public static ResponseEntity<String> of(String filename, String body) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }

    /**
     * One field, quoted; empty for {@code null}. A leading formula character is neutralised so that a spreadsheet
     * shows the text instead of running it (CSV injection).
     */
    public static String quoted(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
