package io.hounsfield.dose;

import io.hounsfield.dose.ReadDose.Irradiation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Adds up an exam's dose. A scanner that continues an exam sends a second report that repeats the irradiation
 * events of the first (by Irradiation Event UID, 113769) with the new ones: a report whose events all appear in a
 * later or larger one is replaced by it, and reports with events of their own are added. Without reports, the
 * images' headers give CTDIvol per series and acquisition (the mean over its images) and dose area product per
 * image; headers give no DLP. Without either, the modality's performed procedure steps give dose area product,
 * entrance dose and fluoroscopy time.
 */
final class ExamTotals {
    private ExamTotals() {
    }

    static ExamDose of(List<ReadDose> reports, List<Map.Entry<String, HeaderDose>> images, List<HeaderDose> steps) {
        if (!reports.isEmpty()) {
            return fromReports(reports);
        }
        if (!images.isEmpty()) {
            return fromHeaders(images, "image headers", "Image ");
        }
        return steps.isEmpty() ? ExamDose.NONE : fromHeaders(steps.stream().map(step -> Map.entry("", step))
                .toList(), ExamDose.FROM_STEPS, "Procedure step ");
    }

    static ExamDose fromReports(List<ReadDose> reports) {
        List<ReadDose> kept = withoutReplaced(reports);
        Map<Object, Irradiation> events = new LinkedHashMap<>();
        Double dlp = null;
        Double dap = null;
        Double doseRp = null;
        Double time = null;
        Set<String> problems = new LinkedHashSet<>();
        for (ReadDose report : kept) {
            for (Irradiation event : report.events()) {
                events.put(event.eventUid() == null ? new Object() : event.eventUid(), event);
            }
            Double ownDlp = report.dlpTotalMGyCm();
            if (ownDlp == null) {
                ownDlp = report.events().stream().map(Irradiation::dlpMGyCm).filter(Objects::nonNull)
                        .reduce(DoseUnits::sum).orElse(null);
            }
            dlp = DoseUnits.sum(dlp, ownDlp);
            dap = DoseUnits.sum(dap, report.dapTotalGyCm2());
            doseRp = DoseUnits.sum(doseRp, report.doseRpTotalMGy());
            time = DoseUnits.sum(time, report.fluoroTimeTotalS());
            problems.addAll(report.problems());
        }
        List<ExamDose.Acquisition> acquisitions = new ArrayList<>();
        List<ExamDose.Event> projection = new ArrayList<>();
        for (Irradiation event : events.values()) {
            if (event.ct()) {
                acquisitions.add(new ExamDose.Acquisition(event.label(), event.ctdiVolMGy(), event.dlpMGyCm(),
                        event.phantom(), event.ssdeMGy()));
            } else {
                projection.add(new ExamDose.Event(event.label(), event.dapGyCm2(), event.doseRpMGy(), null, null));
            }
        }
        return new ExamDose(kept.size() == 1 ? "dose report" : "dose reports", acquisitions, dlp, projection, dap,
                doseRp, time, List.copyOf(problems));
    }

    /** The reports not replaced by a continued one: their event UIDs all appear in another, later or larger. */
    static List<ReadDose> withoutReplaced(List<ReadDose> reports) {
        List<ReadDose> kept = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Set<String> own = uids(reports.get(i));
            boolean replaced = false;
            for (int j = 0; j < reports.size() && !own.isEmpty() && !replaced; j++) {
                Set<String> other = uids(reports.get(j));
                replaced = j != i && other.containsAll(own) && (other.size() > own.size() || j > i);
            }
            if (!replaced) {
                kept.add(reports.get(i));
            }
        }
        return kept;
    }

    private static Set<String> uids(ReadDose report) {
        Set<String> uids = new LinkedHashSet<>();
        for (Irradiation event : report.events()) {
            if (event.eventUid() == null) {
                return Set.of();
            }
            uids.add(event.eventUid());
        }
        return uids;
    }

    /** Header values of images (with their series UID), or of procedure steps, which have no CTDIvol. */
    private static ExamDose fromHeaders(List<Map.Entry<String, HeaderDose>> images, String source, String label) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        List<ExamDose.Event> events = new ArrayList<>();
        Double dap = null;
        Double doseRp = null;
        Double time = null;
        for (Map.Entry<String, HeaderDose> image : images) {
            HeaderDose dose = image.getValue();
            if (dose.ctdiVolMGy() != null) {
                String key = image.getKey() + "|" + dose.acquisitionNumber();
                series.computeIfAbsent(key, unused -> new ArrayList<>()).add(dose.ctdiVolMGy());
            }
            if (dose.dapGyCm2() != null || dose.entranceDoseMGy() != null || dose.deviationIndex() != null) {
                events.add(new ExamDose.Event(label + (events.size() + 1), dose.dapGyCm2(), dose.doseRpMGy(),
                        dose.entranceDoseMGy(), dose.deviationIndex()));
            }
            dap = DoseUnits.sum(dap, dose.dapGyCm2());
            doseRp = DoseUnits.sum(doseRp, dose.doseRpMGy());
            time = DoseUnits.sum(time, dose.fluoroTimeS());
        }
        List<ExamDose.Acquisition> acquisitions = new ArrayList<>();
        for (List<Double> values : series.values()) {
            double mean = values.stream().reduce(DoseUnits::sum).orElseThrow() / values.size();
            acquisitions.add(new ExamDose.Acquisition("Series " + (acquisitions.size() + 1) + " (" + values.size()
                    + (values.size() == 1 ? " image)" : " images)"), Math.round(mean * 1e4) / 1e4, null, null, null));
        }
        return new ExamDose(source, acquisitions, null, events, dap, doseRp, time, List.of());
    }
}
