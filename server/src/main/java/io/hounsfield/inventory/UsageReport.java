package io.hounsfield.inventory;

import io.hounsfield.catalog.Procedure;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.ExamService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** An item's use per exam type (procedure code) over the last days, for the usage chart. */
@Component
class UsageReport {

    private final StockQueries queries;
    private final ExamService exams;
    private final ProcedureCatalog catalog;
    private final Clock clock;

    UsageReport(StockQueries queries, ExamService exams, ProcedureCatalog catalog, Clock clock) {
        this.queries = queries;
        this.exams = exams;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Totals per procedure, largest first, over the {@code days} up to and including today. */
    List<UsageBar> perProcedure(StockQueries.Item item, int days) {
        Instant to = LocalDate.now(clock).plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        Instant from = LocalDate.now(clock).minusDays(days - 1L).atStartOfDay(clock.getZone()).toInstant();
        Map<String, BigDecimal> totals = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (StockQueries.ExamUse use : queries.uses(item.id(), from, to)) {
            String code = exams.get(use.examId()).procedureCode();
            totals.merge(code, use.amount(), BigDecimal::add);
            counts.merge(code, 1L, Long::sum);
        }
        return totals.entrySet().stream()
                .map(total -> new UsageBar(total.getKey(), catalog.find(total.getKey()).map(Procedure::name)
                        .orElse(total.getKey()), total.getValue(), counts.get(total.getKey()), item.unit()))
                .sorted(Comparator.comparing(UsageBar::total).reversed().thenComparing(UsageBar::procedureCode))
                .toList();
    }
}
