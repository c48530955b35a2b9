package io.hounsfield.dose;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a CT exam's dose against the current levels (NEMA XR 25-2010 §3; AAPM notification and alert values):
 * each acquisition's CTDIvol against the notification value for the exam's body part, the patient's age and the
 * acquisition's phantom (an unknown phantom matches every level, so the stricter one counts); the CTDIvol added
 * over the exam against the alert value, an upper bound of what one place received.
 */
final class DoseChecks {
    private DoseChecks() {
    }

    static List<DoseCheck> check(ExamDose dose, List<DoseLevel> levels, String bodyPart, int ageYears) {
        List<DoseCheck> checks = new ArrayList<>();
        for (ExamDose.Acquisition acquisition : dose.acquisitions()) {
            if (acquisition.ctdiVolMGy() == null) {
                continue;
            }
            levels.stream().filter(level -> !level.alert())
                    .filter(level -> level.appliesTo(bodyPart, ageYears, acquisition.phantom()))
                    .min((a, b) -> Double.compare(a.valueMGy(), b.valueMGy()))
                    .ifPresent(level -> checks.add(new DoseCheck(acquisition.label(), acquisition.ctdiVolMGy(), level,
                            acquisition.ctdiVolMGy() > level.valueMGy())));
        }
        Double added = dose.acquisitions().stream().map(ExamDose.Acquisition::ctdiVolMGy).filter(Objects::nonNull)
                .reduce(DoseUnits::sum).orElse(null);
        if (added != null) {
            levels.stream().filter(DoseLevel::alert).filter(level -> level.appliesTo(bodyPart, ageYears, null))
                    .min((a, b) -> Double.compare(a.valueMGy(), b.valueMGy()))
                    .ifPresent(level -> checks.add(new DoseCheck("The whole exam", added, level,
                            added > level.valueMGy())));
        }
        return checks;
    }
}
