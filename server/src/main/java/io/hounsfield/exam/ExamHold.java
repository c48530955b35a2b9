package io.hounsfield.exam;

import java.time.Instant;

/**
 * An exam held after a recorded mismatch of patient, procedure or side: it may not be verified or started until
 * a lead overrides the hold with a reason or the ordering side corrects the order.
 *
 * @param expectedLaterality the side found at the patient, if the mismatch is about the side; an order corrected
 *     to this side lifts the hold
 */
public record ExamHold(long id, long examId, String reason, Laterality expectedLaterality, String placedBy,
        Instant placedAt) {}
