package io.hounsfield.archive.commitment;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditOutcome;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.Association;
import io.hounsfield.dicom.net.PresentationContexts;
import io.hounsfield.dicom.net.Scu;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.NResponse;
import io.hounsfield.equipment.DicomPeer;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.scp.DicomListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Delivers a Storage Commitment result that could not go on the requesting association (the modality released it
 * first): a new association to the peer's address, Hounsfield proposing the SCP role for the Push Model SOP Class
 * (PS3.4 §J.3.3, PS3.7 §D.3.3.4), the N-EVENT-REPORT, release. Tried again after a while when the peer is not
 * reachable; every attempt's outcome is audited.
 */
@Component
class CommitmentReportSender implements DisposableBean {
    private static final System.Logger LOG = System.getLogger(CommitmentReportSender.class.getName());
    private static final List<Duration> RETRIES = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(5));

    private final DicomPeerRegistry peers;
    private final ObjectProvider<DicomListener> listener;
    private final AuditService audit;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "commitment-reports");
        thread.setDaemon(true);
        return thread;
    });

    // The listener is looked up when needed: it is built from the DICOM services, this one among them.
    CommitmentReportSender(DicomPeerRegistry peers, ObjectProvider<DicomListener> listener, AuditService audit) {
        this.peers = peers;
        this.listener = listener;
        this.audit = audit;
    }

    /** Sends {@code report} to {@code aeTitle} on a new association, soon, in the background. */
    void send(String aeTitle, NResponse.EventReport report) {
        executor.execute(() -> attempt(aeTitle, report, 0));
    }

    private void attempt(String aeTitle, NResponse.EventReport report, int retry) {
        String transactionUid = report.information().getString(Tags.TransactionUID);
        DicomPeer peer = peers.find(aeTitle).filter(known -> known.host() != null && known.port() != null).orElse(null);
        if (peer == null) {
            record(aeTitle, transactionUid, AuditOutcome.FAILURE, "the peer has no address to send the report to");
            return;
        }
        try (Association association = listener.getObject().client().connect(peer.host(), peer.port(), peer.aeTitle(),
                new PresentationContexts().add(Uids.StorageCommitmentPushModel, Uids.ExplicitVRLittleEndian,
                        Uids.ImplicitVRLittleEndian).scpRole(Uids.StorageCommitmentPushModel))) {
            int status = new Scu(association).nEventReport(report.sopClassUid(), report.sopInstanceUid(),
                    report.eventTypeId(), report.information()).status();
            association.release();
            record(aeTitle, transactionUid, Status.isSuccess(status) ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                    "on a new association, answered " + Status.toString(status));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "storage commitment report to {0} failed: {1}", aeTitle, e.toString());
            if (retry < RETRIES.size()) {
                executor.schedule(() -> attempt(aeTitle, report, retry + 1), RETRIES.get(retry).toMillis(),
                        TimeUnit.MILLISECONDS);
            } else {
                record(aeTitle, transactionUid, AuditOutcome.FAILURE, "not delivered after " + (retry + 1)
                        + " attempts: " + e.getMessage());
            }
        }
    }

    private void record(String aeTitle, String transactionUid, AuditOutcome outcome, String detail) {
        audit.record(new Actor(aeTitle, "DICOM", null), new AuditEntry("STORAGE_COMMITMENT_REPORTED", "TRANSACTION",
                transactionUid, null, outcome, detail));
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
