package io.hounsfield.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.net.dimse.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** The error catalogue: every failure answered on every door, each answer of the right class. */
class FailureTest {

    /** HL7 v2.5.1 table 0357 (message error condition codes). */
    private static final Set<String> TABLE_0357 = Set.of("0", "100", "101", "102", "103", "200", "201", "202",
            "203", "204", "205", "206", "207");

    @ParameterizedTest
    @EnumSource(Failure.class)
    void everyFailureHasAllThreeAnswersAndPlainWords(Failure failure) {
        assertThat(failure.dimseStatus()).isBetween(0x0001, 0xFFFF);
        assertThat(failure.hl7AcknowledgmentCode()).isIn("AA", "AE", "AR");
        assertThat(failure.hl7ErrorCode()).isIn(TABLE_0357);
        assertThat(failure.httpStatus()).isBetween(200, 599);
        assertThat(failure.title()).isNotBlank().doesNotContain("_").doesNotContain(failure.name());
        assertThat(failure.message()).isNotBlank().doesNotContain("_").endsWith(".");
    }

    /** PS3.7 §C.4 and §C.5: a warning is a warning on every door, a failure a failure. */
    @ParameterizedTest
    @EnumSource(Failure.class)
    void eachAnswerIsOfTheFailuresClass(Failure failure) {
        if (failure.severity() == Failure.Severity.WARNING) {
            assertThat(Status.isWarning(failure.dimseStatus())).as("DIMSE warning").isTrue();
            assertThat(failure.hl7AcknowledgmentCode()).isEqualTo("AA");
            assertThat(failure.httpStatus()).isBetween(200, 299);
        } else {
            assertThat(Status.isFailure(failure.dimseStatus())).as("DIMSE failure %04X", failure.dimseStatus())
                    .isTrue();
            assertThat(failure.hl7AcknowledgmentCode()).isIn("AE", "AR");
            assertThat(failure.hl7ErrorCode()).isNotEqualTo("0");
            assertThat(failure.httpStatus()).isBetween(400, 599);
        }
    }

    /** PS3.4 §B.2.3 and §C.4.1.1.4 name these codes for storage and query; the ITs of the SCPs rely on them. */
    @Test
    void theStorageAndQueryFailuresKeepTheirStandardCodes() {
        assertThat(Failure.INVALID_INPUT.dimseStatus()).isEqualTo(0xC000);
        assertThat(Failure.DATA_SET_DOES_NOT_MATCH_SOP_CLASS.dimseStatus()).isEqualTo(0xA900);
        assertThat(Failure.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS.dimseStatus()).isEqualTo(0xA900);
        assertThat(Failure.STORE_FAILED.dimseStatus()).isEqualTo(0xA700);
        assertThat(Failure.TOO_MANY_MATCHES.dimseStatus()).isEqualTo(0xA700);
        assertThat(Failure.NOT_AUTHORIZED.dimseStatus()).isEqualTo(0x0124);
        assertThat(Failure.DIFFERING_RESEND.dimseStatus()).isEqualTo(0xB006);
    }

    /**
     * HL7 table 0008: AR when the message failed "for reasons unrelated to its content or format"; the sender may
     * send it again. An order that met a database away was answered AE, which senders do not resend: it was lost.
     */
    @Test
    void aDatabaseAwayIsARejectionTheSenderResends() {
        assertThat(Failure.DATABASE_UNAVAILABLE.hl7AcknowledgmentCode()).isEqualTo("AR");
        assertThat(Failure.STORE_FAILED.hl7AcknowledgmentCode()).isEqualTo("AR");
        assertThat(Failure.DATABASE_UNAVAILABLE.httpStatus()).isEqualTo(503);
        for (Failure failure : Failure.values()) {
            if (failure.mayPassLater()) {
                assertThat(failure.hl7AcknowledgmentCode()).as(failure.name()).isEqualTo("AR");
                assertThat(failure.dimseStatus()).as(failure.name()).isEqualTo(0xA700);
            }
        }
    }

    /** PS3.7 §10.1.4.1.10: 0120 (Missing Attribute) is no N-ACTION status; 0115 Invalid Argument Value is. */
    @Test
    void anIncompleteActionIsAnInvalidArgument() {
        assertThat(Failure.INVALID_ARGUMENT.dimseStatus()).isEqualTo(Status.INVALID_ARGUMENT_VALUE);
    }

    @Test
    void exceptionsAreMappedOnce() {
        assertThat(Failure.of(new HounsfieldException(Failure.NOT_FOUND, "no such study"))).isEqualTo(Failure.NOT_FOUND);
        assertThat(Failure.of(new CannotGetJdbcConnectionException("away"))).isEqualTo(Failure.DATABASE_UNAVAILABLE);
        assertThat(Failure.of(new UncheckedIOException(new IOException("disk full")))).isEqualTo(Failure.STORE_FAILED);
        assertThat(Failure.of(new DataIntegrityViolationException("bug"))).isEqualTo(Failure.INTERNAL);
        assertThat(Failure.of(new IllegalStateException("bug"))).isEqualTo(Failure.INTERNAL);
    }
}
