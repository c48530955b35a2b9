package io.hounsfield.dicom.net;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.net.dimse.Commands;
import io.hounsfield.dicom.net.dimse.Dimse;
import io.hounsfield.dicom.net.dimse.FragmentPipe;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.DimseRefusal;
import io.hounsfield.dicom.net.service.EchoService;
import io.hounsfield.dicom.net.service.FindService;
import io.hounsfield.dicom.net.service.NRequest;
import io.hounsfield.dicom.net.service.NResponse;
import io.hounsfield.dicom.net.service.NService;
import io.hounsfield.dicom.net.service.QueryRequest;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.dicom.net.service.StoreRequest;
import io.hounsfield.dicom.net.service.StoreService;
import java.io.IOException;

/**
 * Serves the DIMSE requests received on an association with the local AE's {@link ServiceRegistry} (PS3.7 §9.1,
 * §10.1): C-ECHO, C-STORE (streamed), C-FIND (pending responses, cancel), C-MOVE and C-GET (in {@link Retrieval}),
 * and the DIMSE-N requests. A request whose handler fails gets a failure status; one whose association broke gets
 * no answer.
 */
final class ServiceDispatcher {
    private static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;

    /** A C-FIND, C-MOVE or C-GET in progress, which C-CANCEL stops (PS3.7 §9.3.2.3). */
    static final class Operation {
        private volatile boolean cancelled;

        void cancel() {
            cancelled = true;
        }

        boolean cancelled() {
            return cancelled;
        }
    }

    private final Association association;
    private final ServiceRegistry registry;

    ServiceDispatcher(Association association) {
        this.association = association;
        this.registry = association.local.services();
    }

    void store(int contextId, Attributes command, FragmentPipe pipe) {
        String sopClassUid = Commands.affectedSopClassUid(command);
        StoreService service = registry.service(sopClassUid, StoreService.class);
        int status;
        try (pipe) {
            if (service == null) {
                status = SOP_CLASS_NOT_SUPPORTED;
            } else {
                StoreRequest request = new StoreRequest(association.info(), Commands.messageId(command), sopClassUid,
                        Commands.affectedSopInstanceUid(command), association.transferSyntax(contextId),
                        command.getString(Tags.MoveOriginatorApplicationEntityTitle),
                        command.getInt(Tags.MoveOriginatorMessageID, 0));
                status = service.store(request, pipe);
            }
        } catch (DimseRefusal refusal) {
            Association.LOG.log(System.Logger.Level.INFO, "{0}: C-STORE refused with {1}: {2}", association.name(),
                    Status.toString(refusal.status()), refusal.getMessage());
            respond(contextId, refused(command, refusal), null);
            return;
        } catch (IOException | RuntimeException e) {
            if (!association.isOpen()) {
                Association.LOG.log(System.Logger.Level.WARNING, "{0}: C-STORE broken off: {1}", association.name(),
                        e.getMessage());
                return;
            }
            Association.LOG.log(System.Logger.Level.WARNING, "{0}: C-STORE failed: {1}", association.name(), e.toString());
            status = registry.failureStatus(Dimse.C_STORE_RQ, e);
        }
        respond(contextId, Commands.response(command, status, false), null);
    }

    void request(int contextId, Attributes command, byte[] dataset) {
        Dimse dimse = Commands.dimseOf(command);
        try {
            switch (dimse) {
                case C_ECHO_RQ -> echo(contextId, command);
                case C_FIND_RQ -> find(contextId, command, dataset);
                case C_MOVE_RQ, C_GET_RQ -> new Retrieval(association, this).retrieve(contextId, command, dataset);
                case N_CREATE_RQ, N_SET_RQ, N_GET_RQ, N_ACTION_RQ, N_DELETE_RQ, N_EVENT_REPORT_RQ ->
                        normalized(contextId, command, dataset);
                default -> respond(contextId, Commands.response(command, Status.UNRECOGNIZED_OPERATION, false), null);
            }
        } catch (DimseRefusal refusal) {
            Association.LOG.log(System.Logger.Level.INFO, "{0}: {1} refused with {2}: {3}", association.name(), dimse,
                    Status.toString(refusal.status()), refusal.getMessage());
            respond(contextId, refused(command, refusal), null);
        } catch (IOException | RuntimeException e) {
            Association.LOG.log(System.Logger.Level.WARNING, "{0}: {1} failed: {2}", association.name(), dimse,
                    e.toString());
            if (association.isOpen()) {
                respond(contextId, Commands.response(command, registry.failureStatus(dimse, e), false), null);
            }
        }
    }

    /** The response to a refused request: its status, and its message as Error Comment (0000,0902). */
    private static Attributes refused(Attributes command, DimseRefusal refusal) {
        Attributes response = Commands.response(command, refusal.status(), false);
        String comment = refusal.getMessage() == null ? "" : refusal.getMessage();
        response.setString(Tags.ErrorComment, io.hounsfield.dicom.data.VR.LO,
                comment.substring(0, Math.min(64, comment.length())));
        return response;
    }

    private void echo(int contextId, Attributes command) {
        EchoService service = registry.service(Commands.affectedSopClassUid(command), EchoService.class);
        int status = service == null ? Status.SUCCESS : service.echo(association.info());
        respond(contextId, Commands.response(command, status, false), null);
    }

    private void find(int contextId, Attributes command, byte[] dataset) throws IOException {
        FindService service = registry.service(Commands.affectedSopClassUid(command), FindService.class);
        if (service == null || dataset == null) {
            respond(contextId, Commands.response(command, SOP_CLASS_NOT_SUPPORTED, false), null);
            return;
        }
        Attributes keys = Datasets.parse(dataset, association.transferSyntax(contextId));
        Operation operation = begin(command);
        try {
            int status = service.find(queryRequest(command), keys, new FindService.Matches() {
                @Override
                public boolean add(Attributes match) throws IOException {
                    if (operation.cancelled()) {
                        return false;
                    }
                    association.send(contextId, Commands.response(command, Status.PENDING, true),
                            Datasets.writer(match));
                    return !operation.cancelled();
                }

                @Override
                public boolean cancelled() {
                    return operation.cancelled();
                }
            });
            respond(contextId, Commands.response(command, operation.cancelled() ? Status.CANCEL : status, false), null);
        } finally {
            association.operations.remove(Commands.messageId(command));
        }
    }

    Operation begin(Attributes command) {
        Operation operation = new Operation();
        association.operations.put(Commands.messageId(command), operation);
        return operation;
    }

    QueryRequest queryRequest(Attributes command) {
        return new QueryRequest(association.info(), Commands.messageId(command), Commands.affectedSopClassUid(command),
                command.getInt(Tags.Priority, 0), command.getString(Tags.MoveDestination));
    }

    private void normalized(int contextId, Attributes command, byte[] dataset) throws IOException {
        Dimse dimse = Commands.dimseOf(command);
        NService service = registry.service(Commands.affectedSopClassUid(command), NService.class);
        if (service == null) {
            respond(contextId, Commands.response(command, SOP_CLASS_NOT_SUPPORTED, false), null);
            return;
        }
        Attributes attributes = dataset == null ? null : Datasets.parse(dataset, association.transferSyntax(contextId));
        int typeId = command.getInt(dimse == Dimse.N_ACTION_RQ ? Tags.ActionTypeID : Tags.EventTypeID, 0);
        NResponse answer = service.handle(new NRequest(association.info(), dimse, Commands.affectedSopClassUid(command),
                Commands.affectedSopInstanceUid(command), typeId, command), attributes);
        Attributes response = Commands.response(command, answer.status(), answer.dataset() != null);
        if (answer.sopInstanceUid() != null) {
            response.setString(Tags.AffectedSOPInstanceUID, io.hounsfield.dicom.data.VR.UI, answer.sopInstanceUid());
        }
        if (dimse == Dimse.N_ACTION_RQ || dimse == Dimse.N_EVENT_REPORT_RQ) {
            response.setInts(dimse == Dimse.N_ACTION_RQ ? Tags.ActionTypeID : Tags.EventTypeID,
                    io.hounsfield.dicom.data.VR.US, typeId);
        }
        respond(contextId, response, answer.dataset() == null ? null : Datasets.writer(answer.dataset()));
        NResponse.EventReport report = answer.eventReport();
        if (report != null) {
            sendEventReport(service, report);
        }
    }

    private void sendEventReport(NService service, NResponse.EventReport report) {
        if (association.isOpen()) {
            try {
                int status = new Scu(association).nEventReport(report.sopClassUid(), report.sopInstanceUid(),
                        report.eventTypeId(), report.information()).status();
                Association.LOG.log(System.Logger.Level.INFO, "{0}: N-EVENT-REPORT answered {1}", association.name(),
                        Status.toString(status));
                if (Status.isSuccess(status)) {
                    return;
                }
            } catch (IOException | IllegalStateException e) {
                Association.LOG.log(System.Logger.Level.INFO, "{0}: N-EVENT-REPORT not delivered: {1}",
                        association.name(), e.toString());
            }
        }
        service.eventReportUndelivered(association.info(), report);
    }

    void respond(int contextId, Attributes response, DataWriter dataset) {
        try {
            association.send(contextId, response, dataset);
        } catch (IOException | IllegalStateException e) {
            Association.LOG.log(System.Logger.Level.WARNING, "{0}: response not sent: {1}", association.name(),
                    e.toString());
        }
    }
}
