package io.hounsfield.qc;

import io.hounsfield.equipment.Equipment;
import io.hounsfield.equipment.EquipmentService;
import io.hounsfield.equipment.QcResultRecorded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The QC program: results of the equipment's tests (the CT daily water test computed from its phantom image, others
 * entered by hand), their tolerances, and what is due. A recorded result is announced as {@link QcResultRecorded}
 * after it is committed.
 *
 * <p>Noise baseline: the device's established value in the program (tolerance {@code NOISE_BASELINE}, set by a lead
 * or physicist) when there is one; otherwise the mean noise of the device's first {@value #BASELINE_RESULTS} passing
 * water tests; until then noise is not judged (ACR 2017 CT QC Manual: SD within ±20% of the established baseline).
 */
@Service
public class QcService implements io.hounsfield.equipment.OverdueQc {

    static final String CT_WATER = "CT_WATER_DAILY";
    static final int BASELINE_RESULTS = 5;

    private final QcRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<String> dailyDevices;
    private final EquipmentService equipment;

    QcService(QcRecords records, ApplicationEventPublisher events, Clock clock,
            @Value("${hounsfield.qc.ct-water.ae-title:CT1}") List<String> dailyDevices, EquipmentService equipment) {
        this.records = records;
        this.events = events;
        this.clock = clock;
        this.dailyDevices = dailyDevices;
        this.equipment = equipment;
    }

    /** The results of a device (all devices for an empty AE title) performed in [from, to). */
    public List<QcResult> results(String aeTitle, Instant from, Instant to) {
        return records.results(aeTitle == null ? "" : aeTitle.strip(), from, to);
    }

    /**
     * One plain line per device whose daily water test has not been done today (department time), e.g.
     * "CT1: daily QC not done today" — the test is due each day before the first clinical scan.
     */
    @Override
    public List<String> overdueDailyQc() {
        LocalDate today = LocalDate.now(clock);
        return dailyDevices.stream().filter(ae -> !ae.isBlank())
                .filter(ae -> records.lastPerformed(ae, CT_WATER)
                        .map(at -> at.atZone(clock.getZone()).toLocalDate().isBefore(today)).orElse(true))
                .map(ae -> ae + ": daily QC not done today").toList();
    }

    /** The program of every device: its modality's tests, each with when it was last done and whether it is due. */
    List<QcProgram.Row> program() {
        Map<String, List<QcProgram.Test>> testsByModality = new HashMap<>();
        Map<String, List<QcProgram.Test>> testsByDevice = new LinkedHashMap<>();
        programDevices().forEach((aeTitle, modality) -> testsByDevice.put(aeTitle,
                testsByModality.computeIfAbsent(modality, records::tests)));
        return QcProgram.rows(testsByDevice, records, clock);
    }

    /**
     * The devices the program covers, by AE title, with their modality: the daily water-phantom CTs and each unit of
     * the equipment records (by its first AE title).
     */
    Map<String, String> programDevices() {
        Map<String, String> devices = new LinkedHashMap<>();
        dailyDevices.stream().filter(ae -> !ae.isBlank()).forEach(ae -> devices.put(ae, "CT"));
        equipment.all().stream().sorted(Comparator.comparing(Equipment::name))
                .forEach(unit -> unit.aeTitles().stream().findFirst()
                        .ifPresent(ae -> devices.putIfAbsent(ae, unit.modality())));
        return devices;
    }

    List<QcProgram.Test> tests() {
        return Stream.of("CT", "MR", "DX").flatMap(m -> records.tests(m).stream()).toList();
    }

    /** The CTs whose daily water-phantom images are analysed. */
    List<String> devices() {
        return dailyDevices;
    }

    List<Map<String, Object>> tolerances() {
        return records.currentTolerances();
    }

    void changeTolerance(long id, Double low, Double high, String source, String actor) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("Say where the new tolerance comes from.");
        }
        records.changeTolerance(id, low, high, source.strip(), actor, clock.instant());
    }

    /**
     * A result entered by hand: with a value, pass or fail is computed from the test's first current tolerance;
     * without one (a visual test), the technologist's answer counts.
     */
    QcResult recordByHand(String aeTitle, String test, Double value, boolean passed, String notes, String actor) {
        Optional<double[]> limits = records.tests(test.startsWith("CT") ? "CT" : test.startsWith("MR") ? "MR" : "DX")
                .stream().filter(t -> t.code().equals(test)).findFirst().flatMap(t -> records.currentTolerances()
                        .stream().filter(row -> test.equals(row.get("test_code"))).findFirst())
                .map(row -> new double[] {number(row.get("low"), Double.NEGATIVE_INFINITY),
                        number(row.get("high"), Double.POSITIVE_INFINITY)});
        boolean pass = value != null && limits.isPresent() ? value >= limits.get()[0] && value <= limits.get()[1]
                : passed;
        List<String> reasons = List.of(value == null ? (pass ? "Passed on inspection" : "Failed on inspection")
                : "Measured " + value + (pass ? " within tolerance" : " outside tolerance"));
        QcResult result = new QcResult(null, aeTitle, test, clock.instant(), pass ? "PASS" : "FAIL",
                CT_WATER.equals(test) ? value : null, null, null, Map.of(), null, reasons,
                notes == null ? "" : notes.strip(), actor);
        record(result);
        return result;
    }

    private static double number(Object value, double missing) {
        return value == null ? missing : ((Number) value).doubleValue();
    }

    /** The daily water results of a scanner over the last {@code days} days, for its trend charts. */
    QcTrend trend(String aeTitle, int days) {
        Instant to = clock.instant();
        List<QcResult> results = records.results(aeTitle, to.minus(Duration.ofDays(days)),
                to.plusSeconds(1)).stream().filter(r -> CT_WATER.equals(r.test())).toList();
        return QcTrend.of(aeTitle, results, waterTolerances(aeTitle));
    }

    /** The water tolerances in force for {@code aeTitle}, with its noise baseline (see the class comment). */
    WaterTolerances waterTolerances(String aeTitle) {
        double[] mean = records.tolerance(CT_WATER, "WATER_MEAN", aeTitle).orElse(new double[] {-5, 5});
        double noise = records.tolerance(CT_WATER, "NOISE_PERCENT", aeTitle).map(v -> v[1]).orElse(20.0);
        double uniformity = records.tolerance(CT_WATER, "UNIFORMITY", aeTitle).map(v -> v[1]).orElse(5.0);
        return new WaterTolerances(mean[0], mean[1], noise, baseline(aeTitle), uniformity);
    }

    private Double baseline(String aeTitle) {
        Optional<double[]> set = records.tolerance(CT_WATER, "NOISE_BASELINE", aeTitle);
        if (set.isPresent()) {
            return set.get()[1];
        }
        List<Double> first = records.firstPassingNoise(aeTitle, BASELINE_RESULTS);
        return first.size() < BASELINE_RESULTS ? null
                : first.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Saves a result and announces it once the transaction (if any) commits. */
    void record(QcResult result) {
        records.save(result);
        QcResultRecorded event = new QcResultRecorded(result.aeTitle(), result.test(), result.passed(),
                String.join("; ", result.reasons()), result.performed());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(event);
                }
            });
        } else {
            events.publishEvent(event);
        }
    }
}
