package io.hounsfield.workstation;

import java.time.LocalDate;
import java.time.Period;

/** Which protocol variant applies: children under 18, older adults from 75 (when the birth date is known). */
enum AgeGroup {
    PEDIATRIC, ADULT, GERIATRIC;

    static AgeGroup of(LocalDate birthDate, LocalDate today) {
        if (birthDate == null) {
            return ADULT;
        }
        int age = Period.between(birthDate, today).getYears();
        return age < 18 ? PEDIATRIC : age >= 75 ? GERIATRIC : ADULT;
    }
}
