package io.hounsfield.catalog;

import java.time.Duration;

/**
 * An orderable imaging procedure.
 *
 * @param modality DICOM modality code (CT, DX, MR, US, RF, MG, XA)
 * @param bodyPart DICOM Body Part Examined term
 * @param lateralityRequired an order without left/right/both is refused
 * @param duration room time to book, positioning included
 * @param contrast given with contrast by default
 */
public record Procedure(String code, String name, String modality, String bodyPart, boolean lateralityRequired,
        Duration duration, boolean contrast, String protocolReference) {}
