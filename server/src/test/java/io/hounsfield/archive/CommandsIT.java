package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.ServerProcess;
import io.hounsfield.dicom.io.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar's {@code import} and {@code verify} commands, as an administrator runs them. */
class CommandsIT {
    private static final TestStudies.Study STUDY = TestStudies.Study.of("CMD-1", "COMMAND^CARL", "CMDACC1",
            "20250902");

    @TempDir
    Path folder;

    @Test
    void importThenVerifyFindsEachKindOfDisagreementAndARunningServerKeepsItsDataDirectory() throws Exception {
        Path dataDir = Path.of("target", "it-data", "commands-" + UUID.randomUUID()).toAbsolutePath();
        List<Path> sent = TestStudies.write(folder.resolve("ct"), STUDY, 2, 3, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Files.writeString(folder.resolve("notes.txt"), "not DICOM");

        ServerProcess.CommandResult imported = ServerProcess.command(dataDir, "import", folder.toString());
        assertThat(imported.exitCode()).as(imported.output()).isEqualTo(1);
        assertThat(imported.output()).contains("Importing 7 files", "7/7 files 100%",
                "6 stored, 0 already stored, 0 skipped, 1 failed", folder.resolve("notes.txt").toString());

        ServerProcess.CommandResult clean = ServerProcess.command(dataDir, "verify");
        assertThat(clean.exitCode()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("6 index rows and 6 instance files checked: store and index agree.");

        Path store = dataDir.resolve("store");
        List<Path> stored;
        try (var files = Files.walk(store)) {
            stored = files.filter(file -> file.toString().endsWith(".dcm")).sorted().toList();
        }
        Files.delete(stored.get(0));
        try (var channel = Files.newByteChannel(stored.get(1), StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(stored.get(1)) / 2);
        }
        Path stray = store.resolve(STUDY.studyUid()).resolve("1.2.3").resolve("1.2.3.4.dcm");
        Files.createDirectories(stray.getParent());
        Files.copy(sent.get(0), stray);
        Files.writeString(store.resolve("incoming").resolve("left-over.part"), "half a store");

        ServerProcess.CommandResult damaged = ServerProcess.command(dataDir, "verify");
        assertThat(damaged.exitCode()).as(damaged.output()).isEqualTo(1);
        assertThat(damaged.output()).contains("4 problems", "index row without its file: 1",
                "file size differs from the index: 1", "instance file without an index row: 1",
                "temporary file of an unfinished store: 1", "incoming/left-over.part");

        try (ServerProcess server = ServerProcess.start(dataDir)) {
            server.awaitHealthy(Duration.ofMinutes(3));
            ServerProcess.CommandResult refused = ServerProcess.command(dataDir, "import", folder.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.output()).contains("is in use by another Hounsfield process");
            assertThat(server.uri("/actuator/health").toURL().openStream().readAllBytes()).asString().contains("UP");
        }
        ServerProcess.CommandResult unknown = ServerProcess.command(dataDir, "frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.output()).contains("Unknown command 'frobnicate'", "import DIR", "verify");
    }
}
