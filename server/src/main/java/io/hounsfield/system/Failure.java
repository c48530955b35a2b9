package io.hounsfield.system;

import java.io.UncheckedIOException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The error catalogue: each kind of failure with the answer every door gives it, so that the same problem is reported
 * alike over DICOM, HL7 v2 and HTTP. For each: the DIMSE status (PS3.7 Annex C, and the service's own codes of PS3.4
 * §B.2.3 C-STORE, §C.4.1.1.4 C-FIND, §F.7.2 MPPS), the acknowledgment code for MSA-1 (HL7 v2.5.1 table 0008: AE when
 * the content is at fault, AR when the message cannot be taken for reasons unrelated to its content, so that the
 * sender may resend it) with the error code for ERR-3 (table 0357), the HTTP status with the title of the problem
 * document (RFC 9457 §3.1.3: the same for every occurrence), and a plain message for staff.
 *
 * <p>{@link #DIFFERING_RESEND} is a warning: the data is safe, the peer is told something it should know.
 */
public enum Failure {
    /** PS3.4 §B.2.3 C000 "Cannot understand", §C.4.1.1.4 C000 "Unable to process"; HL7 102 data type error. */
    INVALID_INPUT(Severity.FAILURE, 0xC000, "AE", "102", 400, "The request could not be read",
            "What was sent could not be read, so nothing was changed."),
    /** PS3.7 §C.5 0121 "Missing Attribute Value"; HL7 101 required field missing. */
    MISSING_VALUE(Severity.FAILURE, 0x0121, "AE", "101", 400, "A required value is missing",
            "A value that is required was not given, so nothing was changed."),
    /** PS3.7 §C.5 0106 "Invalid Attribute Value"; HL7 103 table value not found. */
    INVALID_VALUE(Severity.FAILURE, 0x0106, "AE", "103", 400, "A value is not one of those allowed",
            "A value is not one of those this system accepts, so nothing was changed."),
    /** PS3.7 §C.5 0115 "Invalid Argument Value" (the N-ACTION's own; 0120/0121 are not N-ACTION statuses). */
    INVALID_ARGUMENT(Severity.FAILURE, 0x0115, "AE", "101", 400, "The request is incomplete",
            "The request lacks what it must hold, so nothing was done."),
    /** PS3.7 §C.5 0112 "No Such Object Instance"; HL7 204 unknown key identifier. */
    NOT_FOUND(Severity.FAILURE, 0x0112, "AE", "204", 404, "Not found",
            "What was asked for does not exist here."),
    /** PS3.7 §C.5 0111 "Duplicate SOP Instance"; HL7 205 duplicate key identifier. */
    DUPLICATE(Severity.FAILURE, 0x0111, "AE", "205", 409, "Already exists",
            "This exists already, so it was not created again."),
    /** PS3.7 §C.5 0110 "Processing Failure" (PS3.4 §F.7.2.2: the step may no longer be updated). */
    STATE_CONFLICT(Severity.FAILURE, 0x0110, "AE", "207", 409, "Not possible at this stage",
            "This cannot be done in the state the record is in now."),
    /** PS3.7 §C.5 0124 "Refused: Not Authorized". */
    NOT_AUTHORIZED(Severity.FAILURE, 0x0124, "AR", "207", 403, "Not allowed",
            "This sender or user is not allowed to do this."),
    /** PS3.7 §C.5 0122 "Refused: SOP Class Not Supported"; HL7 200 unsupported message type. */
    UNSUPPORTED(Severity.FAILURE, 0x0122, "AR", "200", 415, "Not a kind of content accepted here",
            "This kind of content is not accepted here."),
    /** PS3.7 §C.5 0122; HTTP 406: none of the answers the client accepts can be given. */
    NOT_ACCEPTABLE(Severity.FAILURE, 0x0122, "AR", "200", 406, "Cannot answer in the form asked",
            "None of the forms the client accepts can be sent."),
    /** PS3.7 §C.5 0211 "Unrecognized Operation"; HL7 200 unsupported message type (or event). */
    UNSUPPORTED_OPERATION(Severity.FAILURE, 0x0211, "AR", "200", 405, "Not offered here",
            "This operation or message type is not offered here."),
    /** HL7 203 unsupported version id (MSH-12); no DICOM counterpart beyond C000. */
    UNSUPPORTED_VERSION(Severity.FAILURE, 0xC000, "AR", "203", 400, "Version not supported",
            "The message is of a version this system does not read."),
    /** HL7: no MSH, or not parseable (100 segment sequence error); DICOM C000. */
    MESSAGE_UNREADABLE(Severity.FAILURE, 0xC000, "AR", "100", 400, "The message could not be read",
            "The message could not be read, so nothing was changed."),
    /** HL7 MSH-3 or MSH-10 missing: refused before it is taken (101). */
    HEADER_INCOMPLETE(Severity.FAILURE, 0xC000, "AR", "101", 400, "The message header is incomplete",
            "The message header lacks the sender or the message id, so nothing was changed."),
    /** HL7 MSH-18 names a character set not known here (103 table value not found). */
    UNKNOWN_CHARACTER_SET(Severity.FAILURE, 0xC000, "AR", "103", 400, "Character set not supported",
            "The message names a character set this system does not read."),
    /** HL7: bytes that are not valid in the message's character set (102). */
    UNDECODABLE_CHARACTERS(Severity.FAILURE, 0xC000, "AR", "102", 400, "Characters could not be read",
            "The message holds bytes that are not valid in its character set, so nothing was changed."),
    /** Beyond a configured size limit; DICOM data sets beyond a limit get C000 like other unreadable ones. */
    TOO_LARGE(Severity.FAILURE, 0xC000, "AR", "207", 413, "Too large",
            "What was sent is larger than this system accepts, so nothing was kept."),
    /** PS3.4 §B.2.3 A900 "Data Set does not match SOP Class" (UIDs missing, wrong, or not of the study named). */
    DATA_SET_DOES_NOT_MATCH_SOP_CLASS(Severity.FAILURE, 0xA900, "AE", "102", 409,
            "The instance does not identify itself properly",
            "The instance's identifiers are missing, malformed or not those of the study it was sent to."),
    /** PS3.4 §C.4.1.1.4 / §C.4.2.1.5 A900 "Identifier does not match SOP Class". */
    IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS(Severity.FAILURE, 0xA900, "AE", "102", 400, "The query is not valid",
            "The query lacks the keys its level needs or names a level that does not exist."),
    /** PS3.4 §C.4.1.1.4 A700 "Refused: Out of Resources": no status means "partial", so none is cut short. */
    TOO_MANY_MATCHES(Severity.FAILURE, 0xA700, "AE", "207", 400, "Too many matches",
            "The query matches more than this system answers at once; narrow it."),
    /** PS3.4 §B.2.3 A700 "Refused: Out of Resources": the file store or the index failed; the sender may resend. */
    STORE_FAILED(Severity.FAILURE, 0xA700, "AR", "207", 503, "Could not be stored",
            "The instance could not be stored at the moment; nothing of it was kept. Send it again later."),
    /** The database cannot be reached: try again later (A700, 503, AR so that the sender resends). */
    DATABASE_UNAVAILABLE(Severity.FAILURE, 0xA700, "AR", "207", 503, "Service unavailable",
            "The database cannot be reached at the moment. Try again shortly."),
    /** PS3.7 §C.5 0110 "Processing Failure"; AE so that a message that fails each time does not block the feed. */
    INTERNAL(Severity.FAILURE, 0x0110, "AE", "207", 500, "Internal error",
            "Something went wrong here; nothing was changed and the error is logged."),
    /**
     * Warning, PS3.4 §B.2.3 B006 "Elements Discarded": a resend that differs from the stored copy, which is kept
     * (PS3.18 §10.5.3 Warning Reason; 202). HL7 AA with table 0357 code 0.
     */
    DIFFERING_RESEND(Severity.WARNING, 0xB006, "AA", "0", 202, "Already stored with other content",
            "This instance was stored before with other content; the stored copy was kept and the resend is listed.");

    /** Whether the request did what it asked, with something to tell (PS3.7 §C.4), or failed (§C.5). */
    public enum Severity { WARNING, FAILURE }

    private final Severity severity;
    private final int dimseStatus;
    private final String hl7AcknowledgmentCode;
    private final String hl7ErrorCode;
    private final int httpStatus;
    private final String title;
    private final String message;

    Failure(Severity severity, int dimseStatus, String hl7AcknowledgmentCode, String hl7ErrorCode, int httpStatus,
            String title, String message) {
        this.severity = severity;
        this.dimseStatus = dimseStatus;
        this.hl7AcknowledgmentCode = hl7AcknowledgmentCode;
        this.hl7ErrorCode = hl7ErrorCode;
        this.httpStatus = httpStatus;
        this.title = title;
        this.message = message;
    }

    /**
     * The failure an unexpected exception stands for, whichever door it came through: a {@link HounsfieldException}'s
     * own, the database out of reach, the file store failing, else {@link #INTERNAL}.
     */
    public static Failure of(Throwable exception) {
        if (exception instanceof HounsfieldException known) {
            return known.failure();
        }
        if (exception instanceof DataAccessResourceFailureException) {
            return DATABASE_UNAVAILABLE;
        }
        if (exception instanceof UncheckedIOException) {
            return STORE_FAILED;
        }
        return INTERNAL;
    }

    /** Whether the same request may well succeed later (503, AR, A700): the sender should send it again. */
    public boolean mayPassLater() {
        return httpStatus == 503;
    }

    public Severity severity() {
        return severity;
    }

    public int dimseStatus() {
        return dimseStatus;
    }

    public String hl7AcknowledgmentCode() {
        return hl7AcknowledgmentCode;
    }

    /** The HL7 table 0357 code for ERR-3 (and ERR-1 in v2.3/2.4). */
    public String hl7ErrorCode() {
        return hl7ErrorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The problem document's title (RFC 9457 §3.1.3), in plain words. */
    public String title() {
        return title;
    }

    /** What happened, in plain words for staff, where no more specific message is at hand. */
    public String message() {
        return message;
    }
}
