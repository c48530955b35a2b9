package io.hounsfield.dicom.net;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.net.dimse.Commands;
import io.hounsfield.dicom.net.dimse.Dimse;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.DicomInstance;
import io.hounsfield.dicom.net.service.GetService;
import io.hounsfield.dicom.net.service.MoveService;
import io.hounsfield.dicom.net.service.QueryRequest;
import io.hounsfield.dicom.net.service.RetrieveService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * C-MOVE and C-GET SCP (PS3.4 §C.4.2, §C.4.3): C-STORE sub-operations to the move destination on a new association,
 * or back on the same association for C-GET, with a pending response after each and C-CANCEL honoured.
 */
final class Retrieval {
    private final Association association;
    private final ServiceDispatcher dispatcher;

    Retrieval(Association association, ServiceDispatcher dispatcher) {
        this.association = association;
        this.dispatcher = dispatcher;
    }

    void retrieve(int contextId, Attributes command, byte[] dataset) throws IOException {
        boolean move = Commands.dimseOf(command) == Dimse.C_MOVE_RQ;
        String sopClassUid = Commands.affectedSopClassUid(command);
        RetrieveService service = move ? association.local.services().service(sopClassUid, MoveService.class)
                : association.local.services().service(sopClassUid, GetService.class);
        if (service == null || dataset == null) {
            dispatcher.respond(contextId, Commands.response(command, 0x0122, false), null);
            return;
        }
        QueryRequest request = dispatcher.queryRequest(command);
        Attributes keys = Datasets.parse(dataset, association.transferSyntax(contextId));
        Optional<MoveService.Destination> destination = move
                ? ((MoveService) service).destination(request) : Optional.empty();
        if (move && destination.isEmpty()) {
            dispatcher.respond(contextId, Commands.response(command, Status.MOVE_DESTINATION_UNKNOWN, false), null);
            return;
        }
        List<DicomInstance> instances = service.retrieve(request, keys);
        ServiceDispatcher.Operation operation = dispatcher.begin(command);
        try {
            if (move) {
                try (Association target = open(destination.get(), instances)) {
                    subOperations(contextId, command, instances, new Scu(target), operation, true);
                }
            } else {
                subOperations(contextId, command, instances, new Scu(association), operation, false);
            }
        } finally {
            association.operations.remove(Commands.messageId(command));
        }
    }

    private Association open(MoveService.Destination destination, List<DicomInstance> instances) throws IOException {
        PresentationContexts contexts = new PresentationContexts();
        for (DicomInstance instance : instances) {
            contexts.addStorage(instance.sopClassUid(), instance.transferSyntaxUid());
        }
        return new DicomClient(association.local).connect(destination.host(), destination.port(),
                destination.aeTitle(), contexts);
    }

    private void subOperations(int contextId, Attributes command, List<DicomInstance> instances, Scu target,
            ServiceDispatcher.Operation operation, boolean move) {
        int completed = 0;
        int failed = 0;
        int warning = 0;
        int remaining = instances.size();
        List<String> failedUids = new ArrayList<>();
        for (DicomInstance instance : instances) {
            if (operation.cancelled() || !association.isOpen()) {
                break;
            }
            int status;
            try {
                status = move ? target.store(instance, association.request().callingAeTitle(),
                        Commands.messageId(command)) : target.store(instance);
            } catch (IOException e) {
                Association.LOG.log(System.Logger.Level.WARNING, "{0}: sub-operation for {1} failed: {2}",
                        association.name(), instance.sopInstanceUid(), e.getMessage());
                status = Status.UNABLE_TO_PROCESS;
            }
            remaining--;
            if (Status.isSuccess(status)) {
                completed++;
            } else if (Status.isWarning(status)) {
                warning++;
            } else {
                failed++;
                failedUids.add(instance.sopInstanceUid());
            }
            if (remaining > 0) {
                dispatcher.respond(contextId, Commands.withSubOperations(
                        Commands.response(command, Status.PENDING, false), remaining, completed, failed, warning), null);
            }
        }
        int status = operation.cancelled() ? Status.CANCEL
                : failed + warning == 0 ? Status.SUCCESS
                : completed + warning == 0 ? Status.SUB_OPERATIONS_FAILED : Status.WARNING_SUB_OPERATIONS;
        // dcmtk's DcmSCU (getscu) does not read a C-GET response's identifier and aborts at release if one came, so
        // the Failed SOP Instance UID List goes with C-MOVE only; for C-GET the failed UIDs are logged.
        boolean identifier = move && !failedUids.isEmpty();
        if (!move && !failedUids.isEmpty()) {
            Association.LOG.log(System.Logger.Level.WARNING, "{0}: C-GET sub-operations failed for {1}",
                    association.name(), String.join(", ", failedUids));
        }
        dispatcher.respond(contextId, Commands.withSubOperations(Commands.response(command, status, identifier),
                operation.cancelled() ? remaining : -1, completed, failed, warning),
                identifier ? Datasets.writer(failedList(failedUids)) : null);
    }

    /** The identifier of a final response with failed sub-operations (PS3.4 §C.4.2.1.4.2, §C.4.3.1.3.2). */
    private static Attributes failedList(List<String> failedUids) {
        Attributes identifier = new Attributes();
        identifier.setString(Tags.FailedSOPInstanceUIDList, VR.UI, failedUids.toArray(String[]::new));
        return identifier;
    }
}
