package io.hounsfield.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Closes the embedded cluster to everyone who lacks a password, before its server starts. The library creates
 * clusters with {@code initdb -A trust} (any local user may connect as any role, superuser included), and clusters
 * of older Hounsfield versions were left that way. Here, on a fresh or such a cluster, the owner role gets its
 * password through PostgreSQL's single-user mode (no network, the password on standard input, never on a command
 * line); then {@code pg_hba.conf} is replaced by one that asks every connection, over TCP or a local socket, for a
 * password (SCRAM-SHA-256). Both steps repeat harmlessly after a crash in between.
 */
final class ClusterLockdown {

    static final String MARKER = "# Hounsfield: a password (scram-sha-256) for every connection";
    private static final String HBA = MARKER + """

            # Written at every start of the embedded database; edits here are replaced.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;
    private static final System.Logger LOG = System.getLogger(ClusterLockdown.class.getName());

    private final PostgresBinaries binaries;
    private final DatabaseCredentials credentials;

    ClusterLockdown(PostgresBinaries binaries, DatabaseCredentials credentials) {
        this.binaries = binaries;
        this.credentials = credentials;
    }

    /** For the library's data directory customizer: runs after {@code initdb}, before the server starts. */
    void apply(Path cluster) {
        try {
            Path hba = cluster.resolve("pg_hba.conf");
            boolean locked = Files.exists(hba) && Files.readString(hba).startsWith(MARKER);
            if (!locked || credentials.created()) {
                LOG.log(System.Logger.Level.INFO, "Setting the database owner''s password in {0}", cluster);
                setOwnerPassword(cluster);
            }
            writeOwnerOnly(hba, HBA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setOwnerPassword(Path cluster) throws IOException {
        Process process = new ProcessBuilder(binaries.command("postgres", List.of("--single", "-D", cluster.toString(),
                        "-c", "listen_addresses=", "-c", "unix_socket_directories=",
                        "-c", "password_encryption=scram-sha-256", "postgres")))
                .redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(("ALTER ROLE postgres PASSWORD '" + credentials.ownerPassword() + "';\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("ERROR:")
                    || output.contains("FATAL:")) {
                process.destroyForcibly();
                throw new IOException("PostgreSQL in single-user mode could not set the owner's password: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the database owner's password", e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(partial);
        Files.writeString(Files.createFile(partial, DataDirectory.ownerOnlyFile()), content);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
