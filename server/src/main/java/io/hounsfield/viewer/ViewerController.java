package io.hounsfield.viewer;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The built-in viewer's page for one study (optionally opened at one series). The page carries the patient and
 * study from the archive (that read is audited like the study page's); its script reads series, instances, metadata
 * and rendered frames from the same origin's DICOMweb on the browser's session.
 */
@Controller
@PreAuthorize("@viewerAccess.may(authentication)")
class ViewerController {

    /** A UID as PS3.5 §9.1 allows it: digits and dots, at most 64 characters. */
    private static final Pattern UID = Pattern.compile("[0-9.]{1,64}");

    private final ArchiveService archive;

    ViewerController(ArchiveService archive) {
        this.archive = archive;
    }

    @GetMapping("/viewer/studies/{studyInstanceUid}")
    String study(@PathVariable String studyInstanceUid, @RequestParam(required = false) String series,
            Model model) {
        requireUid(studyInstanceUid, "study");
        if (series != null && !series.isBlank()) {
            requireUid(series, "series");
        }
        model.addAttribute("detail", archive.study(studyInstanceUid).orElseThrow(
                () -> new HounsfieldException(Failure.NOT_FOUND, "There is no study with this UID.")));
        model.addAttribute("series", series == null ? "" : series.strip());
        return "viewer/study";
    }

    @GetMapping("/viewer/studies/{studyInstanceUid}/series/{seriesInstanceUid}")
    String series(@PathVariable String studyInstanceUid, @PathVariable String seriesInstanceUid, Model model) {
        return study(studyInstanceUid, seriesInstanceUid, model);
    }

    private static void requireUid(String value, String what) {
        if (!UID.matcher(value).matches()) {
            throw new HounsfieldException(Failure.INVALID_INPUT,
                    "The " + what + " UID is not valid: only digits and dots, at most 64 characters.");
        }
    }
}
