package io.hounsfield.ohif;

import io.hounsfield.system.DataDirectory;
import io.hounsfield.system.StatusContributor;
import io.hounsfield.system.StatusItem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The copy of OHIF Viewer that {@code bin/install-ohif} put on disk, looked at on every request: installing or
 * replacing it needs no restart.
 */
@Component
class OhifInstallation implements StatusContributor {

    /** Written by {@code bin/install-ohif} beside OHIF's index.html: the version it installed, on the first line. */
    static final String VERSION_FILE = "HOUNSFIELD-OHIF-VERSION";
    static final String INSTALL_COMMAND = "bin/install-ohif";

    private final Path root;

    OhifInstallation(OhifProperties properties, DataDirectory dataDirectory) {
        Path dir = properties.dir() != null ? properties.dir() : dataDirectory.root().resolve("ohif");
        this.root = dir.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    boolean installed() {
        return Files.isRegularFile(root.resolve("index.html")) && Files.isRegularFile(root.resolve(VERSION_FILE));
    }

    Optional<String> version() {
        try {
            return installed()
                    ? Files.readAllLines(root.resolve(VERSION_FILE)).stream().findFirst().map(String::strip)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The installed file at {@code relativePath}, if there is one; a path that would lead outside the installation
     * ({@code ..}, an absolute path) has none.
     */
    Optional<Path> file(String relativePath) {
        if (relativePath.isEmpty() || relativePath.startsWith("/") || relativePath.indexOf('\\') >= 0
                || relativePath.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root) || file.equals(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    @Override
    public List<StatusItem> status() {
        return List.of(version()
                .map(version -> new StatusItem("OHIF Viewer", true, version + " at /ohif (from " + root + ")"))
                .orElseGet(() -> new StatusItem("OHIF Viewer", true,
                        "not installed (" + INSTALL_COMMAND + " puts it in " + root + ")")));
    }
}
