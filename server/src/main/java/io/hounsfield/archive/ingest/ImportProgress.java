package io.hounsfield.archive.ingest;

import io.hounsfield.system.ProgressBar;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts an import as it goes and draws its progress line: files, percent, MB, MB/s, ETA, failures. On a terminal
 * the line is redrawn in place a few times a second; into a file or pipe it is written every few seconds.
 */
public final class ImportProgress {
    private final ProgressBar bar;
    private final int totalFiles;
    private final long totalBytes;
    private final long startedAt = System.nanoTime();
    private final Map<BulkImport.FileOutcome.Kind, Integer> counts = new EnumMap<>(BulkImport.FileOutcome.Kind.class);
    private final List<Problem> problems = new ArrayList<>();
    private int files;
    private long bytes;

    /** A file that was not imported, and why. */
    public record Problem(Path file, BulkImport.FileOutcome outcome) {
    }

    public ImportProgress(PrintStream out, int totalFiles, long totalBytes, boolean terminal) {
        this.bar = new ProgressBar(out, terminal);
        this.totalFiles = totalFiles;
        this.totalBytes = totalBytes;
    }

    public synchronized void done(Path file, long size, BulkImport.FileOutcome outcome) {
        files++;
        bytes += size;
        counts.merge(outcome.kind(), 1, Integer::sum);
        if (outcome.reason() != null) {
            problems.add(new Problem(file, outcome));
        }
        bar.show(this::line, files == totalFiles);
    }

    synchronized String line() {
        double fraction = totalBytes > 0 ? (double) bytes / totalBytes : totalFiles == 0 ? 1 : (double) files / totalFiles;
        double seconds = elapsed().toNanos() / 1e9;
        double megabytesPerSecond = seconds > 0 ? bytes / 1e6 / seconds : 0;
        return String.format("%,d/%,d files %s %,.0f MB %.1f MB/s ETA %s  %d failed", files, totalFiles,
                ProgressBar.bar(fraction), bytes / 1e6, megabytesPerSecond, ProgressBar.eta(elapsed(), fraction),
                count(BulkImport.FileOutcome.Kind.FAILED));
    }

    public synchronized int count(BulkImport.FileOutcome.Kind kind) {
        return counts.getOrDefault(kind, 0);
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }
}
