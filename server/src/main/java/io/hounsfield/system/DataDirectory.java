package io.hounsfield.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The data directory and its parts, created and checked for writability at start so that a
 * misconfigured path fails fast with a clear message instead of deep inside PostgreSQL or a C-STORE. One process
 * holds it at a time (a lock on {@code hounsfield.lock}, released by the OS when the process dies): a second server
 * or an import would otherwise take the first one's PostgreSQL for an orphan and stop it. Everything in it is the
 * owner's alone (directories 0700, files 0600): it holds patient data and the database passwords.
 */
public final class DataDirectory implements AutoCloseable {
    private static final String LOCK_FILE = "hounsfield.lock";
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path root;
    private final FileChannel lockChannel;

    DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
        for (Path part : new Path[] {this.root, postgres(), postgresBinaries(), store(), tmp()}) {
            ensureWritable(part);
        }
        this.lockChannel = lock(this.root.resolve(LOCK_FILE));
    }

    private static FileChannel lock(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE), ownerOnlyFile());
            restrictToOwner(file);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = Files.readString(file).strip();
                channel.close();
                throw new DataDirectoryInUseException(file.getParent(), holder.isEmpty() ? "unknown" : holder);
            }
            channel.truncate(0).write(ByteBuffer.wrap(
                    String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            return channel;
        } catch (IOException e) {
            throw new DataDirectoryNotWritableException(file.getParent(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisProcess) {
            return null;
        }
    }

    /** Releases the directory for the next process. */
    @Override
    public void close() throws IOException {
        lockChannel.close();
    }

    public Path root() {
        return root;
    }

    public Path postgres() {
        return root.resolve("pg");
    }

    /** The PostgreSQL binaries the embedded database runs, unpacked here rather than in a shared temporary folder. */
    public Path postgresBinaries() {
        return root.resolve("pg-bin");
    }

    public Path store() {
        return root.resolve("store");
    }

    public Path tmp() {
        return root.resolve("tmp");
    }

    /** For a file created in the data directory: readable and writable by its owner only (0600). */
    public static FileAttribute<Set<PosixFilePermission>> ownerOnlyFile() {
        return PosixFilePermissions.asFileAttribute(OWNER_FILE);
    }

    /** For a directory created in the data directory: the owner's alone (0700). */
    public static FileAttribute<Set<PosixFilePermission>> ownerOnlyDirectory() {
        return PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY);
    }

    /** Takes away what the group and others may do with an existing file or directory (older versions left 0755/0644). */
    static void restrictToOwner(Path path) throws IOException {
        Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_DIRECTORY : OWNER_FILE);
    }

    private static void ensureWritable(Path directory) {
        try {
            Files.createDirectories(directory, ownerOnlyDirectory());
            restrictToOwner(directory);
            Files.delete(Files.createTempFile(directory, ".probe", ""));
        } catch (IOException | SecurityException e) {
            throw new DataDirectoryNotWritableException(directory, e);
        }
    }
}
