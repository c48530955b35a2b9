package io.hounsfield.patient;

import java.util.List;

/**
 * A patient with all the identifiers that lead to them.
 *
 * @param temporary registered without a known identity (trauma, unidentified); "identity pending"
 */
public record Patient(long id, PatientIdentifier identifier, List<PatientIdentifier> otherIdentifiers,
        Demographics demographics, boolean temporary) {}
