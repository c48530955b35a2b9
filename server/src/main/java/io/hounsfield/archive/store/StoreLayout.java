package io.hounsfield.archive.store;

import io.hounsfield.system.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.springframework.stereotype.Component;

/**
 * Where instances live in the store: {@code store/<bucket>/<SOP Instance UID>.dcm}, the bucket three hex digits of the
 * UID's CRC-32 (4,096 directories, made once before the first instance arrives: storing an instance then creates no
 * directory, whose parent would need an fsync of its own, and concurrent stores spread over them), and files being
 * received in {@code store/incoming/} (same file system, so that moving one into place is an atomic rename). Stores
 * made before 0.2 kept {@code <study UID>/<series UID>/<SOP Instance UID>.dcm}; such files are read where the index
 * says they are, and {@code migrate-store} moves them. UIDs are checked against PS3.5 §9.1 before they become path
 * names.
 */
@Component
public class StoreLayout {
    public static final String TEMPORARY_SUFFIX = ".part";
    private static final String CLEAN_STOP_MARK = "clean-stop";
    private static final int BUCKETS = 4096;
    private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");

    private final Path root;
    private final Path incoming;

    StoreLayout(DataDirectory data) {
        this.root = data.store();
        this.incoming = root.resolve("incoming");
        try {
            Files.createDirectories(incoming, DataDirectory.ownerOnlyDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    Path incoming() {
        return incoming;
    }

    public Path newTemporaryFile() {
        return incoming.resolve(UUID.randomUUID() + TEMPORARY_SUFFIX);
    }

    public static boolean isUid(String value) {
        return value != null && value.length() <= 64 && UID.matcher(value).matches();
    }

    /** The key of an instance: its path relative to the store root. */
    public static String relativePath(String sopInstanceUid) {
        if (!isUid(sopInstanceUid)) {
            throw new IllegalArgumentException("not a UID: " + sopInstanceUid);
        }
        CRC32 crc = new CRC32();
        crc.update(sopInstanceUid.getBytes(StandardCharsets.US_ASCII));
        return bucketName((int) (crc.getValue() % BUCKETS)) + "/" + sopInstanceUid + ".dcm";
    }

    /** Where an instance was kept by stores made before 0.2; all three must be valid UIDs. */
    public static String formerPath(String studyUid, String seriesUid, String sopInstanceUid) {
        for (String uid : new String[] {studyUid, seriesUid, sopInstanceUid}) {
            if (!isUid(uid)) {
                throw new IllegalArgumentException("not a UID: " + uid);
            }
        }
        return studyUid + "/" + seriesUid + "/" + sopInstanceUid + ".dcm";
    }

    /** Makes the bucket directories that are missing, durable by one fsync of the root. */
    void createBuckets() {
        try {
            boolean made = false;
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                Path directory = root.resolve(bucketName(bucket));
                if (!Files.isDirectory(directory)) {
                    Files.createDirectory(directory, DataDirectory.ownerOnlyDirectory());
                    made = true;
                }
            }
            if (made) {
                forceDirectory(root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Three hex digits, without String.format: it is on every store's path, and format costs as much as the rest. */
    private static String bucketName(int bucket) {
        String hex = Integer.toHexString(bucket);
        return "000".substring(hex.length()) + hex;
    }

    public Path resolve(String relativePath) {
        Path path = root.resolve(relativePath).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("outside the store: " + relativePath);
        }
        return path;
    }

    /** The instance files in the store, in either layout. */
    public List<Path> instanceFiles() throws IOException {
        try (Stream<Path> files = Files.walk(root, 3)) {
            return files.filter(file -> !file.startsWith(incoming) && Files.isRegularFile(file)
                    && file.getFileName().toString().endsWith(".dcm")).toList();
        }
    }

    /** Files of stores that never finished (their senders got no success). */
    public List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(incoming)) {
            return files.filter(file -> file.getFileName().toString().endsWith(TEMPORARY_SUFFIX)).toList();
        }
    }

    /** The path of {@code file} relative to the store root, with forward slashes as in the index. */
    public String relativize(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Whether the last run stopped cleanly; the mark is taken away, as this run may not. */
    public boolean cleanlyStopped() {
        try {
            boolean clean = Files.deleteIfExists(root.resolve(CLEAN_STOP_MARK));
            forceDirectory(root);
            return clean;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves the mark of a clean stop: every stored file has its index row. */
    public void markCleanStop() {
        try {
            Files.writeString(root.resolve(CLEAN_STOP_MARK), java.time.Instant.now().toString());
            forceDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a rename or new entry in {@code directory} durable (fsync of the directory). */
    public static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
