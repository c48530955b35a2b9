package io.hounsfield.qc;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo mode's daily water tests of the QC scanners over the last three weeks, each done at 07:10 and judged by the
 * tolerances in force (they pass: the values stay well inside them), so that the trend charts have a history; today's is left to do, so the board shows it as not done yet. Made once: a
 * scanner with results keeps them.
 */
@Component
@ConditionalOnProperty(name = "hounsfield.demo", havingValue = "true")
class QcDemoHistory {

    static final int DAYS = 21;

    private final QcService qc;
    private final Clock clock;

    QcDemoHistory(QcService qc, Clock clock) {
        this.qc = qc;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        LocalDate today = LocalDate.now(clock);
        for (String aeTitle : qc.devices()) {
            if (aeTitle.isBlank() || !qc.results(aeTitle, clock.instant().minus(Duration.ofDays(365)),
                    clock.instant().plusSeconds(1)).isEmpty()) {
                continue;
            }
            Random random = new Random(aeTitle.hashCode());
            for (int day = DAYS; day >= 1; day--) {
                double mean = round(random.nextGaussian() * 0.8);
                LinkedHashMap<String, Double> rois = new LinkedHashMap<>();
                rois.put("centre", mean);
                for (String position : List.of("12h", "3h", "6h", "9h")) {
                    rois.put(position, round(mean + random.nextGaussian()));
                }
                PhantomMeasurement measured = PhantomMeasurement.of(mean, round(5.0 + random.nextGaussian() * 0.15),
                        rois, 200.0);
                QcOutcome outcome = qc.waterTolerances(aeTitle).judge(measured);
                qc.record(new QcResult(null, aeTitle, QcService.CT_WATER,
                        today.minusDays(day).atTime(LocalTime.of(7, 10)).atZone(clock.getZone()).toInstant(),
                        outcome.outcome(), measured.meanHu(), measured.noiseSdHu(), round(measured.uniformityHu()),
                        measured.roiMeans(), measured.phantomDiameterMm(), outcome.reasons(), "Demo history", "demo"));
            }
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
