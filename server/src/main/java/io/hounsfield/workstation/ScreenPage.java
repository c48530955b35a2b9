package io.hounsfield.workstation;

import io.hounsfield.exam.Exam;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The screens' part of the exam page: what the record knows, whether the screens are locked, late findings. */
@Component
class ScreenPage {

    private final SafetyScreens screens;
    private final CockpitRecords records;

    ScreenPage(SafetyScreens screens, CockpitRecords records) {
        this.screens = screens;
        this.records = records;
    }

    void addTo(Model model, Exam exam) {
        model.addAttribute("facts", screens.facts(exam));
        model.addAttribute("screensLocked", screens.locked(exam));
        model.addAttribute("screenAmendments", records.amendments(exam.id()));
        model.addAttribute("pregnancyAnswers", Screen.PREGNANCY.answers().stream()
                .map(code -> new Choice(code, Screen.PREGNANCY.label(code))).toList());
        model.addAttribute("contrastAnswers", Screen.CONTRAST.answers().stream()
                .map(code -> new Choice(code, Screen.CONTRAST.label(code))).toList());
        model.addAttribute("mriAnswers", Screen.MRI.answers().stream()
                .map(code -> new Choice(code, Screen.MRI.label(code))).toList());
    }

    /** One option of a form: the code posted and the words shown. */
    record Choice(String code, String label) {}
}
