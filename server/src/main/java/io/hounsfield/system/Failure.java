package io.hounsfield.system;

/**
 * The error catalogue: each kind of failure with the answer every protocol gives it, so that the same
 * problem is reported alike over HTTP, DICOM (PS3.7 Annex C status codes) and HL7 v2 (ACK code in
 * MSA-1, error code from HL7 table 0357 in ERR-3).
 */
public enum Failure {
    INVALID_INPUT(400, 0xC000, "AE", "102"),
    MISSING_VALUE(400, 0x0120, "AE", "101"),
    NOT_FOUND(404, 0x0112, "AE", "204"),
    DUPLICATE(409, 0x0111, "AE", "205"),
    STATE_CONFLICT(409, 0x0110, "AE", "207"),
    NOT_AUTHORIZED(403, 0x0124, "AR", "207"),
    UNSUPPORTED(415, 0x0122, "AR", "200"),
    NOT_ACCEPTABLE(406, 0x0122, "AR", "200"),
    OUT_OF_RESOURCES(503, 0xA700, "AR", "207"),
    INTERNAL(500, 0x0110, "AE", "207");

    private final int httpStatus;
    private final int dimseStatus;
    private final String hl7AcknowledgmentCode;
    private final String hl7ErrorCode;

    Failure(int httpStatus, int dimseStatus, String hl7AcknowledgmentCode, String hl7ErrorCode) {
        this.httpStatus = httpStatus;
        this.dimseStatus = dimseStatus;
        this.hl7AcknowledgmentCode = hl7AcknowledgmentCode;
        this.hl7ErrorCode = hl7ErrorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int dimseStatus() {
        return dimseStatus;
    }

    public String hl7AcknowledgmentCode() {
        return hl7AcknowledgmentCode;
    }

    public String hl7ErrorCode() {
        return hl7ErrorCode;
    }
}
