package io.hounsfield.staff.records;

import io.hounsfield.staff.StaffProperties;
import io.hounsfield.system.DataDirectory;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Scans of cards, certificates and licences under {@code <data-dir>/staff-documents/}, one file per document, written
 * to a temporary name, fsync'ed, renamed into place and the directory fsync'ed, as the archive's file store does, so
 * that a document the page says is kept survives a crash. Only PDF, PNG and JPEG are taken, known by their first bytes
 * (PDF 1.7 §7.5.2 header "%PDF-"; PNG signature, ISO/IEC 15948 §5.2; JPEG SOI marker FFD8 then a marker, ITU T.81
 * §B.1.1.3), never by the name or the type the browser sent.
 */
@Component
public class DocumentStore {

    public record Stored(String key, String contentType, long size, String sha256) {}

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final Path root;
    private final long maxBytes;

    DocumentStore(DataDirectory dataDirectory, StaffProperties properties) {
        this.root = dataDirectory.root().resolve("staff-documents");
        this.maxBytes = properties.maxDocumentSize().toBytes();
        try {
            Files.createDirectories(root, DataDirectory.ownerOnlyDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content type of these first bytes, or none when they are not a PDF, PNG or JPEG. */
    static String contentType(byte[] content) {
        if (startsWith(content, PDF)) {
            return "application/pdf";
        }
        if (startsWith(content, PNG)) {
            return "image/png";
        }
        return startsWith(content, JPEG) ? "image/jpeg" : null;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Checks the content and keeps it; refused with the reason when it is empty, too large or not PDF, PNG, JPEG. */
    public Stored store(long staffId, byte[] content) {
        if (content.length == 0) {
            throw refused("The file is empty.");
        }
        if (content.length > maxBytes) {
            throw refused("The file is " + megabytes(content.length) + "; the largest accepted is "
                    + megabytes(maxBytes) + ".");
        }
        String type = contentType(content);
        if (type == null) {
            throw new HounsfieldException(Failure.UNSUPPORTED,
                    "Only PDF, PNG and JPEG files are accepted, and this file is none of them.");
        }
        String key = staffId + "/" + UUID.randomUUID() + extension(type);
        try {
            write(root.resolve(key), content);
        } catch (IOException e) {
            throw new UncheckedIOException("the document could not be written under " + root, e);
        }
        return new Stored(key, type, content.length, sha256(content));
    }

    public InputStream open(String key) throws IOException {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IOException("not a document key: " + key);
        }
        return Files.newInputStream(file);
    }

    private static void write(Path target, byte[] content) throws IOException {
        Path directory = target.getParent();
        boolean created = !Files.isDirectory(directory);
        Files.createDirectories(directory, DataDirectory.ownerOnlyDirectory());
        Path temporary = Files.createTempFile(directory, ".upload", ".part", DataDirectory.ownerOnlyFile());
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        force(directory);
        if (created) {
            force(directory.getParent());
        }
    }

    private static void force(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private static String extension(String type) {
        return switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static HounsfieldException refused(String message) {
        return new HounsfieldException(Failure.INVALID_INPUT, message);
    }
}
