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

    /**
     * The N-EVENT-REPORT of one of this service's responses could not be delivered on its association: the
     * association ended or failed first, or the requestor refused the report there. A Storage Commitment SCP
     * then sends it on a new association (PS3.4 §J.3.3).
     */
    default void eventReportUndelivered(AssociationInfo association, NResponse.EventReport report) {
    }
}
