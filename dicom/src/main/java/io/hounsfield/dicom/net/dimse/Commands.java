package io.hounsfield.dicom.net.dimse;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;

/** Builders and accessors of DIMSE command sets (PS3.7 §9.3, §10.3). */
public final class Commands {
    /** Command Data Set Type value meaning "no data set" (PS3.7 §E.1). */
    public static final int NO_DATA_SET = 0x0101;
    public static final int DATA_SET_PRESENT = 0x0000;
    public static final int PRIORITY_MEDIUM = 0x0000;

    private Commands() {
    }

    /** A request with Command Field, Message ID, Affected SOP Class UID and Command Data Set Type. */
    public static Attributes request(Dimse dimse, int messageId, String sopClassUid, boolean hasDataSet) {
        Attributes command = new Attributes();
        boolean requested = dimse == Dimse.N_SET_RQ || dimse == Dimse.N_GET_RQ || dimse == Dimse.N_ACTION_RQ
                || dimse == Dimse.N_DELETE_RQ;
        command.setString(requested ? Tags.RequestedSOPClassUID : Tags.AffectedSOPClassUID, VR.UI, sopClassUid);
        command.setInts(Tags.CommandField, VR.US, dimse.commandField());
        command.setInts(Tags.MessageID, VR.US, messageId);
        command.setInts(Tags.CommandDataSetType, VR.US, hasDataSet ? DATA_SET_PRESENT : NO_DATA_SET);
        if (dimse == Dimse.C_STORE_RQ || dimse == Dimse.C_FIND_RQ || dimse == Dimse.C_MOVE_RQ
                || dimse == Dimse.C_GET_RQ) {
            command.setInts(Tags.Priority, VR.US, PRIORITY_MEDIUM);
        }
        return command;
    }

    public static Attributes cEchoRq(int messageId, String sopClassUid) {
        return request(Dimse.C_ECHO_RQ, messageId, sopClassUid, false);
    }

    public static Attributes cStoreRq(int messageId, String sopClassUid, String sopInstanceUid,
            String moveOriginatorAeTitle, int moveOriginatorMessageId) {
        Attributes command = request(Dimse.C_STORE_RQ, messageId, sopClassUid, true);
        command.setString(Tags.AffectedSOPInstanceUID, VR.UI, sopInstanceUid);
        if (moveOriginatorAeTitle != null) {
            command.setString(Tags.MoveOriginatorApplicationEntityTitle, VR.AE, moveOriginatorAeTitle);
            command.setInts(Tags.MoveOriginatorMessageID, VR.US, moveOriginatorMessageId);
        }
        return command;
    }

    public static Attributes cMoveRq(int messageId, String sopClassUid, String destination) {
        Attributes command = request(Dimse.C_MOVE_RQ, messageId, sopClassUid, true);
        command.setString(Tags.MoveDestination, VR.AE, destination);
        return command;
    }

    public static Attributes cCancelRq(int messageIdBeingRespondedTo) {
        Attributes command = new Attributes();
        command.setInts(Tags.CommandField, VR.US, Dimse.C_CANCEL_RQ.commandField());
        command.setInts(Tags.MessageIDBeingRespondedTo, VR.US, messageIdBeingRespondedTo);
        command.setInts(Tags.CommandDataSetType, VR.US, NO_DATA_SET);
        return command;
    }

    /** An N-request on a SOP instance: N-CREATE (affected), N-SET/N-GET/N-ACTION/N-DELETE (requested). */
    public static Attributes nRequest(Dimse dimse, int messageId, String sopClassUid, String sopInstanceUid,
            boolean hasDataSet) {
        Attributes command = request(dimse, messageId, sopClassUid, hasDataSet);
        boolean affected = dimse == Dimse.N_CREATE_RQ || dimse == Dimse.N_EVENT_REPORT_RQ;
        if (sopInstanceUid != null) {
            command.setString(affected ? Tags.AffectedSOPInstanceUID : Tags.RequestedSOPInstanceUID, VR.UI,
                    sopInstanceUid);
        }
        return command;
    }

    /** The response to {@code request} with {@code status} (PS3.7 §9.3, §10.3). */
    public static Attributes response(Attributes request, int status, boolean hasDataSet) {
        Dimse dimse = dimseOf(request);
        Attributes response = new Attributes();
        String sopClassUid = request.getString(Tags.AffectedSOPClassUID);
        if (sopClassUid == null) {
            sopClassUid = request.getString(Tags.RequestedSOPClassUID);
        }
        if (sopClassUid != null) {
            response.setString(Tags.AffectedSOPClassUID, VR.UI, sopClassUid);
        }
        response.setInts(Tags.CommandField, VR.US, dimse.response().commandField());
        response.setInts(Tags.MessageIDBeingRespondedTo, VR.US, messageId(request));
        response.setInts(Tags.CommandDataSetType, VR.US, hasDataSet ? DATA_SET_PRESENT : NO_DATA_SET);
        response.setInts(Tags.Status, VR.US, status);
        String instanceUid = request.getString(Tags.AffectedSOPInstanceUID);
        if (instanceUid == null) {
            instanceUid = request.getString(Tags.RequestedSOPInstanceUID);
        }
        if (instanceUid != null && dimse != Dimse.C_FIND_RQ && dimse != Dimse.C_MOVE_RQ && dimse != Dimse.C_GET_RQ) {
            response.setString(Tags.AffectedSOPInstanceUID, VR.UI, instanceUid);
        }
        return response;
    }

    /** Adds the sub-operation counts of a C-MOVE/C-GET response (PS3.7 §9.3.4.2). */
    public static Attributes withSubOperations(Attributes response, int remaining, int completed, int failed,
            int warning) {
        if (remaining >= 0) {
            response.setInts(Tags.NumberOfRemainingSuboperations, VR.US, remaining);
        }
        response.setInts(Tags.NumberOfCompletedSuboperations, VR.US, completed);
        response.setInts(Tags.NumberOfFailedSuboperations, VR.US, failed);
        response.setInts(Tags.NumberOfWarningSuboperations, VR.US, warning);
        return response;
    }

    public static Dimse dimseOf(Attributes command) {
        return Dimse.of(command.getInt(Tags.CommandField, -1));
    }

    public static int messageId(Attributes command) {
        return command.getInt(Tags.MessageID, -1);
    }

    public static int status(Attributes command) {
        return command.getInt(Tags.Status, -1);
    }

    public static boolean hasDataSet(Attributes command) {
        return command.getInt(Tags.CommandDataSetType, NO_DATA_SET) != NO_DATA_SET;
    }

    public static String affectedSopClassUid(Attributes command) {
        String uid = command.getString(Tags.AffectedSOPClassUID);
        return uid != null ? uid : command.getString(Tags.RequestedSOPClassUID);
    }

    public static String affectedSopInstanceUid(Attributes command) {
        String uid = command.getString(Tags.AffectedSOPInstanceUID);
        return uid != null ? uid : command.getString(Tags.RequestedSOPInstanceUID);
    }
}
