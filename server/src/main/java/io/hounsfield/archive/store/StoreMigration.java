package io.hounsfield.archive.store;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the files of an older store ({@link StoreLayout#formerPath}) to their place in the current layout, a batch at
 * a time, so that no crash loses one: each file gets its new name as a hard link, made durable, then the batch's index
 * rows name it in one transaction, and only after that commit is the old name removed. Run again after a crash, it
 * finishes what was left. The server must be stopped.
 */
@Component
public class StoreMigration {
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final StoreLayout layout;
    private final TransactionTemplate transactions;

    StoreMigration(JdbcClient jdbc, StoreLayout layout, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.layout = layout;
        this.transactions = transactions;
    }

    private record Row(long id, String sopInstanceUid, String filePath) {
    }

    /** How many index rows still name a file of the older layout. */
    public int remaining() {
        return jdbc.sql("SELECT count(*) FROM archive_instance WHERE file_path LIKE '%/%/%'").query(Integer.class)
                .single();
    }

    /** Moves every file of the older layout, telling {@code moved} the running count; returns how many it moved. */
    public int migrate(IntConsumer moved) throws IOException {
        layout.createBuckets();
        int count = 0;
        for (List<Row> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
            move(batch);
            count += batch.size();
            moved.accept(count);
        }
        return count;
    }

    private void move(List<Row> batch) throws IOException {
        Set<Path> directories = new HashSet<>();
        for (Row row : batch) {
            Path target = layout.resolve(StoreLayout.relativePath(row.sopInstanceUid()));
            Files.deleteIfExists(target); // a link of an earlier run that crashed before its commit
            Files.createLink(target, layout.resolve(row.filePath()));
            directories.add(target.getParent());
        }
        for (Path directory : directories) {
            StoreLayout.forceDirectory(directory);
        }
        transactions.executeWithoutResult(status -> batch.forEach(row -> jdbc.sql(
                "UPDATE archive_instance SET file_path = ? WHERE id = ?")
                .params(StoreLayout.relativePath(row.sopInstanceUid()), row.id()).update()));
        for (Row row : batch) {
            removeWithEmptyParents(layout.resolve(row.filePath()));
        }
    }

    private List<Row> nextBatch() {
        return jdbc.sql("SELECT id, sop_instance_uid, file_path FROM archive_instance WHERE file_path LIKE '%/%/%'"
                + " ORDER BY id LIMIT " + BATCH)
                .query((row, number) -> new Row(row.getLong(1), row.getString(2), row.getString(3))).list();
    }

    /** Deletes the old name, then its series and study directories once they are empty. */
    private void removeWithEmptyParents(Path file) throws IOException {
        Files.deleteIfExists(file);
        for (Path directory = file.getParent(); !directory.equals(layout.root()); directory = directory.getParent()) {
            try {
                Files.deleteIfExists(directory);
            } catch (DirectoryNotEmptyException stillUsed) {
                return;
            }
        }
    }
}
