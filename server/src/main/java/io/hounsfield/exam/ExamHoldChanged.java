package io.hounsfield.exam;

/**
 * Published inside the transaction that puts an exam on hold or lifts the hold, so that the ordering system can
 * hear of it (HL7 ORC-5 HD "on hold", then SC "scheduled" again).
 */
public record ExamHoldChanged(long examId, String accessionNumber, boolean held, String reason, String actor) {}
