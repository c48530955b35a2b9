package io.hounsfield.archive.store;

import io.hounsfield.system.DataDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The instance store on the local file system, under the data directory's {@code store/} ({@link StoreLayout}). */
@Component
@ConditionalOnProperty(name = StoreProperties.TYPE, havingValue = "filesystem", matchIfMissing = true)
public class FilesystemStore implements InstanceStore {
    private final StoreLayout layout;

    FilesystemStore(StoreLayout layout) {
        this.layout = layout;
        layout.createBuckets();
    }

    /**
     * A new key is renamed into place first and then fsync'ed: on a journaling file system (ext4, XFS) that one fsync
     * makes the data, the new name and any new directory durable in one journal commit, and the directory fsyncs
     * POSIX asks for then find nothing left to write. A crash before the fsync may leave the file cut short under its
     * name, but never acknowledged and never indexed; recovery reads such a file to its end. A replaced copy is
     * different: the new one must be whole on disk before it takes the old one's name.
     */
    @Override
    public void put(String key, Path file) throws IOException {
        Path target = layout.resolve(key);
        List<Path> created = createDirectories(target.getParent()); // none in the buckets made at start
        if (Files.exists(target)) {
            force(file);
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            StoreLayout.forceDirectory(target.getParent());
            return;
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        force(target);
        StoreLayout.forceDirectory(target.getParent());
        for (Path directory : created) {
            StoreLayout.forceDirectory(directory.getParent());
        }
    }

    /** Creates {@code directory} and its missing parents; returns those it created, the deepest first. */
    private static List<Path> createDirectories(Path directory) throws IOException {
        List<Path> created = new ArrayList<>();
        for (Path missing = directory; !Files.isDirectory(missing); missing = missing.getParent()) {
            created.add(missing);
        }
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                Files.createDirectory(created.get(i), DataDirectory.ownerOnlyDirectory());
            } catch (FileAlreadyExistsException concurrently) {
                // another store made it at the same moment
            }
        }
        return created;
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(layout.resolve(key));
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(layout.resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(layout.resolve(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(layout.resolve(key));
    }

    @Override
    public Stream<String> keys() throws IOException {
        return layout.instanceFiles().stream().map(layout::relativize);
    }

    @Override
    public Path localCopy(String key) throws IOException {
        Path file = layout.resolve(key);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(key);
        }
        return file;
    }
}
