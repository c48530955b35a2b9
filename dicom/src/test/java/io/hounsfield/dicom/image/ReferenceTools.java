package io.hounsfield.dicom.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** pydicom (with numpy) and dcmtk from Debian, the references the image tests compare with; missing ones fail. */
final class ReferenceTools {
    static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    record Result(int exitCode, String out, String err) {
    }

    private ReferenceTools() {
    }

    /** pydicom's test files (top level, {@code *.dcm}), sorted. */
    static List<Path> pydicomFiles() throws IOException {
        assertThat(TEST_FILES).as("pydicom test files (Debian package python3-pydicom)").isDirectory();
        try (Stream<Path> files = Files.list(TEST_FILES)) {
            return files.filter(file -> file.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    /** Runs the python script {@code resource} (from the test resources) with {@code args} and {@code input}. */
    static Result python(String resource, String input, String... args) throws IOException, InterruptedException {
        assertThat(PYTHON).as("/usr/bin/python3").isExecutable();
        Path script = Files.createTempFile("hounsfield", ".py");
        try (InputStream in = ReferenceTools.class.getResourceAsStream(resource)) {
            Files.write(script, in.readAllBytes());
        }
        try {
            List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString(), script.toString()));
            command.addAll(List.of(args));
            Result result = run(command, input);
            assertThat(result.exitCode()).as(resource + ": " + result.err()).isZero();
            return result;
        } finally {
            Files.delete(script);
        }
    }

    static Result run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new Result(process.exitValue(), out.join(), err.join());
    }

    private static String drain(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
