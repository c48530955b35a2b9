package io.hounsfield.dicom.tool;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Dimse;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.NResponse;
import io.hounsfield.dicom.net.service.NService;
import io.hounsfield.dicom.net.service.DicomInstance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Storage Commitment Push Model SCU (PS3.4 Annex J): N-ACTION "Request Storage Commitment" (Action Type ID 1) for the
 * given files, with a new Transaction UID. The result comes as an N-EVENT-REPORT, which this client awaits on the same
 * association when asked to; an SCP that reports on a new association is not listened for.
 */
public final class StorageCommitmentScu {
    private StorageCommitmentScu() {
    }

    /** The Action Information of the request: Transaction UID and the Referenced SOP Sequence (PS3.4 §J.3.2). */
    public static Attributes actionInformation(List<DicomInstance> instances, String transactionUid) {
        Attributes information = new Attributes();
        information.setString(Tags.TransactionUID, VR.UI, transactionUid);
        Sequence references = information.newSequence(Tags.ReferencedSOPSequence);
        for (DicomInstance instance : instances) {
            Attributes item = references.addItem();
            item.setString(Tags.ReferencedSOPClassUID, VR.UI, instance.sopClassUid());
            item.setString(Tags.ReferencedSOPInstanceUID, VR.UI, instance.sopInstanceUid());
        }
        return information;
    }

    /** A Storage Commitment result (PS3.4 §J.3.3): event type 1 all committed, 2 some failed. */
    public record Report(int eventTypeId, Attributes information) {
        public int committed() {
            Sequence references = information.getSequence(Tags.ReferencedSOPSequence);
            return references == null ? 0 : references.size();
        }

        public int failed() {
            Sequence failures = information.getSequence(Tags.FailedSOPSequence);
            return failures == null ? 0 : failures.size();
        }
    }

    /** The SCU side of the N-EVENT-REPORT: hands each report to {@code reports} and answers success. */
    public static NService receiver(BlockingQueue<Report> reports) {
        return (request, dataset) -> {
            if (request.dimse() != Dimse.N_EVENT_REPORT_RQ) {
                return NResponse.of(Status.UNRECOGNIZED_OPERATION);
            }
            reports.add(new Report(request.typeId(), dataset == null ? new Attributes() : dataset));
            return NResponse.of(Status.SUCCESS);
        };
    }

    static int request(DicomClient client, String host, int port, String calledAe, List<Path> paths, PrintStream out,
            int waitSeconds, BlockingQueue<Report> reports) throws IOException {
        List<DicomInstance> instances = new java.util.ArrayList<>();
        for (Path file : StoreScu.files(paths)) {
            instances.add(DicomInstance.ofFile(file));
        }
        String transactionUid = "2.25." + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16)
                .putLong(System.nanoTime()).putLong(System.currentTimeMillis()).array());
        PresentationContexts contexts = new PresentationContexts().add(Uids.StorageCommitmentPushModel,
                Uids.ExplicitVRLittleEndian, Uids.ImplicitVRLittleEndian);
        try (Association association = client.connect(host, port, calledAe, contexts)) {
            Scu.NResult result = new Scu(association).nAction(Uids.StorageCommitmentPushModel,
                    Uids.StorageCommitmentPushModelInstance, 1, actionInformation(instances, transactionUid));
            out.println("N-ACTION status " + Status.toString(result.status()) + ", transaction " + transactionUid
                    + ", " + instances.size() + " instances");
            if (!Status.isSuccess(result.status()) || waitSeconds <= 0) {
                return Status.isSuccess(result.status()) ? 0 : 1;
            }
            return awaitReport(reports, transactionUid, waitSeconds, out);
        }
    }

    private static int awaitReport(BlockingQueue<Report> reports, String transactionUid, int waitSeconds,
            PrintStream out) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        try {
            while (true) {
                Report report = reports.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (report == null) {
                    out.println("no N-EVENT-REPORT within " + waitSeconds + " s");
                    return 1;
                }
                if (transactionUid.equals(report.information().getString(Tags.TransactionUID))) {
                    out.println("N-EVENT-REPORT event type " + report.eventTypeId() + ": " + report.committed()
                            + " committed, " + report.failed() + " failed");
                    return report.failed() == 0 ? 0 : 1;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
