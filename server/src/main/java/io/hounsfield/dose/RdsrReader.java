package io.hounsfield.dose;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dose.ContentItem.Code;
import io.hounsfield.dose.DoseUnits.Quantity;
import io.hounsfield.dose.ReadDose.Irradiation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an X-Ray Radiation Dose SR (PS3.16 TID 10001 Projection X-Ray Radiation Dose with TID 10002/10003/10004,
 * TID 10011 CT Radiation Dose with TID 10012/10013), and the same report carried in an Enhanced or Comprehensive
 * SR whose root concept is (113701, DCM, "X-Ray Radiation Dose Report"). The content tree is walked by concept
 * code and scheme, never by meaning, and containers are looked for at any depth, since vendors nest them
 * differently. Whatever cannot be read is named in the problems; the rest is kept.
 */
final class RdsrReader {
    static final Set<String> DOSE_SR = Set.of(Uids.XRayRadiationDoseSRStorage, Uids.EnhancedXRayRadiationDoseSRStorage);
    static final Set<String> CARRIER_SR = Set.of(Uids.EnhancedSRStorage, Uids.ComprehensiveSRStorage,
            "1.2.840.10008.5.1.4.1.1.88.34");

    static final Code REPORT = Code.dcm("113701");
    static final Code CT_ACCUMULATED = Code.dcm("113811");
    static final Code CT_ACQUISITION = Code.dcm("113819");
    static final Code CT_ACQUISITION_TYPE = Code.dcm("113820");
    static final Code TOTAL_EVENTS = Code.dcm("113812");
    static final Code CTDI_VOL = Code.dcm("113830");
    static final Code DLP = Code.dcm("113838");
    static final Code DLP_TOTAL = Code.dcm("113813");
    static final Code PHANTOM = Code.dcm("113835");
    static final Code SSDE = Code.dcm("113930");
    static final Code WATER_EQUIVALENT_DIAMETER = Code.dcm("113980");
    static final Code ACCUMULATED_XRAY = Code.dcm("113702");
    static final Code XRAY_EVENT = Code.dcm("113706");
    static final Code DAP = Code.dcm("122130");
    static final Code DOSE_RP = Code.dcm("113738");
    static final Code DAP_TOTAL = Code.dcm("113722");
    static final Code DOSE_RP_TOTAL = Code.dcm("113725");
    static final Code FLUORO_TIME_TOTAL = Code.dcm("113730");
    static final Code EVENT_TYPE = Code.dcm("113721");
    static final Code EVENT_UID = Code.dcm("113769");
    static final Code PROTOCOL = Code.dcm("125203");
    static final Code LOCALIZER = Code.dcm("113805");

    /** CID 10013 CT Acquisition Type and CID 10002 Irradiation Event Type, in words for the cockpit. */
    private static final Map<Code, String> KINDS = Map.of(Code.dcm("113804"), "Axial", LOCALIZER, "Localizer",
            Code.dcm("113806"), "Stationary", Code.dcm("113807"), "Free", Code.sct("116152004"), "Spiral",
            Code.sct("702569007"), "Cone beam", Code.dcm("113611"), "Stationary acquisition",
            Code.dcm("113612"), "Stepping acquisition", Code.dcm("113613"), "Rotational acquisition",
            Code.sct("44491008"), "Fluoroscopy");
    private static final Map<Code, String> PHANTOMS = Map.of(Code.dcm("113690"), "head, 16 cm",
            Code.dcm("113691"), "body, 32 cm");

    private RdsrReader() {
    }

    /** Whether objects of this SOP class may hold a dose report. */
    static boolean mayHoldReport(String sopClassUid) {
        return DOSE_SR.contains(sopClassUid) || CARRIER_SR.contains(sopClassUid);
    }

    /** The report in {@code dataset}, or empty if it is an SR carrier whose root is not a dose report. */
    static Optional<ReadDose> read(Attributes dataset) {
        ContentItem root = new ContentItem(dataset);
        String sopClassUid = dataset.getString(Tags.SOPClassUID);
        List<String> problems = new ArrayList<>();
        if (!root.is(REPORT)) {
            if (!DOSE_SR.contains(sopClassUid)) {
                return Optional.empty();
            }
            problems.add("The report's title is not \"X-Ray Radiation Dose Report\" (code 113701).");
        }
        List<Irradiation> events = new ArrayList<>();
        Reading reading = new Reading(problems);
        Double dlpTotal = readCt(root, events, reading);
        Totals totals = readProjection(root, events, reading);
        String template = template(dataset, root);
        if (template == null) {
            problems.add("The report holds neither CT acquisitions nor projection X-ray dose data.");
        }
        return Optional.of(new ReadDose(template, List.copyOf(events), dlpTotal, totals.dap, totals.doseRp,
                totals.fluoroTime, List.copyOf(problems)));
    }

    /** (0040,DB00) Template Identifier of the root when present, else what the content shows. */
    private static String template(Attributes dataset, ContentItem root) {
        Sequence templates = dataset.getSequence(Tags.ContentTemplateSequence);
        if (templates != null && !templates.isEmpty()) {
            String identifier = templates.get(0).getString(Tags.TemplateIdentifier);
            if ("10011".equals(identifier == null ? null : identifier.strip())) {
                return "TID10011";
            }
            if ("10001".equals(identifier == null ? null : identifier.strip())) {
                return "TID10001";
            }
        }
        if (!root.descendants(CT_ACQUISITION).isEmpty() || !root.descendants(CT_ACCUMULATED).isEmpty()) {
            return "TID10011";
        }
        if (!root.descendants(XRAY_EVENT).isEmpty() || !root.descendants(ACCUMULATED_XRAY).isEmpty()) {
            return "TID10001";
        }
        return null;
    }

    /** TID 10012 and TID 10013; returns the DLP total (113813). */
    private static Double readCt(ContentItem root, List<Irradiation> events, Reading reading) {
        List<ContentItem> acquisitions = root.descendants(CT_ACQUISITION);
        int number = 0;
        for (ContentItem acquisition : acquisitions) {
            number++;
            Optional<Code> type = acquisition.descendant(CT_ACQUISITION_TYPE).flatMap(ContentItem::codeValue);
            String label = label(acquisition, type, "Acquisition " + number);
            String what = "acquisition " + number + " (" + label + ")";
            Double ctdiVol = reading.value(acquisition, CTDI_VOL, Quantity.DOSE, "the CTDIvol of " + what);
            Double dlp = reading.value(acquisition, DLP, Quantity.DOSE_LENGTH, "the DLP of " + what);
            boolean localizer = type.filter(LOCALIZER::equals).isPresent();
            if (ctdiVol == null && !localizer && !reading.named("the CTDIvol of " + what)) {
                reading.problems.add("The report gives no CTDIvol for " + what + ".");
            }
            String phantom = acquisition.descendant(PHANTOM).flatMap(ContentItem::codeValue).map(PHANTOMS::get)
                    .orElse(null);
            Double ssde = reading.value(acquisition, SSDE, Quantity.DOSE, "the SSDE of " + what);
            Double diameter = reading.value(acquisition, WATER_EQUIVALENT_DIAMETER, Quantity.LENGTH,
                    "the water-equivalent diameter of " + what);
            if (ssde == null) {
                ssde = Ssde.estimate(ctdiVol, diameter, phantom);
            }
            events.add(new Irradiation(true, uid(acquisition), label, ctdiVol, dlp, phantom, null, null, ssde,
                    diameter));
        }
        List<ContentItem> accumulated = root.descendants(CT_ACCUMULATED);
        if (accumulated.isEmpty()) {
            if (!acquisitions.isEmpty()) {
                reading.problems.add("The report has no CT accumulated dose data, so no DLP total.");
            }
            return null;
        }
        Double total = reading.value(accumulated.get(0), DLP_TOTAL, Quantity.DOSE_LENGTH, "the DLP total");
        if (total == null && !reading.named("the DLP total")) {
            reading.problems.add("The report gives no DLP total.");
        }
        accumulated.get(0).descendant(TOTAL_EVENTS).flatMap(ContentItem::measurement)
                .flatMap(ContentItem.Measurement::number).map(BigDecimal::intValue).ifPresent(said -> {
                    if (said != acquisitions.size()) {
                        reading.problems.add("The report says it has " + said
                                + " irradiation events but holds " + acquisitions.size() + ".");
                    }
                });
        return total;
    }

    private record Totals(Double dap, Double doseRp, Double fluoroTime) {
    }

    /** TID 10002/10004 (summed over planes) and TID 10003. */
    private static Totals readProjection(ContentItem root, List<Irradiation> events, Reading reading) {
        List<ContentItem> xrayEvents = root.descendants(XRAY_EVENT);
        int number = 0;
        for (ContentItem event : xrayEvents) {
            number++;
            Optional<Code> type = event.descendant(EVENT_TYPE).flatMap(ContentItem::codeValue);
            String label = label(event, type, "Event " + number);
            String what = "event " + number + " (" + label + ")";
            Double dap = reading.value(event, DAP, Quantity.DOSE_AREA, "the dose area product of " + what);
            Double doseRp = reading.value(event, DOSE_RP, Quantity.DOSE, "the dose at the reference point of " + what);
            events.add(Irradiation.projection(uid(event), label, dap, doseRp));
        }
        List<ContentItem> accumulated = root.descendants(ACCUMULATED_XRAY);
        if (accumulated.isEmpty()) {
            if (!xrayEvents.isEmpty()) {
                reading.problems.add("The report has no accumulated X-ray dose data, so no totals.");
            }
            return new Totals(null, null, null);
        }
        Double dap = null;
        Double doseRp = null;
        Double time = null;
        for (ContentItem plane : accumulated) {
            dap = sum(dap, reading.value(plane, DAP_TOTAL, Quantity.DOSE_AREA, "the dose area product total"));
            doseRp = sum(doseRp, reading.value(plane, DOSE_RP_TOTAL, Quantity.DOSE, "the dose (RP) total"));
            time = sum(time, reading.value(plane, FLUORO_TIME_TOTAL, Quantity.TIME, "the total fluoroscopy time"));
        }
        if (dap == null && !reading.named("the dose area product total")) {
            reading.problems.add("The report gives no dose area product total.");
        }
        return new Totals(dap, doseRp, time);
    }

    private static String label(ContentItem item, Optional<Code> type, String otherwise) {
        return item.descendant(PROTOCOL).flatMap(ContentItem::textValue)
                .or(() -> type.map(KINDS::get)).orElse(otherwise);
    }

    private static String uid(ContentItem item) {
        return item.descendant(EVENT_UID).flatMap(ContentItem::uid).orElse(null);
    }

    private static Double sum(Double total, Double value) {
        return DoseUnits.sum(total, value);
    }

    /** Reads NUM items, noting each one that is there but unreadable. */
    private record Reading(List<String> problems) {

        Double value(ContentItem container, Code code, Quantity quantity, String what) {
            Optional<ContentItem> item = container.descendant(code);
            if (item.isEmpty()) {
                return null;
            }
            Optional<ContentItem.Measurement> measurement = item.get().measurement();
            if (measurement.isEmpty()) {
                problems.add(capital(what) + " has no value.");
                return null;
            }
            ContentItem.Measurement value = measurement.get();
            if (value.raw() == null || value.raw().isBlank()) {
                problems.add(capital(what) + " has no value.");
                return null;
            }
            if (value.number().isEmpty()) {
                problems.add(capital(what) + " is not a number: \"" + value.raw() + "\".");
                return null;
            }
            if (value.unit() == null) {
                problems.add(capital(what) + " has no unit.");
                return null;
            }
            BigDecimal converted = DoseUnits.convert(value.number().get(), value.unit(), quantity);
            if (converted == null) {
                problems.add(capital(what) + " is in a unit that is not understood: \"" + value.unit()
                        + "\" (expected a unit like " + quantity.label() + ").");
                return null;
            }
            return converted.doubleValue();
        }

        /** Whether a problem already names {@code what} (so it is not reported twice). */
        boolean named(String what) {
            return problems.stream().anyMatch(problem -> problem.toLowerCase().contains(what.toLowerCase()));
        }

        private static String capital(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }
}
