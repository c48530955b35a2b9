package io.hounsfield.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Tells {@link DatabaseAvailability} what every attempt to get a connection found: the database is away when the
 * server cannot be reached (SQLSTATE class 08, or 57P: shut down or starting up), back when a connection came. A pool
 * that is merely busy is not an outage. While it is away, requests are refused before they ask for a connection, so
 * the return is found by a probe of its own, which asks again every {@value #PROBE_EVERY_MILLIS} ms.
 */
final class AvailabilityReportingDataSource extends DelegatingDataSource implements AutoCloseable {

    static final String UNREACHABLE = "The database cannot be reached at the moment.";
    private static final long PROBE_EVERY_MILLIS = 500;

    private final DatabaseAvailability availability;
    private final ScheduledExecutorService prober;
    private boolean probing;

    AvailabilityReportingDataSource(DataSource target, DatabaseAvailability availability) {
        super(target);
        this.availability = availability;
        this.prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "database-availability-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            Connection connection = super.getConnection();
            availability.markAvailable();
            return connection;
        } catch (SQLException e) {
            if (unreachable(e)) {
                availability.markUnavailable(UNREACHABLE);
                probeUntilReachable();
            }
            throw e;
        }
    }

    private synchronized void probeUntilReachable() {
        if (!probing) {
            probing = true;
            prober.schedule(this::probe, PROBE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void probe() {
        boolean reachable;
        try (Connection connection = super.getConnection()) {
            reachable = true;
        } catch (SQLException e) {
            // Refused for another reason (a full pool) is not an outage.
            reachable = !unreachable(e);
        }
        synchronized (this) {
            if (reachable) {
                availability.markAvailable();
                probing = false;
            } else {
                prober.schedule(this::probe, PROBE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Closes the pool with the application. */
    @Override
    public void close() throws Exception {
        prober.shutdownNow();
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
