package io.hounsfield.system;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of the embedded PostgreSQL's two roles: the owner ({@code postgres}, superuser, used for migrations
 * and role upkeep only) and the application's ({@code hounsfield_app}). Made at random at the first start and kept
 * in the data directory in a file only its owner may read (0600).
 *
 * @param created true when this start made them (the cluster must then learn the owner's)
 */
record DatabaseCredentials(String ownerPassword, String applicationPassword, boolean created) {

    static final String FILE = "database-passwords.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    static DatabaseCredentials loadOrCreate(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        if (Files.exists(file)) {
            DataDirectory.restrictToOwner(file);
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
            String owner = properties.getProperty("owner", "");
            String application = properties.getProperty("application", "");
            if (!owner.isEmpty() && !application.isEmpty()) {
                return new DatabaseCredentials(owner, application, false);
            }
        }
        DatabaseCredentials fresh = new DatabaseCredentials(randomPassword(), randomPassword(), true);
        fresh.write(file);
        return fresh;
    }

    private void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("owner", ownerPassword);
        properties.setProperty("application", applicationPassword);
        Path partial = file.resolveSibling(FILE + ".part");
        Files.deleteIfExists(partial);
        try (FileChannel channel = FileChannel.open(partial, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), DataDirectory.ownerOnlyFile())) {
            OutputStream out = Channels.newOutputStream(channel);
            properties.store(out, "Passwords of the embedded PostgreSQL, made at the first start; keep this file secret");
            out.flush();
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** 32 random bytes in URL-safe Base64: nothing that needs quoting in SQL or a connection string. */
    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[hidden]";
    }
}
