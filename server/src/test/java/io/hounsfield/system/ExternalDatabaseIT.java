package io.hounsfield.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.Hounsfield;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hounsfield pointed at a PostgreSQL of its own (here a separate, empty server) by
 * {@code spring.datasource.*}: every migration runs on the empty database and no embedded
 * database is started.
 */
class ExternalDatabaseIT {

    @Test
    void migratesAnEmptyExternalDatabase() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "external-db");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir.resolve("external-pg")).setCleanDataDirectory(true).start();
                ConfigurableApplicationContext context = new SpringApplicationBuilder(Hounsfield.class).run(
                        "--server.port=0", "--hounsfield.hl7.port=0", "--hounsfield.dicom.port=0",
                        "--hounsfield.data-dir=" + dataDir.resolve("hounsfield"),
                        "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres")) {

            assertThat(context.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
            JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
            List<String> applied = jdbc.sql(
                            "SELECT script FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                    .query(String.class).list();
            assertThat(applied).containsExactlyElementsOf(migrationScripts());
            assertThat(jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('user_account', 'audit_event')")
                    .query(Integer.class).single()).isEqualTo(2);
            assertThat(Files.exists(dataDir.resolve("hounsfield/pg/PG_VERSION"))).isFalse();
        }
    }

    private static List<String> migrationScripts() throws Exception {
        var resources = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*.sql");
        return java.util.Arrays.stream(resources)
                .map(resource -> resource.getFilename())
                .sorted(java.util.Comparator.comparingInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))))
                .toList();
    }
}
