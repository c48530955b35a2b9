package io.hounsfield.staff.learning;

import java.time.LocalDate;

/** A clinical competency a student demonstrated, signed off by a technologist. */
public record StudentCompetency(long id, long staffId, String requirementSet, String requirement, LocalDate performedOn,
        boolean simulated, String signedOffBy, String note) {}
