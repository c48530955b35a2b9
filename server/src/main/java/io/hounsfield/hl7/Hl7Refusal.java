package io.hounsfield.hl7;

import ca.uhn.hl7v2.HL7Exception;
import io.hounsfield.system.Failure;

/**
 * A message refused, before it could be read (no MSH, too long, its character set) or for its content, with the
 * catalogue's {@link Failure} (which gives MSA-1 and the table 0357 code for ERR-3) and, where known, the field at
 * fault (ERR-2, set by the thrower).
 */
final class Hl7Refusal extends HL7Exception {

    private final transient Failure failure;

    Hl7Refusal(Failure failure, String reason) {
        super(reason, Integer.parseInt(failure.hl7ErrorCode()));
        this.failure = failure;
    }

    Failure failure() {
        return failure;
    }
}
