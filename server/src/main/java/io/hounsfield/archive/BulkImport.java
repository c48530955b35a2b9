package io.hounsfield.archive;

import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.dicom.net.service.AssociationInfo;
import io.hounsfield.dicom.net.service.StoreRequest;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Bulk import from the command line: {@code java -jar hounsfield.jar --hounsfield.archive.import=FOLDER} files every
 * DICOM file (PS3.10) under FOLDER through the same ingest as a C-STORE (parsed, fsync'ed, indexed, identity
 * checked) once the server has started, with {@code IMPORT} as the source AE title. Files that are not DICOM or
 * cannot be read are logged and skipped. Audited like stores: once per study and import run.
 */
@Component
class BulkImport implements ApplicationRunner {
    static final String SOURCE = "IMPORT";
    private static final System.Logger LOG = System.getLogger(BulkImport.class.getName());

    private final Ingest ingest;
    private final ArchiveAudit audit;
    private final String folder;

    BulkImport(Ingest ingest, ArchiveAudit audit, @Value("${hounsfield.archive.import:}") String folder) {
        this.ingest = ingest;
        this.audit = audit;
        this.folder = folder;
    }

    /** What an import did. */
    record Result(int stored, int kept, int failed) {
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        if (!folder.isBlank()) {
            Result result = importFolder(Path.of(folder));
            LOG.log(System.Logger.Level.INFO, "import of {0}: {1} stored, {2} already there, {3} failed", folder,
                    result.stored(), result.kept(), result.failed());
        }
    }

    Result importFolder(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        String run = "import of " + root + " at " + Instant.now();
        int stored = 0;
        int kept = 0;
        int failed = 0;
        for (Path file : files) {
            StoreOutcome.Kind kind = importFile(file, run);
            if (kind == StoreOutcome.Kind.STORED) {
                stored++;
            } else if (kind == StoreOutcome.Kind.KEPT) {
                kept++;
            } else {
                failed++;
            }
        }
        return new Result(stored, kept, failed);
    }

    private StoreOutcome.Kind importFile(Path file, String run) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            Part10.Opened opened = Part10.open(in, ReadOptions.DEFAULT);
            StoreRequest request = Part10Request.of(opened, new AssociationInfo(SOURCE, SOURCE, null, run));
            StoreOutcome outcome = ingest.store(request, opened.reader().remainingInput());
            if (outcome.kind() == StoreOutcome.Kind.REJECTED) {
                LOG.log(System.Logger.Level.WARNING, "import: {0} not stored: {1}", file, outcome.rejection());
                audit.storeFailed(request, outcome.rejection());
            } else {
                audit.stored(request, outcome);
            }
            return outcome.kind();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "import: {0} not stored: {1}", file, e.toString());
            return StoreOutcome.Kind.REJECTED;
        }
    }
}
