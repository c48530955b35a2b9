package io.hounsfield.order;

import io.hounsfield.exam.Laterality;
import io.hounsfield.exam.Priority;
import java.time.Instant;

/** An order as the ordering system placed it, known by its placer application and placer order number. */
public record ImagingOrder(long id, String placerApplication, String placerOrderNumber, long patientId,
        String procedureCode, Laterality laterality, Priority priority, String reason, String orderingProvider,
        OrderStatus status, Instant receivedAt) {}
