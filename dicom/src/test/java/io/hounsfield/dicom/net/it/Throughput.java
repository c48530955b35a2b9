package io.hounsfield.dicom.net.it;

import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.AssociationPolicy;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.DicomServer;
import io.hounsfield.dicom.net.NetworkOptions;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.dicom.net.service.StoreService;
import io.hounsfield.dicom.tool.StoreScu;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Throughput, not a test: N generated 512x512 CT images, our SCU to our SCP over one and four associations, and
 * storescu to storescp on the same files in the same run. Both receivers write each object to a file (no fsync).
 * Run: {@code java -cp dicom/target/classes:dicom/target/test-classes io.hounsfield.dicom.net.it.Throughput DIR [N]}.
 */
public final class Throughput {
    private static boolean warmUp;

    private Throughput() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.setLevel(java.util.logging.Level.WARNING);
        for (var handler : root.getHandlers()) {
            handler.setLevel(java.util.logging.Level.WARNING);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path source = Files.createDirectories(dir.resolve("source"));
        List<Path> files = TestImages.write(source, "PERF", 1, count, 512, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        System.out.printf("%d files, %.1f MB%n", count, bytes / 1e6);
        warmUp = true;
        ours(dir, files.subList(0, Math.min(300, count)), bytes, 2, 65536);
        warmUp = false;
        for (int pdu : new int[] {65536, 16384}) {
            for (int associations : new int[] {1, 4}) {
                ours(dir, files, bytes, associations, pdu);
            }
        }
        dcmtk(dir, source, bytes);
    }

    private static void ours(Path dir, List<Path> files, long bytes, int associations, int pdu) throws Exception {
        Path received = clean(dir.resolve("received-ours"));
        StoreService store = (request, dataset) -> {
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(received.resolve(request.sopInstanceUid())), 64 * 1024)) {
                request.writeFile(out, dataset);
            }
            return Status.SUCCESS;
        };
        NetworkOptions options = NetworkOptions.DEFAULT.withMaxPduLength(pdu);
        ApplicationEntity scp = new ApplicationEntity("HOUNSFIELD", new ServiceRegistry().storeAll(store),
                AssociationPolicy.calledAeTitle("HOUNSFIELD"), options);
        try (DicomServer server = DicomServer.start(scp, "127.0.0.1", 0)) {
            DicomClient client = new DicomClient(new ApplicationEntity("PERFSCU", new ServiceRegistry(),
                    AssociationPolicy.calledAeTitle("PERFSCU"), options));
            long start = System.nanoTime();
            StoreScu.Result result = StoreScu.send(client, "127.0.0.1", server.port(), "HOUNSFIELD", files,
                    associations);
            report("ours -> ours, max PDU " + pdu + ", " + associations + " association(s)", start, result.stored(),
                    bytes);
        }
    }

    private static void dcmtk(Path dir, Path source, long bytes) throws Exception {
        Path received = clean(dir.resolve("received-dcmtk"));
        int port = Peers.freePort();
        Process storescp = Peers.startServer(dir, port, "storescp", "-aet", "STORESCP", "--output-directory",
                received.toString(), String.valueOf(port));
        try {
            long start = System.nanoTime();
            Peers.Run run = Peers.run(dir, "storescu", "-aet", "PERFSCU", "-aec", "STORESCP", "+sd", "127.0.0.1",
                    String.valueOf(port), source.toString());
            long stored;
            try (Stream<Path> listed = Files.list(received)) {
                stored = listed.count();
            }
            report("storescu -> storescp (16384 max PDU, 1 association), exit " + run.exitCode(), start, (int) stored,
                    bytes);
        } finally {
            Peers.stop(storescp);
        }
    }

    private static Path clean(Path folder) throws Exception {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return Files.createDirectories(folder);
    }

    private static void report(String what, long start, int stored, long bytes) {
        if (warmUp) {
            return;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-60s %5d images in %6.2f s: %7.1f images/s, %6.1f MB/s%n", what, stored, seconds,
                stored / seconds, bytes / 1e6 / seconds);
    }
}
