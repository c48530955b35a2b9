package io.hounsfield.archive.commands;

import io.hounsfield.archive.ingest.BulkImport;
import io.hounsfield.archive.ingest.ImportProgress;
import io.hounsfield.system.Command;
import io.hounsfield.system.ProgressBar;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar hounsfield.jar import DIR}: files a folder tree of DICOM files into the archive with a progress
 * line, then a summary of what failed and why, grouped by reason. Exit code 0 when nothing failed, 1 otherwise.
 */
@Component
public class ImportCommand implements Command {
    private static final int FILES_SHOWN_PER_REASON = 5;

    private final BulkImport bulkImport;

    ImportCommand(BulkImport bulkImport) {
        this.bulkImport = bulkImport;
    }

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String usage() {
        return "import DIR   file every DICOM file under DIR into the archive (the server must be stopped)";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) throws Exception {
        if (arguments.size() != 1 || !Files.isDirectory(Path.of(arguments.get(0)))) {
            out.println("usage: java -jar hounsfield.jar " + usage());
            return 2;
        }
        Path root = Path.of(arguments.get(0)).toAbsolutePath().normalize();
        List<Path> files = BulkImport.filesUnder(root);
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += Files.size(file);
        }
        out.printf("Importing %,d files (%,.0f MB) from %s%n", files.size(), totalBytes / 1e6, root);
        ImportProgress progress = new ImportProgress(out, files.size(), totalBytes, System.console() != null);
        bulkImport.importFiles(root, files, progress);
        printSummary(progress, out);
        return progress.count(BulkImport.FileOutcome.Kind.FAILED) == 0 ? 0 : 1;
    }

    private static void printSummary(ImportProgress progress, PrintStream out) {
        double seconds = Math.max(progress.elapsed().toMillis(), 1) / 1000.0;
        out.printf("Done in %s (%.1f MB/s): %,d stored, %,d already stored, %,d skipped, %,d failed.%n",
                ProgressBar.clock(progress.elapsed()), progress.bytes() / 1e6 / seconds,
                progress.count(BulkImport.FileOutcome.Kind.STORED), progress.count(BulkImport.FileOutcome.Kind.KEPT),
                progress.count(BulkImport.FileOutcome.Kind.SKIPPED), progress.count(BulkImport.FileOutcome.Kind.FAILED));
        GroupedLines.print(out, progress.problems().stream().sorted(Comparator.comparing(ImportProgress.Problem::file))
                .collect(Collectors.groupingBy(problem -> problem.outcome().kind() + ": " + problem.outcome().reason(),
                        TreeMap::new, Collectors.mapping(problem -> problem.file().toString(), Collectors.toList()))),
                FILES_SHOWN_PER_REASON);
    }
}
