package io.hounsfield.archive.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    }

    @Override
    public void put(String key, Path file) throws IOException {
        Path target = layout.resolve(key);
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        StoreLayout.forceDirectory(target.getParent());
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
