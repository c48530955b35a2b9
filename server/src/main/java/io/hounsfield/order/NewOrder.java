package io.hounsfield.order;

import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.Priority;
import java.time.Instant;

/**
 * An order to place, from HL7 (ORM/OMI) or the lead's order form.
 *
 * @param stationAeTitle the modality to book, if the order names one
 * @param scheduledStart when to book it, if the order says
 * @param accessionNumber set when an external order filler assigned it (OMI IPC-1)
 * @param studyInstanceUid set when an external order filler assigned it (OMI IPC-3, a RIS's ZDS-1)
 * @param requestedProcedureId set when an external order filler assigned it (OMI IPC-2)
 * @param scheduledStepId set when an external order filler assigned it (OMI IPC-4)
 */
public record NewOrder(String placerApplication, String placerOrderNumber, long patientId, String procedureCode,
        Laterality laterality, Priority priority, String reason, String orderingProvider, String stationAeTitle,
        Instant scheduledStart, String accessionNumber, String studyInstanceUid, String requestedProcedureId,
        String scheduledStepId) {

    public NewOrder(String placerApplication, String placerOrderNumber, long patientId, String procedureCode,
            Laterality laterality, Priority priority, String reason, String orderingProvider, String stationAeTitle,
            Instant scheduledStart, String accessionNumber, String studyInstanceUid) {
        this(placerApplication, placerOrderNumber, patientId, procedureCode, laterality, priority, reason,
                orderingProvider, stationAeTitle, scheduledStart, accessionNumber, studyInstanceUid, null, null);
    }
}
