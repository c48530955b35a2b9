package io.hounsfield.protocol;

/** How a procedure is done: views, positioning, central ray, technique, and the paediatric and geriatric variants. */
public record Protocol(String procedureCode, String views, String positioning, String centralRay, String technique,
        String pediatric, String geriatric) {}
