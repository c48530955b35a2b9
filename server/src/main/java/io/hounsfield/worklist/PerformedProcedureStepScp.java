package io.hounsfield.worklist;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.dimse.Dimse;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.NRequest;
import io.hounsfield.dicom.net.service.NResponse;
import io.hounsfield.dicom.net.service.NService;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.equipment.DicomPeerRegistry;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.scp.DicomServiceProvider;
import io.hounsfield.system.Failure;
import io.hounsfield.system.UidGenerator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Modality Performed Procedure Step SCP (PS3.4 Annex F; IHE RAD-6/RAD-7; DOMAIN.md WF-10 to WF-13):
 * N-CREATE in IN PROGRESS starts the exam, N-SET to COMPLETED or DISCONTINUED ends it; a step that has
 * ended may not be changed again.
 */
@Component
class PerformedProcedureStepScp implements NService, DicomServiceProvider {

    private final PerformedProcedureSteps steps;
    private final PerformedStepWorkflow workflow;
    private final DicomPeerRegistry peers;
    private final AuditService audit;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;

    PerformedProcedureStepScp(PerformedProcedureSteps steps, PerformedStepWorkflow workflow, DicomPeerRegistry peers,
            AuditService audit, TransactionTemplate transaction, ApplicationEventPublisher events) {
        this.steps = steps;
        this.workflow = workflow;
        this.peers = peers;
        this.audit = audit;
        this.transaction = transaction;
        this.events = events;
    }

    @Override
    public void register(ServiceRegistry services) {
        services.normalized(Uids.ModalityPerformedProcedureStep, this);
    }

    @Override
    public NResponse handle(NRequest request, Attributes dataset) {
        String caller = request.association().callingAeTitle().strip();
        Actor actor = new Actor(caller, "DICOM", request.association().remoteAddress().getAddress().getHostAddress());
        if (peers.find(caller).filter(peer -> peer.may(PeerPermission.MPPS)).isEmpty()) {
            audit.record(actor, AuditEntry.failure("MPPS_REFUSED", "MPPS", request.sopInstanceUid(), "not allowed MPPS"));
            return NResponse.of(Failure.NOT_AUTHORIZED.dimseStatus());
        }
        Attributes received = dataset == null ? new Attributes() : dataset;
        if (request.dimse() == Dimse.N_CREATE_RQ) {
            return transaction.execute(status -> create(request, received, actor));
        }
        if (request.dimse() == Dimse.N_SET_RQ) {
            return transaction.execute(status -> set(request.sopInstanceUid(), received, actor));
        }
        return NResponse.of(Failure.UNSUPPORTED_OPERATION.dimseStatus());
    }

    private NResponse create(NRequest request, Attributes dataset, Actor actor) {
        if (!"IN PROGRESS".equals(dataset.getString(Tags.PerformedProcedureStepStatus))) {
            return NResponse.of(Failure.INVALID_VALUE.dimseStatus());
        }
        String uid = request.sopInstanceUid() == null || request.sopInstanceUid().isBlank()
                ? UidGenerator.newUid() : request.sopInstanceUid();
        Long examId = workflow.examFor(dataset).orElse(null);
        if (!steps.insert(uid, examId, actor.name(), dataset)) {
            return NResponse.of(Failure.DUPLICATE.dimseStatus());
        }
        workflow.started(examId, uid, actor);
        return new NResponse(Status.SUCCESS, null, uid);
    }

    private NResponse set(String uid, Attributes modifications, Actor actor) {
        var step = steps.findForUpdate(uid);
        if (step.isEmpty()) {
            return NResponse.of(Failure.NOT_FOUND.dimseStatus());
        }
        if (!step.get().status().equals("IN PROGRESS")) {
            // Error ID C310: "Performed Procedure Step Object may no longer be updated" (PS3.4 §F.7.2.2)
            audit.record(actor, AuditEntry.failure("MPPS_UPDATE_REFUSED", "MPPS", uid, "step is " + step.get().status()));
            return NResponse.of(Failure.STATE_CONFLICT.dimseStatus());
        }
        Attributes merged = step.get().dataset();
        for (int index = 0; index < modifications.size(); index++) {
            merged.setValue(modifications.tagAt(index), modifications.vrAt(index), modifications.valueAt(index));
        }
        String status = merged.getString(Tags.PerformedProcedureStepStatus);
        boolean ended = "COMPLETED".equals(status) || "DISCONTINUED".equals(status);
        if (!ended && !"IN PROGRESS".equals(status)) {
            return NResponse.of(Failure.INVALID_VALUE.dimseStatus());
        }
        if (ended && (blank(merged.getString(Tags.PerformedProcedureStepEndDate))
                || blank(merged.getString(Tags.PerformedProcedureStepEndTime)))) {
            return NResponse.of(Failure.MISSING_VALUE.dimseStatus());
        }
        String reason = "DISCONTINUED".equals(status) ? discontinuationReason(merged) : null;
        Sequence series = merged.getSequence(Tags.PerformedSeriesSequence);
        steps.update(uid, status, reason, series == null ? 0 : series.size(), merged);
        if (ended) {
            workflow.ended(step.get().examId(), uid, "COMPLETED".equals(status), reason, actor);
            events.publishEvent(new PerformedStepEnded(step.get().examId(), uid, "COMPLETED".equals(status),
                    actor.name(), merged));
        }
        return NResponse.of(Status.SUCCESS);
    }

    /** CID 9301 code meaning, or its code value, from the Discontinuation Reason Code Sequence. */
    private static String discontinuationReason(Attributes step) {
        Sequence reasons = step.getSequence(Tags.PerformedProcedureStepDiscontinuationReasonCodeSequence);
        if (reasons == null || reasons.isEmpty()) {
            return "no reason given";
        }
        Attributes code = reasons.get(0);
        String meaning = code.getString(Tags.CodeMeaning);
        return blank(meaning) ? code.getString(Tags.CodeValue) : meaning;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
