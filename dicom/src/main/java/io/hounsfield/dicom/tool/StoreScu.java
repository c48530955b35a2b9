package io.hounsfield.dicom.tool;

import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.DicomInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Storage SCU (PS3.4 Annex B): sends files and folders over one or several associations in parallel. */
public final class StoreScu {
    /** What was sent: instances stored, failed, and the size of the files. */
    public record Result(int stored, int failed, long bytes) {
    }

    private StoreScu() {
    }

    /** The DICOM files named, folders walked recursively. */
    public static List<Path> files(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    public static Result send(DicomClient client, String host, int port, String calledAeTitle, List<Path> files,
            int associations) throws IOException {
        List<DicomInstance> instances = new ArrayList<>();
        long size = 0;
        for (Path file : files) {
            instances.add(DicomInstance.ofFile(file));
            size += Files.size(file);
        }
        int count = Math.max(1, Math.min(associations, instances.size()));
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(count);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int part = 0; part < count; part++) {
                List<DicomInstance> share = new ArrayList<>();
                for (int i = part; i < instances.size(); i += count) {
                    share.add(instances.get(i));
                }
                futures.add(executor.submit(() -> {
                    sendOne(client, host, port, calledAeTitle, share, stored, failed);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
        return new Result(stored.get(), failed.get(), size);
    }

    private static void sendOne(DicomClient client, String host, int port, String calledAeTitle,
            List<DicomInstance> instances, AtomicInteger stored, AtomicInteger failed)
            throws IOException {
        PresentationContexts contexts = new PresentationContexts();
        instances.forEach(instance -> contexts.addStorage(instance.sopClassUid(), instance.transferSyntaxUid()));
        try (Association association = client.connect(host, port, calledAeTitle, contexts)) {
            Scu scu = new Scu(association);
            for (DicomInstance instance : instances) {
                int status = scu.store(instance);
                if (Status.isSuccess(status) || Status.isWarning(status)) {
                    stored.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    System.err.println("C-STORE " + instance.sopInstanceUid() + ": status " + Status.toString(status));
                }
            }
        }
    }
}
