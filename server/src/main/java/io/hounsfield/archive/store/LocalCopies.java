package io.hounsfield.archive.store;

import io.hounsfield.system.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Local files with the content of remote objects, for readers that need a file: at most {@code maxBytes} in all, the
 * least recently used removed first (the newest is kept even if it alone is larger). The directory is emptied at
 * start, so a copy never outlives the process that fetched it and can never be stale after a restart. A removed copy
 * that a reader still has open stays readable until it is closed (POSIX unlink).
 */
final class LocalCopies {
    /** Fetches the object's content into {@code target} (a new file, in the cache directory). */
    interface Fetch {
        void into(Path target) throws IOException;
    }

    private final Path directory;
    private final long maxBytes;
    private final Map<String, Copy> copies = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    private record Copy(Path file, long size) {
    }

    LocalCopies(Path directory, long maxBytes) {
        this.directory = directory;
        this.maxBytes = maxBytes;
        try {
            if (Files.isDirectory(directory)) {
                try (Stream<Path> stale = Files.list(directory)) {
                    for (Path file : (Iterable<Path>) stale::iterator) {
                        Files.deleteIfExists(file);
                    }
                }
            }
            Files.createDirectories(directory, DataDirectory.ownerOnlyDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path get(String key, Fetch fetch) throws IOException {
        synchronized (copies) {
            Copy copy = copies.get(key);
            if (copy != null && Files.isRegularFile(copy.file())) {
                return copy.file();
            }
        }
        // Fetched outside the lock, so that one slow object does not hold up readers of others.
        Path partial = directory.resolve(UUID.randomUUID() + ".part");
        try {
            fetch.into(partial);
            Path file = directory.resolve(nameOf(key));
            synchronized (copies) {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                Copy replaced = copies.put(key, new Copy(file, Files.size(file)));
                bytes += Files.size(file) - (replaced == null ? 0 : replaced.size());
                evictBeyondLimit(key);
            }
            return file;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The object changed or went: its copy must not be read again. */
    void forget(String key) throws IOException {
        synchronized (copies) {
            Copy copy = copies.remove(key);
            if (copy != null) {
                bytes -= copy.size();
                Files.deleteIfExists(copy.file());
            }
        }
    }

    private void evictBeyondLimit(String newest) throws IOException {
        Iterator<Map.Entry<String, Copy>> eldest = copies.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<String, Copy> entry = eldest.next();
            if (entry.getKey().equals(newest)) {
                continue;
            }
            bytes -= entry.getValue().size();
            Files.deleteIfExists(entry.getValue().file());
            eldest.remove();
        }
    }

    /** A name from the key's hash: keys have slashes, and the cache is flat. */
    private static String nameOf(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash) + ".dcm";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
