package io.hounsfield.archive.store;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks the store against the index without changing either: every index row has its file, of the indexed size,
 * readable as DICOM and carrying the indexed SOP Instance UID; every instance file has its row; no temporary file
 * is left over. What it finds, the server's start-up recovery partly mends (unindexed files, temporary files); the
 * rest needs a person.
 */
@Component
public class StoreVerification {
    private final JdbcClient jdbc;
    private final StoreLayout layout;
    private final InstanceStore store;

    StoreVerification(JdbcClient jdbc, StoreLayout layout, InstanceStore store) {
        this.jdbc = jdbc;
        this.layout = layout;
        this.store = store;
    }

    public enum ProblemKind {
        FILE_MISSING("index row without its file"),
        SIZE_DIFFERS("file size differs from the index"),
        UNREADABLE("file is not readable DICOM"),
        WRONG_INSTANCE("file holds another SOP Instance UID than its index row"),
        NOT_INDEXED("instance file without an index row"),
        TEMPORARY_FILE("temporary file of an unfinished store");

        public final String description;

        ProblemKind(String description) {
            this.description = description;
        }
    }

    public record Problem(ProblemKind kind, String file, String detail) {
    }

    public record Report(int rowsChecked, int filesChecked, List<Problem> problems) {
    }

    private record Row(String sopInstanceUid, String filePath, long fileSize) {
    }

    /** Verifies everything, telling {@code checked} the running count of index rows checked. */
    public Report verify(IntConsumer checked) throws IOException {
        List<Row> rows = jdbc.sql("SELECT sop_instance_uid, file_path, file_size FROM archive_instance ORDER BY id")
                .query((row, number) -> new Row(row.getString(1), row.getString(2), row.getLong(3))).list();
        List<Problem> problems = new ArrayList<>();
        Set<String> indexedPaths = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            indexedPaths.add(row.filePath());
            Problem problem = check(row);
            if (problem != null) {
                problems.add(problem);
            }
            checked.accept(i + 1);
        }
        List<String> keys;
        try (Stream<String> stored = store.keys()) {
            keys = stored.toList();
        }
        for (String key : keys) {
            if (!indexedPaths.contains(key)) {
                problems.add(new Problem(ProblemKind.NOT_INDEXED, key, null));
            }
        }
        for (Path file : layout.temporaryFiles()) {
            problems.add(new Problem(ProblemKind.TEMPORARY_FILE, layout.relativize(file), null));
        }
        return new Report(rows.size(), keys.size(), problems);
    }

    private Problem check(Row row) {
        try {
            if (!store.exists(row.filePath())) {
                return new Problem(ProblemKind.FILE_MISSING, row.filePath(), null);
            }
            long size = store.size(row.filePath());
            if (size != row.fileSize()) {
                return new Problem(ProblemKind.SIZE_DIFFERS, row.filePath(),
                        size + " bytes on disk, " + row.fileSize() + " indexed");
            }
            String sopInstanceUid = sopInstanceUidOf(row.filePath());
            if (!row.sopInstanceUid().equals(sopInstanceUid)) {
                return new Problem(ProblemKind.WRONG_INSTANCE, row.filePath(), "file holds " + sopInstanceUid);
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return new Problem(ProblemKind.UNREADABLE, row.filePath(), e.getMessage());
        }
    }

    private String sopInstanceUidOf(String key) throws IOException {
        try (InputStream in = new BufferedInputStream(store.open(key), 16 * 1024)) {
            Attributes header = Part10.open(in, ReadOptions.DEFAULT.withStopAtPixelData(true)).reader().readDataset();
            String uid = header.getString(Tags.SOPInstanceUID);
            return uid == null ? null : uid.strip();
        }
    }
}
