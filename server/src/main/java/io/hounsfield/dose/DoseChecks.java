package io.hounsfield.dose;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a CT exam's dose against the current levels (NEMA XR 25-2010 §3; AAPM notification and alert values):
 * each acquisition's CTDIvol against the notification value for the exam's body part, the patient's age and the
 * acquisition's phantom (an unknown phantom matches every level, so the stricter one counts); the CTDIvol added
 * over the exam against the alert value, an upper bound of what one place received. Follow-up levels apply to any
 * exam with projection dose.
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
            levels.stream().filter(level -> "NOTIFICATION".equals(level.kind()) && "CTDIVOL".equals(level.metric()))
                    .filter(level -> level.appliesTo(bodyPart, ageYears, acquisition.phantom()))
                    .min((a, b) -> Double.compare(a.value(), b.value()))
                    .ifPresent(level -> checks.add(new DoseCheck(acquisition.label(), acquisition.ctdiVolMGy(), level,
                            acquisition.ctdiVolMGy() > level.value())));
        }
        Double added = dose.acquisitions().stream().map(ExamDose.Acquisition::ctdiVolMGy).filter(Objects::nonNull)
                .reduce(DoseUnits::sum).orElse(null);
        if (added != null) {
            levels.stream().filter(level -> level.alert() && "CTDIVOL".equals(level.metric()))
                    .filter(level -> level.appliesTo(bodyPart, ageYears, null))
                    .min((a, b) -> Double.compare(a.value(), b.value()))
                    .ifPresent(level -> checks.add(new DoseCheck(DoseCheck.WHOLE_EXAM, added, level,
                            added > level.value())));
        }
        return checks;
    }

    /**
     * The exam's totals against the follow-up levels of fluoroscopy (NCRP Report 168 substantial radiation dose
     * levels): reference air kerma, dose area product, fluoroscopy time; a total the exam does not have is not
     * checked.
     */
    static List<DoseCheck> followUps(ExamDose dose, List<DoseLevel> levels) {
        List<DoseCheck> checks = new ArrayList<>();
        for (DoseLevel level : levels) {
            if (!level.followUp()) { // over time and reference levels are checked elsewhere
                continue;
            }
            Double total = switch (level.metric()) {
                case "DOSE_RP" -> dose.doseRpTotalMGy();
                case "DAP" -> dose.dapTotalGyCm2();
                case "FLUORO_TIME" -> dose.fluoroTimeTotalS();
                default -> null;
            };
            if (total != null) {
                checks.add(new DoseCheck(DoseCheck.WHOLE_EXAM, total, level, total > level.value()));
            }
        }
        return checks;
    }
}
