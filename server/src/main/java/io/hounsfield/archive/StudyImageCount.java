package io.hounsfield.archive;

/** How many images a study stored in a period: the denominator of reject rates per exam (and its technologist). */
public record StudyImageCount(String studyInstanceUid, String accessionNumber, long images) {}
