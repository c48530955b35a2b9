package io.hounsfield.system;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs PostgreSQL inside the data directory when no {@code spring.datasource.url} is configured, so that a fresh
 * machine with only a JDK runs the real database. Its cluster survives restarts. It takes a password from everyone
 * (see {@link ClusterLockdown}); the migrations run as the owner, the application as {@value
 * DatabaseRoles#APPLICATION}, which cannot change the schema or the audit trail (see {@link DatabaseRoles}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    /** Long enough for a connection under load, short enough to answer "unavailable" quickly while it is away. */
    private static final long CONNECTION_TIMEOUT_MILLIS = 2000;

    @Bean
    DatabaseCredentials databaseCredentials(DataDirectory dataDirectory) throws IOException {
        return DatabaseCredentials.loadOrCreate(dataDirectory.root());
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DataDirectory dataDirectory, DatabaseCredentials credentials,
            DatabaseAvailability availability, ApplicationEventPublisher events) throws IOException, SQLException {
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, credentials, availability, events);
        try {
            DatabaseRoles.ensureApplicationRole(database.ownerDataSource("postgres"), EmbeddedDatabase.DATABASE,
                    credentials.applicationPassword());
            try (Connection owner = database.ownerDataSource(EmbeddedDatabase.DATABASE).getConnection()) {
                DatabaseRoles.restrictSchema(owner);
            }
            return database;
        } catch (SQLException | RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database, DatabaseCredentials credentials,
            DatabaseAvailability availability) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("embedded-postgres");
        pool.setJdbcUrl(database.jdbcUrl(EmbeddedDatabase.DATABASE));
        pool.setUsername(DatabaseRoles.APPLICATION);
        pool.setPassword(credentials.applicationPassword());
        pool.setMaximumPoolSize(20);
        pool.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        return new AvailabilityReportingDataSource(pool, availability);
    }

    /** The migrations run as the owner of the schema, not as the application. */
    @Bean
    FlywayConfigurationCustomizer migrateAsOwner(EmbeddedDatabase database) {
        return configuration -> configuration.dataSource(database.ownerDataSource(EmbeddedDatabase.DATABASE));
    }

    /** After the migrations, the application may use what they created, and no more. */
    @Bean
    FlywayMigrationStrategy migrateThenGrant(EmbeddedDatabase database) {
        return flyway -> {
            flyway.migrate();
            try (Connection owner = database.ownerDataSource(EmbeddedDatabase.DATABASE).getConnection()) {
                DatabaseRoles.grantTables(owner);
            } catch (SQLException e) {
                throw new IllegalStateException("could not grant the application role its tables", e);
            }
        };
    }
}
