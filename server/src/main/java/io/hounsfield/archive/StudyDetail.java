package io.hounsfield.archive;

import java.util.List;

/** A stored study and its series. */
public record StudyDetail(StudySummary study, List<SeriesSummary> series) {
}
