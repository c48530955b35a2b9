package io.hounsfield.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The disk's own speed for what an archive must at least do per image: write the same bytes to a new file and
 * fsync it, in THREADS threads at once (the files are read into memory first). Prints
 * {@code IMAGES_PER_S MB_PER_S}. Usage: {@code RawDisk SOURCE_DIR TARGET_DIR THREADS}.
 */
public final class RawDisk {
    private RawDisk() {
    }

    public static void main(String[] arguments) throws Exception {
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(Path.of(arguments[0]))) {
            for (Path path : paths.sorted().toList()) {
                files.add(Files.readAllBytes(path));
            }
        }
        Path target = Files.createDirectories(Path.of(arguments[1]));
        int threads = Integer.parseInt(arguments[2]);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> writers = new ArrayList<>();
        for (int lane = 0; lane < threads; lane++) {
            int first = lane;
            writers.add(pool.submit(() -> {
                for (int index = first; index < files.size(); index += threads) {
                    write(target.resolve("raw" + index + ".dcm"), files.get(index));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = files.stream().mapToLong(file -> file.length).sum();
        System.out.printf("%.1f %.1f%n", files.size() / seconds, bytes / 1e6 / seconds);
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
