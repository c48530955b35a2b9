package io.hounsfield.dicom.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The reference implementations the conformance tests compare with: dcmtk's dcmdump and pydicom, both from Debian
 * (packages dcmtk and python3-pydicom). Missing tools fail the tests rather than skip them.
 */
final class ExternalTools {
    static final Path TEST_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    static final Path CHARSET_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/charset_files");
    static final Path DCMDUMP = Path.of("/usr/bin/dcmdump");
    static final Path PYTHON = Path.of("/usr/bin/python3");

    record Result(int exitCode, String out, String err) {
        boolean clean() {
            return exitCode == 0 && !err.contains("E: ");
        }
    }

    private ExternalTools() {
    }

    static void requireTools() {
        assertThat(DCMDUMP).as("dcmdump (Debian package dcmtk)").isExecutable();
        assertThat(PYTHON).as("/usr/bin/python3").isExecutable();
        assertThat(TEST_FILES).as("pydicom test files (Debian package python3-pydicom)").isDirectory();
    }

    /** Every regular file under pydicom's test_files, sorted by path. */
    static List<Path> testFiles() throws IOException {
        return files(TEST_FILES);
    }

    static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    static String relative(Path file) {
        return file.startsWith(TEST_FILES) ? TEST_FILES.relativize(file).toString() : file.getFileName().toString();
    }

    static Result dcmdump(Path file, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(DCMDUMP.toString()));
        command.addAll(List.of(options));
        command.add(file.toString());
        return run(command, null);
    }

    /** pydicom's canonical reading of each file (or "### ERROR ..."), by file. */
    static Map<Path, String> pydicom(List<Path> files) throws IOException, InterruptedException {
        Path script = Files.createTempFile("pydicom_canonical", ".py");
        try (InputStream in = ExternalTools.class.getResourceAsStream("/conformance/pydicom_canonical.py")) {
            Files.write(script, in.readAllBytes());
        }
        StringBuilder input = new StringBuilder();
        files.forEach(file -> input.append(file).append('\n'));
        Result result = run(List.of(PYTHON.toString(), script.toString()), input.toString());
        Files.delete(script);
        assertThat(result.exitCode()).as("pydicom harness: " + result.err()).isZero();
        Map<Path, String> canonical = new HashMap<>();
        Path current = null;
        StringBuilder lines = new StringBuilder();
        for (String line : result.out().split("\n", -1)) {
            if (line.startsWith("### FILE ")) {
                current = Path.of(line.substring(9));
                lines.setLength(0);
            } else if (line.equals("### END")) {
                canonical.put(current, lines.toString());
            } else {
                lines.append(line).append('\n');
            }
        }
        assertThat(canonical).as("pydicom answered for every file").hasSize(files.size());
        return canonical;
    }

    private static Result run(List<String> command, String input) throws IOException, InterruptedException {
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
