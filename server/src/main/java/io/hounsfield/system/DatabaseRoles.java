package io.hounsfield.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The roles of the embedded database. The owner ({@code postgres}) owns every table and runs the migrations; the
 * application connects as {@value #APPLICATION}, which may read and write rows but owns nothing, so it can neither
 * alter nor drop a table or trigger. Of the append-only tables it may only read and insert: the audit trail stays
 * what it was even if the application is taken over. Applied at every start, so an older cluster is brought up to
 * date and tables of future migrations are granted too (besides the default privileges).
 */
final class DatabaseRoles {

    static final String OWNER = "postgres";
    static final String APPLICATION = "hounsfield_app";
    /** Rows here are never changed or removed by the application; a migration adding such a table adds it here. */
    static final List<String> APPEND_ONLY = List.of("audit_event", "audit_patient_seen", "flyway_schema_history");

    private DatabaseRoles() {}

    /** Before the migrations, connected as the owner to the maintenance database. */
    static void ensureApplicationRole(DataSource maintenance, String database, String password) throws SQLException {
        try (Connection connection = maintenance.getConnection(); Statement statement = connection.createStatement()) {
            if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").next()) {
                statement.execute("CREATE DATABASE " + database + " ENCODING 'UTF8'");
            }
            if (!statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + APPLICATION + "'").next()) {
                statement.execute("CREATE ROLE " + APPLICATION);
            }
            statement.execute("ALTER ROLE " + APPLICATION + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE"
                    + " NOREPLICATION NOBYPASSRLS INHERIT PASSWORD '" + password + "'");
            statement.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            statement.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + APPLICATION);
        }
    }

    /** Before the migrations, connected as the owner to the application's database. */
    static void restrictSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // PostgreSQL 14 lets every role create objects in schema public; only the owner may.
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            statement.execute("GRANT USAGE ON SCHEMA public TO " + APPLICATION);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public"
                    + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + APPLICATION);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + OWNER + " IN SCHEMA public"
                    + " GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO " + APPLICATION);
        }
    }

    /** After the migrations, connected as the owner to the application's database. */
    static void grantTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + APPLICATION);
            statement.execute("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO " + APPLICATION);
            statement.execute("REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM " + APPLICATION);
        }
        for (String table : APPEND_ONLY) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                exists.setString(1, "public." + table);
                var result = exists.executeQuery();
                if (result.next() && result.getBoolean(1)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("REVOKE UPDATE, DELETE ON public." + table + " FROM " + APPLICATION);
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("REVOKE INSERT ON public.flyway_schema_history FROM " + APPLICATION);
        }
    }
}
