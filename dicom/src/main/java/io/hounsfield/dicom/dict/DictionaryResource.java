package io.hounsfield.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the generated tab-separated dictionary tables shipped beside these classes. */
final class DictionaryResource {
    private DictionaryResource() {
    }

    /** The rows of {@code name}, each split on tabs, comment lines skipped. */
    static List<String[]> rows(String name, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = DictionaryResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("dictionary resource missing: " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("#") && !line.isEmpty()) {
                    rows.add(line.split("\t", columns));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
