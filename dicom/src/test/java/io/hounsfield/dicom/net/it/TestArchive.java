package io.hounsfield.dicom.net.it;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.ReadOptions;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.DicomInstance;
import io.hounsfield.dicom.net.service.FindService;
import io.hounsfield.dicom.net.service.GetService;
import io.hounsfield.dicom.net.service.MoveService;
import io.hounsfield.dicom.net.service.NResponse;
import io.hounsfield.dicom.net.service.QueryRequest;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.dicom.net.service.StoreService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The test service registry: stores into a folder (temp file, fsync, rename, then success), answers C-FIND at
 * patient/study/series/image level from the stored files and a fixed worklist, C-MOVE/C-GET from the stored files,
 * and keeps MPPS and storage commitment requests.
 */
public final class TestArchive {
    final Path dir;
    final Map<String, MoveService.Destination> destinations = new ConcurrentHashMap<>();
    final Map<String, Attributes> mpps = new ConcurrentHashMap<>();
    final List<Attributes> worklist = new ArrayList<>();
    final List<Attributes> commitments = new ArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger storeFailures = new java.util.concurrent.atomic.AtomicInteger();

    public TestArchive(Path dir) {
        this.dir = dir;
        Attributes item = new Attributes();
        item.setString(Tags.PatientName, VR.PN, "WORK^LIST");
        item.setString(Tags.PatientID, VR.LO, "WL1");
        item.setString(Tags.AccessionNumber, VR.SH, "A100");
        Attributes step = item.newSequence(Tags.ScheduledProcedureStepSequence).addItem();
        step.setString(Tags.Modality, VR.CS, "CT");
        step.setString(Tags.ScheduledStationAETitle, VR.AE, "CT1");
        step.setString(Tags.ScheduledProcedureStepStartDate, VR.DA, "20260101");
        worklist.add(item);
    }

    public ServiceRegistry registry() {
        StoreService store = this::store;
        ServiceRegistry registry = new ServiceRegistry().echo(new io.hounsfield.dicom.net.service.EchoService() { })
                .storeAll(store);
        FindService find = this::find;
        registry.find(Uids.PatientRootQueryRetrieveInformationModelFind, find)
                .find(Uids.StudyRootQueryRetrieveInformationModelFind, find)
                .find(Uids.ModalityWorklistInformationModelFind, this::findWorklist);
        Mover mover = new Mover();
        registry.move(Uids.PatientRootQueryRetrieveInformationModelMove, mover)
                .move(Uids.StudyRootQueryRetrieveInformationModelMove, mover)
                .get(Uids.PatientRootQueryRetrieveInformationModelGet, mover)
                .get(Uids.StudyRootQueryRetrieveInformationModelGet, mover);
        registry.normalized(Uids.ModalityPerformedProcedureStep, (request, dataset) -> {
            String uid = request.sopInstanceUid() != null ? request.sopInstanceUid() : "2.25." + System.nanoTime();
            mpps.merge(uid, dataset, (old, update) -> {
                for (int i = 0; i < update.size(); i++) {
                    old.setValue(update.tagAt(i), update.vrAt(i), update.valueAt(i));
                }
                return old;
            });
            return new NResponse(Status.SUCCESS, null, uid);
        });
        registry.normalized(Uids.StorageCommitmentPushModel, (request, dataset) -> {
            synchronized (commitments) {
                commitments.add(dataset);
            }
            Attributes result = new Attributes();
            result.setString(Tags.TransactionUID, VR.UI, dataset.getString(Tags.TransactionUID));
            Sequence committed = result.newSequence(Tags.ReferencedSOPSequence);
            for (Attributes reference : dataset.getSequence(Tags.ReferencedSOPSequence)) {
                Attributes item = committed.addItem();
                item.setString(Tags.ReferencedSOPClassUID, VR.UI, reference.getString(Tags.ReferencedSOPClassUID));
                item.setString(Tags.ReferencedSOPInstanceUID, VR.UI, reference.getString(Tags.ReferencedSOPInstanceUID));
            }
            return new NResponse(Status.SUCCESS, null, null, new NResponse.EventReport(
                    Uids.StorageCommitmentPushModel, Uids.StorageCommitmentPushModelInstance, 1, result));
        });
        return registry;
    }

    volatile long storeDelayMillis;

    int store(io.hounsfield.dicom.net.service.StoreRequest request, InputStream dataset) throws IOException {
        if (storeDelayMillis > 0) {
            try {
                Thread.sleep(storeDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Path temp = Files.createTempFile(dir, "receiving", ".part");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel),
                            64 * 1024)) {
                request.writeFile(out, dataset);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, dir.resolve(request.sopInstanceUid() + ".dcm"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return Status.SUCCESS;
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            storeFailures.incrementAndGet();
            throw e;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    List<Attributes> headers() throws IOException {
        List<Attributes> headers = new ArrayList<>();
        for (Path file : files()) {
            headers.add(Part10.read(file, ReadOptions.DEFAULT.withStopAtPixelData(true)).dataset());
        }
        return headers;
    }

    private static int levelKey(String level) {
        return switch (level == null ? "STUDY" : level.strip()) {
            case "PATIENT" -> Tags.PatientID;
            case "SERIES" -> Tags.SeriesInstanceUID;
            case "IMAGE" -> Tags.SOPInstanceUID;
            default -> Tags.StudyInstanceUID;
        };
    }

    private static boolean matches(Attributes keys, Attributes candidate) {
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (tag == Tags.QueryRetrieveLevel || tag == Tags.SpecificCharacterSet || keys.vrAt(i) == VR.SQ) {
                continue;
            }
            String wanted = keys.getString(tag);
            if (wanted == null || wanted.isEmpty() || wanted.equals("*")) {
                continue;
            }
            String value = candidate.getString(tag);
            String pattern = wanted.replace(".", "\\.").replace("*", ".*").replace("?", ".");
            if (value == null || !value.matches(pattern)) {
                return false;
            }
        }
        return true;
    }

    private static Attributes answer(Attributes keys, Attributes source) {
        Attributes match = new Attributes();
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            Object value = source.value(tag);
            if (value != null && keys.vrAt(i) != VR.SQ) {
                match.setValue(tag, source.vr(tag), value);
            } else {
                match.setValue(tag, keys.vrAt(i), keys.valueAt(i));
            }
        }
        return match;
    }

    int find(QueryRequest request, Attributes keys, FindService.Matches matches) throws IOException {
        int unique = levelKey(keys.getString(Tags.QueryRetrieveLevel));
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Attributes header : headers()) {
            if (matches(keys, header) && seen.add(header.getString(unique)) && !matches.add(answer(keys, header))) {
                break;
            }
        }
        return Status.SUCCESS;
    }

    int findWorklist(QueryRequest request, Attributes keys, FindService.Matches matches) throws IOException {
        for (Attributes item : worklist) {
            if (matches(keys, item)) {
                Attributes match = answer(keys, item);
                Sequence steps = item.getSequence(Tags.ScheduledProcedureStepSequence);
                if (keys.contains(Tags.ScheduledProcedureStepSequence)) {
                    match.setValue(Tags.ScheduledProcedureStepSequence, VR.SQ, steps);
                }
                matches.add(match);
            }
        }
        return Status.SUCCESS;
    }

    /** C-MOVE and C-GET from the stored files. */
    final class Mover implements MoveService, GetService {
        @Override
        public List<DicomInstance> retrieve(QueryRequest request, Attributes keys) throws IOException {
            List<DicomInstance> instances = new ArrayList<>();
            for (Path file : files()) {
                Attributes header = Part10.read(file, ReadOptions.DEFAULT.withStopAtPixelData(true)).dataset();
                if (matches(keys, header)) {
                    instances.add(DicomInstance.ofFile(file));
                }
            }
            return instances;
        }

        @Override
        public Optional<Destination> destination(String moveDestination) {
            return Optional.ofNullable(destinations.get(moveDestination));
        }
    }
}
