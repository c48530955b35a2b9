package io.hounsfield.system;

import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The web listener, the database and the data directory. */
@Component
class CoreStatus implements StatusContributor {

    private static final long MEGABYTE = 1024 * 1024;

    private final Environment environment;
    private final JdbcClient jdbc;
    private final DataDirectory dataDirectory;

    CoreStatus(Environment environment, JdbcClient jdbc, DataDirectory dataDirectory) {
        this.environment = environment;
        this.jdbc = jdbc;
        this.dataDirectory = dataDirectory;
    }

    @Override
    public List<StatusItem> status() {
        return List.of(web(), database(), storage());
    }

    private StatusItem web() {
        return new StatusItem("HTTP", true, environment.getProperty("server.address", "0.0.0.0") + ":"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080")));
    }

    private StatusItem database() {
        String where = environment.getProperty("spring.datasource.url", "").isEmpty()
                ? "embedded, in " + dataDirectory.postgres()
                : "external";
        try {
            String version = jdbc.sql("SHOW server_version").query(String.class).single();
            return new StatusItem("PostgreSQL", true, version + " (" + where + ")");
        } catch (DataAccessException e) {
            return new StatusItem("PostgreSQL", false, where + ": " + e.getMostSpecificCause().getMessage());
        }
    }

    private StatusItem storage() {
        long free = dataDirectory.root().toFile().getUsableSpace() / MEGABYTE;
        return new StatusItem("Data directory", free > 1024, dataDirectory.root() + " (" + free + " MB free)");
    }
}
