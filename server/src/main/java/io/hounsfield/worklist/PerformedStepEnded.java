package io.hounsfield.worklist;

import io.hounsfield.dicom.data.Attributes;

/**
 * A modality ended a performed procedure step (MPPS N-SET to COMPLETED or DISCONTINUED, PS3.4 Annex F), published
 * inside the transaction that records it. {@code step} is the whole step as created and updated, with the
 * Radiation Dose module (PS3.3 §C.4.16) where the modality fills it.
 *
 * @param examId the exam the step was matched to, or {@code null}
 */
public record PerformedStepEnded(Long examId, String stepUid, boolean completed, String modalityAeTitle,
        Attributes step) {
}
