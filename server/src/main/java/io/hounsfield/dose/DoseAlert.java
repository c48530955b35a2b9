package io.hounsfield.dose;

import java.time.Instant;

/**
 * A dose check level an exam or its patient exceeded, on the follow-up list until someone records what was done.
 *
 * @param finding the check in plain words, e.g. "Head: CTDIvol 92.50 mGy is above the notification value of 80 mGy"
 * @param contactBy for a fluoroscopy follow-up level, when the patient should be contacted (NCRP Report 168: at
 *        about 30 days); else {@code null}
 */
public record DoseAlert(long id, long examId, String accessionNumber, String levelKey, String finding,
        Instant raisedAt, Instant contactBy, String followedUpBy, Instant followedUpAt, String followUp) {

    public boolean open() {
        return followedUpAt == null;
    }
}
