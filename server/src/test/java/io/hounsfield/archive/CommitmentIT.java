package io.hounsfield.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.DicomClient;
import io.hounsfield.dicom.net.DicomServer;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.service.DicomInstance;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.dicom.tool.StorageCommitmentScu;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.scp.DicomListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Storage Commitment Push Model: the N-EVENT-REPORT commits what is stored and names what is not. */
@HounsfieldIntegrationTest
class CommitmentIT {
    @Autowired
    DicomListener listener;

    @Autowired
    DicomPeerRegistry peers;

    @TempDir
    Path work;

    private final BlockingQueue<StorageCommitmentScu.Report> reports = new LinkedBlockingQueue<>();

    @Test
    void storedInstancesAreCommittedAndMissingOnesFail() throws Exception {
        TestStudies.Study study = TestStudies.Study.of("COM-1", "COMMIT^ME", "COMACC1", "20250501");
        List<DicomInstance> stored = new ArrayList<>();
        for (Path file : TestStudies.write(work, study, 1, 2, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)) {
            stored.add(DicomInstance.ofFile(file));
        }
        try (Association association = connect("CT1")) {
            for (DicomInstance instance : stored) {
                assertThat(new Scu(association).store(instance)).isZero();
            }
            List<DicomInstance> requested = new ArrayList<>(stored);
            requested.add(new DicomInstance(Uids.CTImageStorage, TestStudies.newUid(), Uids.ExplicitVRLittleEndian,
                    null));
            requested.add(new DicomInstance(Uids.MRImageStorage, stored.get(0).sopInstanceUid(),
                    Uids.ExplicitVRLittleEndian, null));
            // Two values, the first a stored instance's: not that instance (issue 13.1).
            requested.add(new DicomInstance(Uids.CTImageStorage, stored.get(0).sopInstanceUid() + "\\9",
                    Uids.ExplicitVRLittleEndian, null));

            StorageCommitmentScu.Report all = commit(association, stored, "2.25.1001");
            StorageCommitmentScu.Report some = commit(association, requested, "2.25.1002");
            association.release();

            assertThat(all.eventTypeId()).isEqualTo(1);
            assertThat(all.committed()).isEqualTo(2);
            assertThat(all.failed()).isZero();
            assertThat(some.eventTypeId()).isEqualTo(2);
            assertThat(some.committed()).isEqualTo(2);
            assertThat(some.information().getSequence(Tags.FailedSOPSequence).items())
                    .extracting(item -> item.getInt(Tags.FailureReason, 0)).containsExactly(0x0112, 0x0119, 0x0112);
        }
    }

    @Test
    void whenTheModalityHasReleasedTheResultComesOnANewAssociationItAccepts() throws Exception {
        ServiceRegistry services = new ServiceRegistry().normalized(Uids.StorageCommitmentPushModel,
                StorageCommitmentScu.receiver(reports));
        try (DicomServer modality = DicomServer.start(ApplicationEntity.of("CT9", services), "127.0.0.1", 0)) {
            peers.save(new DicomPeer("CT9", "commitment on a new association", "127.0.0.1", modality.port(), "CT",
                    null, Set.of(PeerPermission.STORE, PeerPermission.COMMIT), true));
            TestStudies.Study study = TestStudies.Study.of("COM-2", "COMMIT^LATER", "COMACC2", "20250502");
            DicomInstance instance = DicomInstance.ofFile(TestStudies.write(work, study, 1, 1,
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).get(0));
            PresentationContexts contexts = new PresentationContexts()
                    .addStorage(Uids.CTImageStorage, Uids.ExplicitVRLittleEndian)
                    .add(Uids.StorageCommitmentPushModel, Uids.ExplicitVRLittleEndian);
            // The requesting association takes no report: it is released at once, or refuses one sent on it.
            try (Association association = new DicomClient(ApplicationEntity.of("CT9", new ServiceRegistry()))
                    .connect("127.0.0.1", listener.port(), "HOUNSFIELD", contexts)) {
                assertThat(new Scu(association).store(instance)).isZero();
                assertThat(new Scu(association).nAction(Uids.StorageCommitmentPushModel,
                        Uids.StorageCommitmentPushModelInstance, 1,
                        StorageCommitmentScu.actionInformation(List.of(instance), "2.25.1004")).status()).isZero();
                association.release();
            }

            StorageCommitmentScu.Report report = reports.poll(30, TimeUnit.SECONDS);
            assertThat(report).as("report on a new association").isNotNull();
            assertThat(report.information().getString(Tags.TransactionUID)).isEqualTo("2.25.1004");
            assertThat(report.eventTypeId()).isEqualTo(1);
            assertThat(report.committed()).isEqualTo(1);
        }
    }

    @Test
    void aPeerWithoutCommitPermissionIsRefused() throws Exception {
        try (Association association = connect("VIEWER")) {
            Scu.NResult result = new Scu(association).nAction(Uids.StorageCommitmentPushModel,
                    Uids.StorageCommitmentPushModelInstance, 1,
                    StorageCommitmentScu.actionInformation(List.of(), "2.25.1003"));
            association.release();
            assertThat(result.status()).isEqualTo(0x0124);
        }
    }

    /** PS3.7 §10.1.4.1.10: a request without its Transaction UID is an Invalid Argument Value (0115), not 0120. */
    @Test
    void aRequestWithoutTransactionUidIsAnInvalidArgument() throws Exception {
        try (Association association = connect("CT1")) {
            Scu.NResult result = new Scu(association).nAction(Uids.StorageCommitmentPushModel,
                    Uids.StorageCommitmentPushModelInstance, 1, StorageCommitmentScu.actionInformation(List.of(), ""));
            association.release();
            assertThat(result.status()).isEqualTo(0x0115);
        }
    }

    private StorageCommitmentScu.Report commit(Association association, List<DicomInstance> instances,
            String transactionUid) throws Exception {
        Scu.NResult result = new Scu(association).nAction(Uids.StorageCommitmentPushModel,
                Uids.StorageCommitmentPushModelInstance, 1,
                StorageCommitmentScu.actionInformation(instances, transactionUid));
        assertThat(result.status()).isZero();
        StorageCommitmentScu.Report report = reports.poll(30, TimeUnit.SECONDS);
        assertThat(report).isNotNull();
        Attributes information = report.information();
        assertThat(information.getString(Tags.TransactionUID)).isEqualTo(transactionUid);
        return report;
    }

    private Association connect(String callingAeTitle) throws Exception {
        ServiceRegistry services = new ServiceRegistry().normalized(Uids.StorageCommitmentPushModel,
                StorageCommitmentScu.receiver(reports));
        PresentationContexts contexts = new PresentationContexts()
                .addStorage(Uids.CTImageStorage, Uids.ExplicitVRLittleEndian)
                .add(Uids.StorageCommitmentPushModel, Uids.ExplicitVRLittleEndian);
        return new DicomClient(ApplicationEntity.of(callingAeTitle, services))
                .connect("127.0.0.1", listener.port(), "HOUNSFIELD", contexts);
    }
}
