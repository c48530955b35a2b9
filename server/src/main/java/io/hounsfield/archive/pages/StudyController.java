package io.hounsfield.archive.pages;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.StudySearch;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The study list with search, and a page per study, for the people who work with images. */
@Controller
@PreAuthorize("hasAnyRole('STUDENT', 'RADIOLOGIST', 'PHYSICIST')")
class StudyController {
    private final ArchiveService archive;

    StudyController(ArchiveService archive) {
        this.archive = archive;
    }

    /** The search form's fields; dates as ISO days. */
    record SearchForm(String patientName, String patientId, String accessionNumber,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String modality) {

        StudySearch toSearch() {
            return new StudySearch(patientName, patientId, accessionNumber, from, to, modality);
        }
    }

    @GetMapping("/archive/studies")
    String studies(SearchForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("studies", archive.findStudies(form.toSearch()));
        return "archive/studies";
    }

    @GetMapping("/archive/studies/{studyInstanceUid}")
    String study(@PathVariable String studyInstanceUid, Model model) {
        model.addAttribute("detail", archive.study(studyInstanceUid)
                .orElseThrow(() -> new HounsfieldException(Failure.NOT_FOUND, "There is no study with this UID.")));
        return "archive/study";
    }
}
