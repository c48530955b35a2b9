package io.hounsfield.dicom.tool;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.ElementDictionary;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.AssociationPolicy;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.NetworkOptions;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.dicom.net.service.StoreService;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hounsfield-dicom echo|store|find|move|get|mpps|commit [options] HOST PORT [FILES...]}: the DICOM SCU from
 * the command line. Options: {@code -aet} calling AE (HOUNSFIELD_SCU), {@code -aec} called AE (ANY-SCP),
 * {@code -k Keyword=value} query keys or MPPS attributes, {@code -L} query level (STUDY), {@code -P}/{@code -S}/
 * {@code -W} patient root, study root (default), worklist, {@code -dest AE} move destination, {@code -od DIR} where
 * C-GET stores, {@code -n N} associations for store, {@code -set UID} MPPS N-SET of an existing step, {@code -v} log associations and messages,
 * {@code -wait S} for commit: wait that long for the N-EVENT-REPORT on the same association.
 * Exit status 0 on success, 1 on a DIMSE failure, 2 on a usage or network error.
 */
public final class DicomScuCli {
    private final List<String> positional = new ArrayList<>();
    private final Attributes keys = new Attributes();
    private String command;
    private String callingAe = "HOUNSFIELD_SCU";
    private String calledAe = "ANY-SCP";
    private String level = "STUDY";
    private char model = 'S';
    private String destination;
    private Path outputDir = Path.of(".");
    private int associations = 1;
    private String mppsUid;
    private int waitSeconds;
    private final java.util.concurrent.BlockingQueue<StorageCommitmentScu.Report> reports =
            new java.util.concurrent.LinkedBlockingQueue<>();

    public static void main(String[] args) {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        int status;
        try {
            status = new DicomScuCli().run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("usage: hounsfield-dicom echo|store|find|move|get|mpps|commit [options] HOST PORT [FILES]");
            System.err.println(e.getMessage());
            status = 2;
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    /** Runs a command; returns the exit status. */
    public int run(String[] args, PrintStream out) throws IOException {
        parse(args);
        if (positional.size() < 2) {
            throw new IllegalArgumentException("HOST and PORT are required");
        }
        String host = positional.get(0);
        int port = Integer.parseInt(positional.get(1));
        List<Path> files = positional.subList(2, positional.size()).stream().map(Path::of).toList();
        DicomClient client = new DicomClient(new ApplicationEntity(callingAe, receiver(),
                AssociationPolicy.calledAeTitle(callingAe), NetworkOptions.DEFAULT));
        return switch (command) {
            case "echo" -> echo(client, host, port, out);
            case "store" -> store(client, host, port, files, out);
            case "find" -> find(client, host, port, out);
            case "move", "get" -> retrieve(client, host, port, out);
            case "mpps" -> mpps(client, host, port, out);
            case "commit" -> StorageCommitmentScu.request(client, host, port, calledAe, files, out, waitSeconds,
                    reports);
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
    }

    private void parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        command = args[0];
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-aet" -> callingAe = args[++i];
                case "-aec" -> calledAe = args[++i];
                case "-L" -> level = args[++i];
                case "-P", "-S", "-W" -> model = arg.charAt(1);
                case "-dest" -> destination = args[++i];
                case "-od" -> outputDir = Path.of(args[++i]);
                case "-n" -> associations = Integer.parseInt(args[++i]);
                case "-set" -> mppsUid = args[++i];
                case "-wait" -> waitSeconds = Integer.parseInt(args[++i]);
                case "-k" -> key(args[++i]);
                case "-v" -> verbose();
                default -> positional.add(arg);
            }
        }
    }

    /** Logs every association and DIMSE message; without it only warnings. */
    private static void verbose() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        for (var handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.setLevel(java.util.logging.Level.INFO);
        }
    }

    private void key(String assignment) {
        int equals = assignment.indexOf('=');
        String keyword = equals < 0 ? assignment : assignment.substring(0, equals);
        String value = equals < 0 ? "" : assignment.substring(equals + 1);
        int tag = ElementDictionary.tagOf(keyword);
        if (tag == -1) {
            throw new IllegalArgumentException("unknown keyword " + keyword);
        }
        keys.setString(tag, ElementDictionary.vrOf(tag), value);
    }

    /** For C-GET: stores what arrives into the output folder. */
    private ServiceRegistry receiver() {
        StoreService store = (request, dataset) -> {
            Files.createDirectories(outputDir);
            Path file = outputDir.resolve(request.sopInstanceUid() + ".dcm");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                request.writeFile(out, dataset);
            }
            return Status.SUCCESS;
        };
        return new ServiceRegistry().storeAll(store).normalized(Uids.StorageCommitmentPushModel,
                StorageCommitmentScu.receiver(reports));
    }

    private int echo(DicomClient client, String host, int port, PrintStream out) throws IOException {
        PresentationContexts contexts = new PresentationContexts().add(Uids.Verification, Uids.ImplicitVRLittleEndian);
        try (Association association = client.connect(host, port, calledAe, contexts)) {
            int status = new Scu(association).echo();
            out.println("C-ECHO status " + Status.toString(status));
            return Status.isSuccess(status) ? 0 : 1;
        }
    }

    private int store(DicomClient client, String host, int port, List<Path> paths, PrintStream out)
            throws IOException {
        long start = System.nanoTime();
        StoreScu.Result result = StoreScu.send(client, host, port, calledAe, StoreScu.files(paths), associations);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("stored %d, failed %d, %.1f MB in %.2f s%n", result.stored(), result.failed(),
                result.bytes() / 1e6, seconds);
        return result.failed() == 0 ? 0 : 1;
    }

    private String sopClass(String operation) {
        if (model == 'W') {
            return Uids.ModalityWorklistInformationModelFind;
        }
        String prefix = model == 'P' ? "1.2.840.10008.5.1.4.1.2.1." : "1.2.840.10008.5.1.4.1.2.2.";
        return prefix + switch (operation) {
            case "move" -> "2";
            case "get" -> "3";
            default -> "1";
        };
    }

    private int find(DicomClient client, String host, int port, PrintStream out) throws IOException {
        String sopClassUid = sopClass("find");
        if (model != 'W' && !keys.contains(Tags.QueryRetrieveLevel)) {
            keys.setString(Tags.QueryRetrieveLevel, VR.CS, level);
        }
        PresentationContexts contexts = new PresentationContexts().add(sopClassUid, Uids.ExplicitVRLittleEndian,
                Uids.ImplicitVRLittleEndian);
        try (Association association = client.connect(host, port, calledAe, contexts)) {
            int[] count = {0};
            int status = new Scu(association).find(sopClassUid, keys, match -> {
                out.println("# match " + ++count[0]);
                StringBuilder text = new StringBuilder();
                DumpFormat.elements(text, match, 0);
                out.print(text);
                return true;
            });
            out.println("C-FIND status " + Status.toString(status) + ", " + count[0] + " matches");
            return Status.isSuccess(status) ? 0 : 1;
        }
    }

    private int retrieve(DicomClient client, String host, int port, PrintStream out) throws IOException {
        boolean move = command.equals("move");
        String sopClassUid = sopClass(command);
        keys.setString(Tags.QueryRetrieveLevel, VR.CS, level);
        PresentationContexts contexts = new PresentationContexts().add(sopClassUid, Uids.ExplicitVRLittleEndian,
                Uids.ImplicitVRLittleEndian);
        if (!move) {
            for (String storage : GetStorageClasses.forRetrieve(client, host, port, calledAe, sopClass("find"),
                    level, keys)) {
                contexts.add(storage, Uids.ExplicitVRLittleEndian, Uids.ImplicitVRLittleEndian).scpRole(storage);
            }
        }
        try (Association association = client.connect(host, port, calledAe, contexts)) {
            Scu scu = new Scu(association);
            Scu.RetrieveResult result = move ? scu.move(sopClassUid, destination, keys) : scu.get(sopClassUid, keys);
            out.printf("C-%s status %s: %d completed, %d failed, %d warning%n", move ? "MOVE" : "GET",
                    Status.toString(result.status()), result.completed(), result.failed(), result.warning());
            return Status.isSuccess(result.status()) ? 0 : 1;
        }
    }

    private int mpps(DicomClient client, String host, int port, PrintStream out) throws IOException {
        String sopClassUid = Uids.ModalityPerformedProcedureStep;
        PresentationContexts contexts = new PresentationContexts().add(sopClassUid, Uids.ExplicitVRLittleEndian,
                Uids.ImplicitVRLittleEndian);
        try (Association association = client.connect(host, port, calledAe, contexts)) {
            Scu scu = new Scu(association);
            Scu.NResult result = mppsUid == null ? scu.nCreate(sopClassUid, null, keys)
                    : scu.nSet(sopClassUid, mppsUid, keys);
            String uid = mppsUid != null ? mppsUid : result.command().getString(Tags.AffectedSOPInstanceUID);
            out.println((mppsUid == null ? "N-CREATE" : "N-SET") + " status " + Status.toString(result.status())
                    + ", MPPS " + uid);
            return Status.isSuccess(result.status()) ? 0 : 1;
        }
    }


}
