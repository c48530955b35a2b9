package io.hounsfield.dicom.net.service;

import io.hounsfield.dicom.data.Attributes;
import java.io.IOException;

/**
 * A DIMSE-N service (PS3.7 §10): e.g. Modality Performed Procedure Step (N-CREATE, N-SET; PS3.4 Annex F) or Storage
 * Commitment (N-ACTION, and N-EVENT-REPORT on the SCU side; PS3.4 Annex J).
 */
public interface NService {
    /** {@code dataset} is {@code null} when the request has none. */
    NResponse handle(NRequest request, Attributes dataset) throws IOException;
}
