package io.hounsfield.bench;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.PersonName;
import io.hounsfield.dicom.data.Tag;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.DicomWriter;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.io.WriteOptions;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.DicomInstance;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills an archive with studies of one tiny CT instance each (no pixel data), patient IDs {@code POP<n>} for n in
 * [FROM, TO), sent with C-STORE over ASSOCIATIONS associations at once. Prints seconds and instances per second;
 * exits 1 if any store failed. Usage: {@code Populate HOST PORT CALLED_AE CALLING_AE FROM TO ASSOCIATIONS}.
 */
public final class Populate {
    private Populate() {
    }

    public static void main(String[] arguments) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        String host = arguments[0];
        int port = Integer.parseInt(arguments[1]);
        String called = arguments[2];
        DicomClient client = new DicomClient(ApplicationEntity.of(arguments[3], new ServiceRegistry()));
        int from = Integer.parseInt(arguments[4]);
        int to = Integer.parseInt(arguments[5]);
        int associations = Integer.parseInt(arguments[6]);
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(associations);
        long start = System.nanoTime();
        List<Future<?>> senders = new ArrayList<>();
        for (int lane = 0; lane < associations; lane++) {
            int first = from + lane;
            senders.add(pool.submit(() -> send(client, host, port, called, first, to, associations, failed)));
        }
        for (Future<?> sender : senders) {
            sender.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("populated %d studies in %.1f s (%.0f/s), %d failed%n", to - from, seconds,
                (to - from) / seconds, failed.get());
        System.exit(failed.get() == 0 ? 0 : 1);
    }

    private static Void send(DicomClient client, String host, int port, String called, int first, int to, int step,
            AtomicInteger failed) throws IOException {
        PresentationContexts contexts = new PresentationContexts().add(Uids.CTImageStorage, Uids.ExplicitVRLittleEndian);
        Association association = client.connect(host, port, called, contexts);
        try (association) {
            Scu scu = new Scu(association);
            for (int number = first; number < to; number += step) {
                int status = scu.store(instance(number));
                if (!Status.isSuccess(status) && !Status.isWarning(status)) {
                    System.err.println("C-STORE of POP" + number + " failed: " + Status.toString(status));
                    failed.incrementAndGet();
                }
            }
            association.release();
        }
        return null;
    }

    static DicomInstance instance(int number) throws IOException {
        Attributes dataset = new Attributes();
        dataset.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        String sopInstanceUid = BenchUids.next();
        dataset.setString(Tags.SOPClassUID, VR.UI, Uids.CTImageStorage);
        dataset.setString(Tags.SOPInstanceUID, VR.UI, sopInstanceUid);
        dataset.setDate(Tags.StudyDate, LocalDate.of(2020, 1, 1).plusDays(number % 1500));
        dataset.setString(Tags.AccessionNumber, VR.SH, "A" + number);
        dataset.setString(Tags.Modality, VR.CS, "CT");
        dataset.setString(Tags.StudyDescription, VR.LO, "Populated study " + number);
        dataset.setPersonName(Tags.PatientName, PersonName.of("Population", "P" + number));
        dataset.setString(Tags.PatientID, VR.LO, "POP" + number);
        dataset.setDate(Tags.PatientBirthDate, LocalDate.of(1940 + number % 60, 1 + number % 12, 1 + number % 28));
        dataset.setString(Tags.PatientSex, VR.CS, number % 2 == 0 ? "F" : "M");
        dataset.setString(Tags.StudyInstanceUID, VR.UI, BenchUids.next());
        dataset.setString(Tags.SeriesInstanceUID, VR.UI, BenchUids.next());
        dataset.setString(Tags.StudyID, VR.SH, "S" + number);
        dataset.setInts(Tags.SeriesNumber, VR.IS, 1);
        dataset.setInts(Tags.InstanceNumber, VR.IS, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        new DicomWriter(out, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT).writeDataset(dataset);
        byte[] encoded = out.toByteArray();
        return new DicomInstance(Uids.CTImageStorage, sopInstanceUid, Uids.ExplicitVRLittleEndian,
                () -> new ByteArrayInputStream(encoded));
    }
}
