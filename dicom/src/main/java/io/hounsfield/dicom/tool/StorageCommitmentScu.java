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
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.DicomInstance;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Storage Commitment Push Model SCU (PS3.4 Annex J): N-ACTION "Request Storage Commitment" (Action Type ID 1) for the
 * given files, with a new Transaction UID. The result arrives later as an N-EVENT-REPORT, which the SCP may send on
 * another association; this client only reports the N-ACTION status.
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

    static int request(DicomClient client, String host, int port, String calledAe, List<Path> paths, PrintStream out)
            throws IOException {
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
            return Status.isSuccess(result.status()) ? 0 : 1;
        }
    }
}
