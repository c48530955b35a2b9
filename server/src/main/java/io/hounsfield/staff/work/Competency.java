package io.hounsfield.staff.work;

import java.time.LocalDate;

/**
 * A lead's site sign-off: the person may perform this modality, or only this procedure of it.
 *
 * @param procedureCode none when the sign-off covers the whole modality
 */
public record Competency(long id, long staffId, String modality, String procedureCode, String note,
        LocalDate signedOffOn, String signedOffBy) {}
