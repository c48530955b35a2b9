package io.hounsfield.system;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Tells {@link DatabaseAvailability} what every attempt to get a connection found: the database is away when the
 * server cannot be reached (SQLSTATE class 08, or 57P: shut down or starting up), back when a connection came. A pool
 * that is merely busy is not an outage.
 */
final class AvailabilityReportingDataSource extends DelegatingDataSource implements AutoCloseable {

    static final String UNREACHABLE = "The database cannot be reached at the moment.";

    private final DatabaseAvailability availability;

    AvailabilityReportingDataSource(DataSource target, DatabaseAvailability availability) {
        super(target);
        this.availability = availability;
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
            }
            throw e;
        }
    }

    /** Closes the pool with the application. */
    @Override
    public void close() throws Exception {
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
