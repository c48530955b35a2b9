package io.hounsfield.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * When Hounsfield is killed (kill -9, power loss of the JVM only), its embedded PostgreSQL keeps
 * running and holds the data directory, so the next start would wait and fail. This stops such an
 * orphan: the process named in {@code postmaster.pid}, if it is alive and is a postgres of that directory.
 */
final class OrphanedPostgres {

    private static final System.Logger LOG = System.getLogger(OrphanedPostgres.class.getName());
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private OrphanedPostgres() {}

    static void stopIfRunning(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> orphan = orphan(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "PostgreSQL {0} still holds {1} from an earlier run; stopping it",
                String.valueOf(orphan.get().pid()), dataDirectory);
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception notStopped) {
            throw new IOException("PostgreSQL " + orphan.get().pid() + " holding " + dataDirectory
                    + " did not stop within " + PATIENCE.toSeconds() + " s; stop it by hand", notStopped);
        }
    }

    private static Optional<ProcessHandle> orphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isReadable(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        Path directory = Path.of(lines.get(1).strip());
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(process -> sameDirectory(directory, dataDirectory));
    }

    private static boolean sameDirectory(Path recorded, Path dataDirectory) {
        try {
            return Files.isSameFile(recorded, dataDirectory);
        } catch (IOException e) {
            return false;
        }
    }
}
