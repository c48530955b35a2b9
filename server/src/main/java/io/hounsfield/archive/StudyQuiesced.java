package io.hounsfield.archive;

/**
 * No instance of the study has arrived for {@code hounsfield.archive.events.study-quiet-period}: what needs the
 * whole study (a dose report) may read it now. An instance that arrives later makes the study quiesce again, one
 * quiet period after it, so a consumer must expect a study more than once (and redeliveries, as for every event).
 *
 * @param accessionNumber of the study's latest instance, empty when it has none
 */
public record StudyQuiesced(String studyInstanceUid, String accessionNumber) {}
