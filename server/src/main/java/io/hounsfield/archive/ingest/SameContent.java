package io.hounsfield.archive.ingest;

import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whether two DICOM files hold the same data set, byte for byte after their File Meta Information (which says who
 * sent it and when, not what). Streams both, so big objects take no memory.
 */
final class SameContent {
    private static final int CHUNK = 64 * 1024;

    private SameContent() {
    }

    static boolean sameDataset(Path stored, Path received) throws IOException {
        try (InputStream a = new BufferedInputStream(Files.newInputStream(stored), CHUNK);
                InputStream b = new BufferedInputStream(Files.newInputStream(received), CHUNK)) {
            Part10.Opened first = Part10.open(a, ReadOptions.DEFAULT);
            Part10.Opened second = Part10.open(b, ReadOptions.DEFAULT);
            if (!first.transferSyntax().uid().equals(second.transferSyntax().uid())) {
                return false;
            }
            return sameBytes(first.reader().remainingInput(), second.reader().remainingInput());
        }
    }

    private static boolean sameBytes(InputStream a, InputStream b) throws IOException {
        byte[] left = new byte[CHUNK];
        byte[] right = new byte[CHUNK];
        while (true) {
            int read = a.readNBytes(left, 0, CHUNK);
            if (b.readNBytes(right, 0, read) != read) {
                return false;
            }
            if (!Arrays.equals(left, 0, read, right, 0, read)) {
                return false;
            }
            if (read < CHUNK) {
                return b.read() < 0;
            }
        }
    }
}
