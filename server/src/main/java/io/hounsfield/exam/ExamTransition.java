package io.hounsfield.exam;

import java.time.Instant;

/** One step of an exam's history: who moved it, when, and why. */
public record ExamTransition(ExamState from, ExamState to, Instant at, String actor, String reason) {}
