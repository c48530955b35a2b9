package io.hounsfield.dicom.net.dimse;

/** DIMSE status codes (PS3.7 Annex C) and their classes. */
public final class Status {
    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;
    public static final int WARNING_SUB_OPERATIONS = 0xB000;
    public static final int WARNING_COERCION = 0xB000;
    /** C-STORE: stored, but some elements (here possibly all of the copy sent) were discarded (PS3.4 Table B.2-1). */
    public static final int WARNING_ELEMENTS_DISCARDED = 0xB006;
    public static final int ATTRIBUTE_LIST_ERROR = 0x0107;
    public static final int NO_SUCH_SOP_CLASS = 0x0118;
    public static final int NO_SUCH_OBJECT_INSTANCE = 0x0112;
    public static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    public static final int INVALID_ARGUMENT_VALUE = 0x0115;
    public static final int PROCESSING_FAILURE = 0x0110;
    /** DIMSE-N: out of resources (PS3.7 §C.5; C-services say A700 instead). */
    public static final int RESOURCE_LIMITATION = 0x0213;
    public static final int UNRECOGNIZED_OPERATION = 0x0211;
    public static final int NOT_AUTHORIZED = 0x0124;
    public static final int OUT_OF_RESOURCES = 0xA700;
    /** C-MOVE, C-GET: out of resources, unable to calculate the number of matches (PS3.4 §C.4.2.1.5). */
    public static final int OUT_OF_RESOURCES_MATCHES = 0xA701;
    public static final int OUT_OF_RESOURCES_SUB_OPERATIONS = 0xA702;
    public static final int MOVE_DESTINATION_UNKNOWN = 0xA801;
    public static final int IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int UNABLE_TO_PROCESS = 0xC000;
    public static final int SUB_OPERATIONS_FAILED = 0xA702;

    private Status() {
    }

    public static boolean isPending(int status) {
        return status == PENDING || status == PENDING_WARNING;
    }

    public static boolean isSuccess(int status) {
        return status == SUCCESS;
    }

    public static boolean isWarning(int status) {
        return status == 0x0001 || (status & 0xF000) == 0xB000 || status == 0x0107 || status == 0x0116;
    }

    public static boolean isFailure(int status) {
        return !isPending(status) && !isSuccess(status) && !isWarning(status) && status != CANCEL;
    }

    public static String toString(int status) {
        return String.format("0x%04X", status);
    }
}
