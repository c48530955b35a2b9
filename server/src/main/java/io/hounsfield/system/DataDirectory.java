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

/**
 * The data directory and its parts, created and checked for writability at start so that a
 * misconfigured path fails fast with a clear message instead of deep inside PostgreSQL or a C-STORE. One process
 * holds it at a time (a lock on {@code hounsfield.lock}, released by the OS when the process dies): a second server
 * or an import would otherwise take the first one's PostgreSQL for an orphan and stop it.
 */
public final class DataDirectory implements AutoCloseable {
    private static final String LOCK_FILE = "hounsfield.lock";

    private final Path root;
    private final FileChannel lockChannel;

    DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
        for (Path part : new Path[] {this.root, postgres(), store(), tmp()}) {
            ensureWritable(part);
        }
        this.lockChannel = lock(this.root.resolve(LOCK_FILE));
    }

    private static FileChannel lock(Path file) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
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
