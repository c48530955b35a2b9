package io.hounsfield.quality;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.StudyImageCount;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.quality.reject.RejectAnalysis;
import io.hounsfield.quality.reject.RejectionRecords;
import io.hounsfield.web.CsvDownload;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reject/repeat analysis for the lead and the physicist: charts, a table, CSV. */
@Controller
@PreAuthorize("hasAnyRole('LEAD', 'PHYSICIST')")
class RejectAnalysisController {

    private final RejectionRecords rejections;
    private final ArchiveService archive;
    private final AuditService audit;
    private final PerformingTechnologists technologists;
    private final Clock clock;

    RejectAnalysisController(RejectionRecords rejections, ArchiveService archive, AuditService audit,
            ObjectProvider<PerformingTechnologists> technologists, Clock clock) {
        this.rejections = rejections;
        this.archive = archive;
        this.audit = audit;
        this.technologists = technologists.getIfAvailable(() -> studies -> Map.of());
        this.clock = clock;
    }

    /** The period and the modalities analysed; by default the last three months of radiography (DX, CR). */
    record Period(LocalDate from, LocalDate to, List<String> modalities) {
    }

    @GetMapping("/quality/rejects")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String modalities, Model model) {
        Period period = period(from, to, modalities);
        model.addAttribute("period", period);
        model.addAttribute("modalitiesText", String.join(" ", period.modalities()));
        model.addAttribute("analysis", analyse(period));
        model.addAttribute("target", RejectAnalysis.TARGET);
        model.addAttribute("upper", RejectAnalysis.UPPER);
        model.addAttribute("lower", RejectAnalysis.LOWER);
        return "quality/rejects";
    }

    @GetMapping("/quality/rejects.csv")
    ResponseEntity<String> csv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String modalities) {
        RejectAnalysis.Result result = analyse(period(from, to, modalities));
        StringBuilder csv = new StringBuilder("grouping,group,rejected,images,rate_percent\r\n");
        append(csv, "room", result.byRoom());
        append(csv, "body part", result.byBodyPart());
        append(csv, "reason", result.byReason());
        append(csv, "month", result.byMonth());
        append(csv, "technologist", result.byTechnologist());
        append(csv, "total", List.of(result.total()));
        return CsvDownload.of("reject-analysis.csv", csv.toString());
    }

    private RejectAnalysis.Result analyse(Period period) {
        ZoneId zone = clock.getZone();
        Instant start = period.from().atStartOfDay(zone).toInstant();
        Instant end = period.to().plusDays(1).atStartOfDay(zone).toInstant();
        var rejects = rejections.between(start, end, period.modalities());
        audit.record(AuditEntry.success("REJECT_ANALYSIS_VIEWED", "QUALITY", null)
                .withDetail(period.from() + " to " + period.to() + ", " + String.join(" ", period.modalities())));
        List<StudyImageCount> perStudy = archive.storedImagesPerStudy(start, end, period.modalities());
        return RejectAnalysis.of(rejects, archive.storedImages(start, end, period.modalities(), zone), perStudy,
                technologists.of(perStudy), zone);
    }

    private Period period(LocalDate from, LocalDate to, String modalities) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusMonths(3) : from;
        List<String> chosen = modalities == null || modalities.isBlank() ? List.of("DX", "CR")
                : Stream.of(modalities.toUpperCase().split("[\\s,]+")).filter(code -> code.matches("[A-Z]{2,3}"))
                        .distinct().collect(Collectors.toList());
        return new Period(start.isAfter(end) ? end : start, end, chosen.isEmpty() ? List.of("DX", "CR") : chosen);
    }

    private static void append(StringBuilder csv, String grouping, List<RejectAnalysis.Row> rows) {
        for (RejectAnalysis.Row row : rows) {
            csv.append(grouping).append(',').append(CsvDownload.quoted(row.group())).append(',')
                    .append(row.rejected()).append(',')
                    .append(row.images() > 0 ? row.images() : "").append(',')
                    .append(row.rate() == null ? "" : row.rate()).append("\r\n");
        }
    }
}
