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
 * @param studyInstanceUid set when an external order filler assigned it (OMI IPC-3)
 */
public record NewOrder(String placerApplication, String placerOrderNumber, long patientId, String procedureCode,
        Laterality laterality, Priority priority, String reason, String orderingProvider, String stationAeTitle,
        Instant scheduledStart, String accessionNumber, String studyInstanceUid) {}
