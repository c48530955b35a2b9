package io.hounsfield.staff.learning;

import java.time.Instant;

/** One line of a new starter's orientation checklist; signed off once done. */
public record OrientationItem(long id, long staffId, int position, String item, String signedOffBy,
        Instant signedOffAt) {

    public boolean done() {
        return signedOffBy != null;
    }
}
