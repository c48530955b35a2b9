package io.hounsfield.dose;

import io.hounsfield.audit.AuditService;
import io.hounsfield.web.CsvDownload;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The physicist's dose review (distributions, local and national reference levels, outliers) and its export. */
@Controller
@PreAuthorize("hasAnyRole('PHYSICIST', 'LEAD')")
class DoseReviewController {
    static final String REVIEW = "/dose/review";
    private static final List<Integer> PERIODS = List.of(3, 6, 12, 24, 60);

    private final DoseService dose;
    private final Clock clock;

    DoseReviewController(DoseService dose, Clock clock) {
        this.dose = dose;
        this.clock = clock;
    }

    @GetMapping(REVIEW)
    String review(@RequestParam(defaultValue = "CTDIVOL") String metric,
            @RequestParam(defaultValue = "12") int months, Model model) {
        String chosen = DoseReview.METRICS.containsKey(metric) ? metric : "CTDIVOL";
        int period = PERIODS.contains(months) ? months : 12;
        model.addAttribute("review", dose.review(chosen, period, AuditService.currentActor()));
        model.addAttribute("metrics", DoseReview.METRICS.keySet());
        model.addAttribute("periods", PERIODS);
        model.addAttribute("zone", clock.getZone());
        return "dose/review";
    }

    @GetMapping(REVIEW + ".csv")
    ResponseEntity<String> csv(@RequestParam(defaultValue = "12") int months) {
        int period = PERIODS.contains(months) ? months : 12;
        ZoneId zone = clock.getZone();
        StringBuilder csv = new StringBuilder("performed,accession_number,protocol_code,protocol,room,modality,adult,"
                + "ctdivol_mgy,dlp_total_mgy_cm,ssde_mgy,dap_total_gy_cm2,dose_rp_total_mgy,fluoro_time_total_s,"
                + "partial\r\n");
        for (DoseSummary study : dose.export(period, AuditService.currentActor())) {
            csv.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(study.performedAt().atZone(zone)
                    .toLocalDateTime())).append(',')
                    .append(CsvDownload.quoted(study.accessionNumber())).append(',').append(CsvDownload.quoted(study.protocolCode()))
                    .append(',').append(CsvDownload.quoted(study.protocol())).append(',').append(CsvDownload.quoted(study.room())).append(',')
                    .append(CsvDownload.quoted(study.modality())).append(',').append(study.adult()).append(',')
                    .append(number(study.ctdiVolMGy())).append(',').append(number(study.dlpTotalMGyCm())).append(',')
                    .append(number(study.ssdeMGy())).append(',').append(number(study.dapTotalGyCm2())).append(',')
                    .append(number(study.doseRpTotalMGy())).append(',').append(number(study.fluoroTimeTotalS()))
                    .append(',').append(study.partial()).append("\r\n");
        }
        return CsvDownload.of("dose-review.csv", csv.toString());
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%s", value);
    }
}
