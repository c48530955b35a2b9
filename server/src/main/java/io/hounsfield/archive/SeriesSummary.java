package io.hounsfield.archive;

/** A series of a stored study; quarantined instances are not counted. */
public record SeriesSummary(String seriesInstanceUid, Integer seriesNumber, String modality, String description,
        String bodyPartExamined, long instances) {
}
