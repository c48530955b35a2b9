package io.hounsfield.system;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.ArrayList;

/**
 * The bundled PostgreSQL archive, and where the library unpacks it: {@code PG-<md5 of the archive>} under the
 * working directory it is given (the data directory's {@code pg-bin/}, not the shared, world-writable
 * {@code /tmp/embedded-pg}). Knowing that folder lets Hounsfield run {@code postgres --single} and {@code pg_ctl}
 * itself. One instance per data directory: the library caches the unpacked folder per resolver.
 */
final class PostgresBinaries implements PgBinaryResolver {

    private final Path workingDirectory;
    private volatile String digest;

    PostgresBinaries(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware)) {
            if (archive == null) {
                return null;
            }
            byte[] bytes = archive.readAllBytes();
            digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
            return new ByteArrayInputStream(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    /** The unpacked folder; known once the library has asked for the archive. */
    Path directory() {
        if (digest == null) {
            throw new IllegalStateException("PostgreSQL binaries not prepared yet");
        }
        return workingDirectory.resolve("PG-" + digest);
    }

    /**
     * The command line for one of the binaries. As root it runs in a user namespace of its own
     * ({@code unshare -U}), where it is not root, as PostgreSQL requires; the library does the same.
     */
    List<String> command(String program, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(directory().resolve("bin").resolve(program).toString());
        command.addAll(arguments);
        return command;
    }
}
