package io.hounsfield.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data directory and its parts, created and checked for writability at start so that a
 * misconfigured path fails fast with a clear message instead of deep inside PostgreSQL or a C-STORE.
 */
public final class DataDirectory {

    private final Path root;

    DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
        for (Path part : new Path[] {this.root, postgres(), store(), tmp()}) {
            ensureWritable(part);
        }
    }

    public Path root() {
        return root;
    }

    public Path postgres() {
        return root.resolve("pg");
    }

    public Path store() {
        return root.resolve("store");
    }

    public Path tmp() {
        return root.resolve("tmp");
    }

    private static void ensureWritable(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.delete(Files.createTempFile(directory, ".probe", ""));
        } catch (IOException | SecurityException e) {
            throw new DataDirectoryNotWritableException(directory, e);
        }
    }
}
