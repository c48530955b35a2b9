package io.hounsfield.quality;

import io.hounsfield.archive.StudyImageCount;
import java.util.Collection;
import java.util.Map;

/**
 * Who performed each study's exam, for the reject rate per technologist (AAPM TG-151; TG-305's operator ID). The
 * feature that records the performing technologist provides it (the exam cockpit); the analysis does not depend on it.
 */
public interface PerformingTechnologists {

    /**
     * The performing technologist of the exam each study belongs to (matched by Study Instance UID or accession
     * number), keyed by Study Instance UID; studies without an exam or without a recorded technologist are absent.
     */
    Map<String, String> of(Collection<StudyImageCount> studies);
}
