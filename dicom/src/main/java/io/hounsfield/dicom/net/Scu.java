package io.hounsfield.dicom.net;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.dimse.Commands;
import io.hounsfield.dicom.net.dimse.Dimse;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.DicomInstance;
import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The DIMSE service user operations on an established association (PS3.7 §9.1, §10.1): C-ECHO, C-STORE, C-FIND,
 * C-MOVE, C-GET (with C-CANCEL), and N-CREATE, N-SET, N-GET, N-ACTION, N-EVENT-REPORT.
 */
public final class Scu {
    /**
     * The outcome of a C-MOVE or C-GET: final status, sub-operation counts (PS3.7 §9.1.3.1) and the Failed SOP Instance
     * UID List of the final response's identifier (PS3.4 §C.4.2.1.4.2), empty if none.
     */
    public record RetrieveResult(int status, int completed, int failed, int warning,
            List<String> failedSopInstanceUids) {
        public RetrieveResult {
            failedSopInstanceUids = List.copyOf(failedSopInstanceUids);
        }

        public RetrieveResult(int status, int completed, int failed, int warning) {
            this(status, completed, failed, warning, List.of());
        }
    }

    /** The outcome of a DIMSE-N request: status, response command and data set (or null). */
    public record NResult(int status, Attributes command, Attributes dataset) {
    }

    private final Association association;

    public Scu(Association association) {
        this.association = association;
    }

    public Association association() {
        return association;
    }

    public int echo() throws IOException {
        int contextId = context(Uids.Verification, null);
        Attributes command = Commands.cEchoRq(association.nextMessageId(), Uids.Verification);
        return invoke(contextId, command, null, null).status();
    }

    public int store(DicomInstance instance) throws IOException {
        return store(instance, null, 0);
    }

    /**
     * C-STORE of {@code instance}, as a C-MOVE sub-operation if {@code moveOriginatorAeTitle} is given. Nothing is sent
     * when the peer accepted no transfer syntax the instance can be sent in: the stored one, another native one, or
     * (for encapsulated pixels the toolkit decodes) a native one, the frames decompressed ({@link Decompression}).
     *
     * @throws TransferSyntaxNotAcceptedException in that case
     */
    public int store(DicomInstance instance, String moveOriginatorAeTitle, int moveOriginatorMessageId)
            throws IOException {
        int contextId = context(instance.sopClassUid(), instance.transferSyntaxUid());
        String accepted = association.transferSyntax(contextId);
        DataWriter data = Datasets.writer(instance);
        if (!Datasets.convertible(instance.transferSyntaxUid(), accepted)) {
            Attributes decompressed = Decompression.decompressed(instance, accepted);
            if (decompressed == null) {
                throw new TransferSyntaxNotAcceptedException(instance, accepted);
            }
            data = Datasets.writer(decompressed);
        }
        Attributes command = Commands.cStoreRq(association.nextMessageId(), instance.sopClassUid(),
                instance.sopInstanceUid(), moveOriginatorAeTitle, moveOriginatorMessageId);
        return invoke(contextId, command, data, null).status();
    }

    /**
     * C-FIND: each match goes to {@code matches}; when it returns {@code false} a C-CANCEL is sent. Returns the final
     * status.
     */
    public int find(String sopClassUid, Attributes keys, Predicate<Attributes> matches) throws IOException {
        int contextId = context(sopClassUid, null);
        Attributes command = Commands.request(Dimse.C_FIND_RQ, association.nextMessageId(), sopClassUid, true);
        int messageId = Commands.messageId(command);
        boolean[] cancelled = {false};
        return invoke(contextId, command, Datasets.writer(keys), response -> {
            if (response.dataset() != null && !cancelled[0]) {
                Attributes match = Datasets.parse(response.dataset(), association.transferSyntax(contextId));
                if (!matches.test(match)) {
                    cancelled[0] = true;
                    cancel(contextId, messageId);
                }
            }
        }).status();
    }

    /** C-MOVE of what {@code keys} select to {@code destination}. */
    public RetrieveResult move(String sopClassUid, String destination, Attributes keys) throws IOException {
        int contextId = context(sopClassUid, null);
        Attributes command = Commands.cMoveRq(association.nextMessageId(), sopClassUid, destination);
        return retrieveResult(contextId, invoke(contextId, command, Datasets.writer(keys), null));
    }

    /** C-GET: the instances arrive as C-STORE requests served by the local AE's storage service. */
    public RetrieveResult get(String sopClassUid, Attributes keys) throws IOException {
        int contextId = context(sopClassUid, null);
        Attributes command = Commands.request(Dimse.C_GET_RQ, association.nextMessageId(), sopClassUid, true);
        return retrieveResult(contextId, invoke(contextId, command, Datasets.writer(keys), null));
    }

    public void cancel(int contextId, int messageId) throws IOException {
        association.send(contextId, Commands.cCancelRq(messageId), null);
    }

    public NResult nCreate(String sopClassUid, String sopInstanceUid, Attributes attributes) throws IOException {
        return normalized(Dimse.N_CREATE_RQ, sopClassUid, sopInstanceUid, 0, attributes);
    }

    public NResult nSet(String sopClassUid, String sopInstanceUid, Attributes modifications) throws IOException {
        return normalized(Dimse.N_SET_RQ, sopClassUid, sopInstanceUid, 0, modifications);
    }

    public NResult nGet(String sopClassUid, String sopInstanceUid) throws IOException {
        return normalized(Dimse.N_GET_RQ, sopClassUid, sopInstanceUid, 0, null);
    }

    public NResult nAction(String sopClassUid, String sopInstanceUid, int actionTypeId, Attributes information)
            throws IOException {
        return normalized(Dimse.N_ACTION_RQ, sopClassUid, sopInstanceUid, actionTypeId, information);
    }

    public NResult nEventReport(String sopClassUid, String sopInstanceUid, int eventTypeId, Attributes information)
            throws IOException {
        return normalized(Dimse.N_EVENT_REPORT_RQ, sopClassUid, sopInstanceUid, eventTypeId, information);
    }

    private NResult normalized(Dimse dimse, String sopClassUid, String sopInstanceUid, int typeId,
            Attributes dataset) throws IOException {
        int contextId = context(sopClassUid, null);
        Attributes command = Commands.nRequest(dimse, association.nextMessageId(), sopClassUid, sopInstanceUid,
                dataset != null);
        if (dimse == Dimse.N_ACTION_RQ) {
            command.setInts(Tags.ActionTypeID, VR.US, typeId);
        } else if (dimse == Dimse.N_EVENT_REPORT_RQ) {
            command.setInts(Tags.EventTypeID, VR.US, typeId);
        }
        DimseCall.Response response = invoke(contextId, command, dataset == null ? null : Datasets.writer(dataset),
                null);
        Attributes data = response.dataset() == null ? null
                : Datasets.parse(response.dataset(), association.transferSyntax(contextId));
        return new NResult(response.status(), response.command(), data);
    }

    private RetrieveResult retrieveResult(int contextId, DimseCall.Response response) throws IOException {
        Attributes command = response.command();
        List<String> failedUids = List.of();
        if (response.dataset() != null) {
            Attributes identifier = Datasets.parse(response.dataset(), association.transferSyntax(contextId));
            failedUids = List.of(identifier.getStrings(Tags.FailedSOPInstanceUIDList));
        }
        return new RetrieveResult(response.status(), command.getInt(Tags.NumberOfCompletedSuboperations, 0),
                command.getInt(Tags.NumberOfFailedSuboperations, 0), command.getInt(Tags.NumberOfWarningSuboperations, 0),
                failedUids);
    }

    private int context(String sopClassUid, String transferSyntaxUid) throws IOException {
        int contextId = association.contextFor(sopClassUid, transferSyntaxUid);
        if (contextId < 0) {
            throw new IOException("no accepted presentation context for " + sopClassUid);
        }
        return contextId;
    }

    /** Something to do with each pending response. */
    interface PendingHandler {
        void accept(DimseCall.Response response) throws IOException;
    }

    /** Sends a request and waits for its final response, handing pending ones to {@code onPending}. */
    DimseCall.Response invoke(int contextId, Attributes command, DataWriter dataset,
            PendingHandler onPending) throws IOException {
        int messageId = Commands.messageId(command);
        DimseCall call = new DimseCall();
        association.calls.put(messageId, call);
        try {
            association.send(contextId, command, dataset);
            while (true) {
                DimseCall.Response response = call.next(association.local.options().requestTimeout());
                if (!Status.isPending(response.status())) {
                    return response;
                }
                if (onPending != null) {
                    onPending.accept(response);
                }
            }
        } finally {
            association.calls.remove(messageId);
        }
    }
}
