package io.hounsfield.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Requests are refused before they ask for a connection while the database is away, so nothing but the probe can
 * find it back: an outage seen once must end by itself when the database answers again.
 */
class AvailabilityReportingDataSourceTest {

    @Test
    void findsTheDatabaseBackWithoutAnotherRequest() throws Exception {
        Database database = new Database();
        DatabaseAvailability availability = new DatabaseAvailability();
        try (AvailabilityReportingDataSource dataSource = new AvailabilityReportingDataSource(database, availability)) {
            database.down.set(true);
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);
            assertThat(availability.reason()).contains(AvailabilityReportingDataSource.UNREACHABLE);

            Thread.sleep(1500);
            assertThat(availability.available()).as("still away").isFalse();

            database.down.set(false);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!availability.available() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(availability.available()).as("found back by the probe").isTrue();
        }
    }

    @Test
    void aRefusalThatIsNotAnOutageLeavesTheDatabaseAvailable() throws Exception {
        Database database = new Database();
        database.sqlState = "53300";
        DatabaseAvailability availability = new DatabaseAvailability();
        try (AvailabilityReportingDataSource dataSource = new AvailabilityReportingDataSource(database, availability)) {
            database.down.set(true);
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLException.class);
            assertThat(availability.available()).isTrue();
        }
    }

    /** A database that refuses connections with the given SQLSTATE while it is down. */
    private static final class Database implements DataSource {
        final AtomicBoolean down = new AtomicBoolean();
        String sqlState = "08001";

        @Override
        public Connection getConnection() throws SQLException {
            if (down.get()) {
                throw new SQLException("Connection refused", sqlState);
            }
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, arguments) -> null);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
