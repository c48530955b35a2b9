package io.hounsfield.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;

/**
 * PostgreSQL running in the data directory, and its watchdog: when the server process is gone (killed, crashed) it
 * is started again on the same cluster and port, so that the pool's new connections find it; meanwhile
 * {@link DatabaseAvailability} says why requests are refused. PostgreSQL's own crash recovery makes the committed
 * data whole again, as after a power loss.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "hounsfield";
    static final String RESTARTING = "The database stopped unexpectedly; Hounsfield is starting it again.";
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    private static final Duration ORPHAN_PATIENCE = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(EmbeddedDatabase.class.getName());

    private final Path cluster;
    private final PostgresBinaries binaries;
    private final Map<String, String> serverConfig;
    private final DatabaseAvailability availability;
    private final ApplicationEventPublisher events;
    private final EmbeddedPostgres postgres;
    private final ScheduledExecutorService watchdog;
    private final Object lifecycle = new Object();
    private volatile ProcessHandle postmaster;
    private volatile boolean closed;

    private EmbeddedDatabase(Path cluster, PostgresBinaries binaries, Map<String, String> serverConfig,
            DatabaseAvailability availability, ApplicationEventPublisher events, EmbeddedPostgres postgres)
            throws IOException {
        this.cluster = cluster;
        this.events = events;
        this.binaries = binaries;
        this.serverConfig = serverConfig;
        this.availability = availability;
        this.postgres = postgres;
        this.postmaster = runningPostmaster();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(this::restartIfGone, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    static EmbeddedDatabase start(DataDirectory dataDirectory, DatabaseCredentials credentials,
            DatabaseAvailability availability, ApplicationEventPublisher events) throws IOException {
        Path cluster = dataDirectory.postgres();
        OrphanedPostgres.stopIfRunning(cluster);
        PostgresBinaries binaries = new PostgresBinaries(dataDirectory.postgresBinaries());
        ClusterLockdown lockdown = new ClusterLockdown(binaries, credentials);
        Map<String, String> serverConfig = serverConfig();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOverrideWorkingDirectory(binaries.workingDirectory().toFile())
                .setPgBinaryResolver(binaries)
                .setDataDirectoryCustomizer(directory -> lockdown.apply(directory.toPath()))
                .setConnectConfig("password", credentials.ownerPassword());
        serverConfig.forEach(builder::setServerConfig);
        EmbeddedPostgres postgres = builder.start();
        // The library leaves its working directory writable for everyone.
        DataDirectory.restrictToOwner(binaries.workingDirectory());
        return new EmbeddedDatabase(cluster, binaries, serverConfig, availability, events, postgres);
    }

    private static Map<String, String> serverConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listen_addresses", "127.0.0.1");
        // No local socket (by default in the shared /tmp): TCP on loopback only, with a password.
        config.put("unix_socket_directories", "''");
        config.put("password_encryption", "scram-sha-256");
        // The library is made for tests and starts PostgreSQL with fsync off; a record must survive a crash.
        config.put("fsync", "on");
        config.put("synchronous_commit", "on");
        config.put("full_page_writes", "on");
        return config;
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database + "?connectTimeout=2";
    }

    /** Connections as the owner (superuser): for migrations and role upkeep, not for the application. */
    DataSource ownerDataSource(String database) {
        return postgres.getDatabase(DatabaseRoles.OWNER, database);
    }

    private void restartIfGone() {
        synchronized (lifecycle) {
            if (closed || postmaster.isAlive()) {
                return;
            }
            availability.markUnavailable(RESTARTING);
            LOG.log(System.Logger.Level.WARNING, "PostgreSQL (process {0}) of {1} has stopped; starting it again",
                    String.valueOf(postmaster.pid()), cluster);
            try {
                Optional<ProcessHandle> running = ourPostmaster();
                if (running.isPresent()) {
                    // An earlier attempt did start it after all.
                    postmaster = running.get();
                    availability.markAvailable();
                    events.publishEvent(new DatabaseRestarted());
                    return;
                }
                awaitOrphansGone();
                // Its PID may belong to another process by now; PostgreSQL would take that for a running server.
                Files.deleteIfExists(cluster.resolve("postmaster.pid"));
                startServer();
                postmaster = runningPostmaster();
                availability.markAvailable();
                LOG.log(System.Logger.Level.WARNING, "PostgreSQL of {0} runs again (process {1})", cluster,
                        String.valueOf(postmaster.pid()));
                events.publishEvent(new DatabaseRestarted());
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "PostgreSQL of " + cluster + " did not start again; trying again", e);
            }
        }
    }

    /** Backends of the dead server still attached to its shared memory would keep a new one from starting. */
    private void awaitOrphansGone() {
        long deadline = System.nanoTime() + ORPHAN_PATIENCE.toNanos();
        List<ProcessHandle> orphans = orphans();
        while (!orphans.isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(100));
            orphans = orphans();
        }
        orphans.forEach(ProcessHandle::destroyForcibly);
    }

    private List<ProcessHandle> orphans() {
        return ProcessHandle.allProcesses().filter(this::runsOurPostgres).toList();
    }

    private boolean runsOurPostgres(ProcessHandle process) {
        String program = binaries.directory().resolve("bin").resolve("postgres").toString();
        return process.info().command().map(program::equals).orElse(false);
    }

    private Optional<ProcessHandle> ourPostmaster() {
        try {
            return Optional.of(runningPostmaster()).filter(ProcessHandle::isAlive).filter(this::runsOurPostgres);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void startServer() throws IOException {
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port())));
        serverConfig.forEach((key, value) -> options.addAll(List.of("-c", key + "=" + value)));
        Process pgCtl = new ProcessBuilder(binaries.command("pg_ctl", List.of("-D", cluster.toString(),
                        "-o", String.join(" ", options), "-w", "-t", "120", "start")))
                .redirectErrorStream(true).start();
        logOutput(pgCtl);
        try {
            if (!pgCtl.waitFor(150, TimeUnit.SECONDS) || pgCtl.exitValue() != 0) {
                pgCtl.destroyForcibly();
                throw new IOException("pg_ctl start failed for " + cluster);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting PostgreSQL", e);
        }
    }

    /** The server keeps pg_ctl's output as its own; it is read until the server ends. */
    private static void logOutput(Process pgCtl) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(pgCtl.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    LOG.log(System.Logger.Level.INFO, "postgres: {0}", line);
                }
            } catch (IOException ignored) {
                // the server has ended
            }
        }, "embedded-postgres-output");
        reader.setDaemon(true);
        reader.start();
    }

    private ProcessHandle runningPostmaster() throws IOException {
        List<String> lines = Files.readAllLines(cluster.resolve("postmaster.pid"));
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        return process.orElseThrow(() -> new IOException("PostgreSQL of " + cluster + " is not running"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        watchdog.shutdownNow();
        synchronized (lifecycle) {
            postgres.close();
        }
    }
}
