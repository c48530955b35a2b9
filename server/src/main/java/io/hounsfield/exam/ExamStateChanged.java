package io.hounsfield.exam;

/** Published inside the transaction of every transition, for HL7 status messages, the board and the dashboard. */
public record ExamStateChanged(long examId, String accessionNumber, ExamState from, ExamState to, String actor,
        String reason) {}
