package io.hounsfield.dicomweb;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The Retrieve URLs (0008,1190) of studies, series and instances (PS3.18 §10.4.1), under this request's host. */
final class DicomWebLinks {
    static final String BASE = "/dicom-web";

    private final String base;

    private DicomWebLinks(String base) {
        this.base = base;
    }

    /** Links under the scheme, host and context path of the current request. */
    static DicomWebLinks ofCurrentRequest() {
        return new DicomWebLinks(ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).toUriString());
    }

    /** Links under {@code base} (which ends with {@code /dicom-web}). */
    static DicomWebLinks under(String base) {
        return new DicomWebLinks(base);
    }

    /** The scheme, host, context path and {@code /dicom-web} that links start with. */
    String base() {
        return base;
    }

    String study(String studyUid) {
        return base + "/studies/" + studyUid;
    }

    String series(String studyUid, String seriesUid) {
        return study(studyUid) + "/series/" + seriesUid;
    }

    String instance(String studyUid, String seriesUid, String sopInstanceUid) {
        return series(studyUid, seriesUid) + "/instances/" + sopInstanceUid;
    }
}
