package io.hounsfield.dose;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dose.DoseReports.CtAcquisition;
import io.hounsfield.dose.DoseReports.Num;
import io.hounsfield.dose.DoseReports.XrayEvent;
import io.hounsfield.dose.DoseUnits.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dose reports and headers generated here are read to the digit, in either unit convention. */
class DoseReadingTest {
    private static final TestStudies.Study STUDY = TestStudies.Study.of("DOSE-1", "DOSE^DORA", "DOSEACC1",
            "20261201");

    @Test
    void unitsAreReadHoweverVendorsSpellThem() {
        assertThat(factor("Gy.m2", Quantity.DOSE_AREA)).isEqualTo("10000");
        assertThat(factor("Gym2", Quantity.DOSE_AREA)).isEqualTo("10000");
        assertThat(factor("dGy.cm2", Quantity.DOSE_AREA)).isEqualTo("0.1");
        assertThat(factor("cGy.cm2", Quantity.DOSE_AREA)).isEqualTo("0.01");
        assertThat(factor("mGy.cm2", Quantity.DOSE_AREA)).isEqualTo("0.001");
        assertThat(factor("uGy.m2", Quantity.DOSE_AREA)).isEqualTo("0.01");
        assertThat(factor("µGy·m²", Quantity.DOSE_AREA)).isEqualTo("0.01");
        assertThat(factor("mGy.cm", Quantity.DOSE_LENGTH)).isEqualTo("1");
        assertThat(factor("mGycm", Quantity.DOSE_LENGTH)).isEqualTo("1");
        assertThat(factor("Gy.cm", Quantity.DOSE_LENGTH)).isEqualTo("1000");
        assertThat(factor("mGy.mm", Quantity.DOSE_LENGTH)).isEqualTo("0.1");
        assertThat(factor("Gy", Quantity.DOSE)).isEqualTo("1000");
        assertThat(factor("dGy", Quantity.DOSE)).isEqualTo("100");
        assertThat(factor("mGy", Quantity.DOSE)).isEqualTo("1");
        assertThat(factor("min", Quantity.TIME)).isEqualTo("60");
        assertThat(factor("s", Quantity.TIME)).isEqualTo("1");
        assertThat(DoseUnits.factor("Gy.m2", Quantity.DOSE_LENGTH)).as("a DAP unit is no DLP unit").isNull();
        assertThat(DoseUnits.factor("mGy", Quantity.DOSE_AREA)).isNull();
        assertThat(DoseUnits.factor("furlong", Quantity.DOSE)).isNull();
    }

    @Test
    void aCtReportGivesCtdiVolAndDlpPerAcquisitionAndTheTotalInEitherConvention() {
        Attributes dotted = DoseReports.ct(STUDY, DoseReports.acquisitions("Head", "56.21", "1011.7", "mGy.cm",
                "Neck", "12.5", "301.25", "mGy.cm", "Localizer", "0.13", "1.05", "mGy.cm"), new Num("1314", "mGy.cm"));
        Attributes vendor = DoseReports.ct(STUDY, DoseReports.acquisitions("Head", "56.21", "1.0117", "Gy.cm",
                "Neck", "12.5", "301.25", "mGycm", "Localizer", "0.13", "10.5", "mGy.mm"), new Num("1314", "mGycm"));

        for (Attributes report : List.of(dotted, vendor)) {
            DoseReport read = read(report);
            assertThat(read.template()).isEqualTo("TID10011");
            assertThat(read.irradiationEvents()).isEqualTo(3);
            assertThat(read.ctdiVolMGy()).containsExactly(56.21, 12.5, 0.13);
            assertThat(read.dlpMGyCm()).containsExactly(1011.7, 301.25, 1.05);
            assertThat(read.dlpTotalMGyCm()).isEqualTo(1314.0);
            assertThat(read.dapTotalGyCm2()).isNull();
            assertThat(read.eventDapGyCm2()).isEmpty();
            assertThat(read.partial()).isFalse();
            assertThat(read.problems()).isEmpty();
        }
    }

    /** AAPM Report 204: SSDE = f(D) · CTDIvol, f = 3.704369 e^(-0.03671937 D) for the 32 cm phantom, D in cm. */
    @Test
    void theSsdeIsEstimatedFromTheWaterEquivalentDiameterWhenTheReportGivesNone() {
        Attributes report = DoseReports.withWaterEquivalentDiameter(DoseReports.ct(STUDY, DoseReports.acquisitions(
                "Abdomen", "10", "400", "mGy.cm"), new Num("400", "mGy.cm")), new Num("30", "cm"));
        ReadDose dose = RdsrReader.read(report).orElseThrow();
        assertThat(dose.events()).singleElement().satisfies(event -> {
            assertThat(event.waterEqDiameterMm()).isEqualTo(300.0);
            assertThat(event.ssdeMGy()).isEqualTo(12.31);
        });
        assertThat(dose.problems()).isEmpty();
        assertThat(Ssde.estimate(10.0, 160.0, "head, 16 cm")).isEqualTo(10.09);
        assertThat(Ssde.estimate(10.0, 500.0, "body, 32 cm")).as("beyond the report's table").isNull();
        assertThat(Ssde.estimate(10.0, 300.0, null)).as("phantom unknown").isNull();
    }

    @Test
    void aProjectionReportGivesDapAndDoseRpPerEventAndTheTotalsInEitherConvention() {
        Attributes si = DoseReports.projection(STUDY, List.of(
                new XrayEvent("Fluoro low", TestStudies.newUid(), new Num("0.00123", "Gy.m2"), new Num("0.0154", "Gy")),
                new XrayEvent("Cine", TestStudies.newUid(), new Num("0.000456", "Gy.m2"), new Num("0.0062", "Gy")),
                new XrayEvent("Fluoro high", TestStudies.newUid(), new Num("0.0021", "Gy.m2"), new Num("0.031", "Gy"))),
                new Num("0.003786", "Gy.m2"), new Num("0.0526", "Gy"), new Num("312.5", "s"));
        Attributes vendor = DoseReports.projection(STUDY, List.of(
                new XrayEvent("Fluoro low", TestStudies.newUid(), new Num("12300", "mGy.cm2"), new Num("15.4", "mGy")),
                new XrayEvent("Cine", TestStudies.newUid(), new Num("45.6", "dGy.cm2"), new Num("6.2", "mGy")),
                new XrayEvent("Fluoro high", TestStudies.newUid(), new Num("2100", "uGy.m2"), new Num("3.1", "cGy"))),
                new Num("0.003786", "Gym2"), new Num("52.6", "mGy"), new Num("5.2083333", "min"));

        DoseReport first = read(si);
        DoseReport second = read(vendor);
        for (DoseReport read : List.of(first, second)) {
            assertThat(read.template()).isEqualTo("TID10001");
            assertThat(read.irradiationEvents()).isEqualTo(3);
            assertThat(read.eventDapGyCm2()).containsExactly(12.3, 4.56, 21.0);
            assertThat(read.eventDoseRpMGy()).containsExactly(15.4, 6.2, 31.0);
            assertThat(read.dapTotalGyCm2()).isEqualTo(37.86);
            assertThat(read.doseRpTotalMGy()).isEqualTo(52.6);
            assertThat(read.ctdiVolMGy()).isEmpty();
            assertThat(read.dlpTotalMGyCm()).isNull();
            assertThat(read.partial()).as("%s", read.problems()).isFalse();
        }
        assertThat(first.fluoroTimeTotalS()).isEqualTo(312.5);
        assertThat(second.fluoroTimeTotalS()).isEqualTo(312.499998);
    }

    @Test
    void aContinuedCtReportReplacesTheOneItRepeatsAndReportsOfTheirOwnAddUp() {
        List<CtAcquisition> first = DoseReports.acquisitions("Chest", "8.4", "312.6", "mGy.cm", "Abdomen", "11.2",
                "498.3", "mGy.cm");
        List<CtAcquisition> continued = new ArrayList<>(first);
        continued.addAll(DoseReports.acquisitions("Pelvis delayed", "10.9", "287.15", "mGycm"));
        ReadDose before = RdsrReader.read(DoseReports.ct(STUDY, first, new Num("810.9", "mGy.cm"))).orElseThrow();
        ReadDose after = RdsrReader.read(DoseReports.ct(STUDY, continued, new Num("1098.05", "mGy.cm")))
                .orElseThrow();

        ExamDose exam = ExamTotals.of(List.of(before, after), List.of(), List.of());

        assertThat(exam.source()).isEqualTo("dose report");
        assertThat(exam.acquisitions()).extracting(ExamDose.Acquisition::label)
                .containsExactly("Chest", "Abdomen", "Pelvis delayed");
        assertThat(exam.acquisitions()).extracting(ExamDose.Acquisition::ctdiVolMGy).containsExactly(8.4, 11.2, 10.9);
        assertThat(exam.acquisitions()).extracting(ExamDose.Acquisition::phantom).containsOnly("body, 32 cm");
        assertThat(exam.dlpTotalMGyCm()).isEqualTo(1098.05);

        ReadDose separate = RdsrReader.read(DoseReports.ct(STUDY, DoseReports.acquisitions("Head", "56.21",
                "1011.7", "mGy.cm"), new Num("1011.7", "mGy.cm"))).orElseThrow();
        ExamDose both = ExamTotals.of(List.of(before, separate), List.of(), List.of());
        assertThat(both.source()).isEqualTo("dose reports");
        assertThat(both.dlpTotalMGyCm()).isEqualTo(1822.6);
        assertThat(both.acquisitions()).hasSize(3);
    }

    @Test
    void aMalformedReportKeepsWhatCanBeReadAndSaysWhatCannot() {
        Attributes report = DoseReports.ct(STUDY, DoseReports.acquisitions("Head", "56,2", "1011.7", "mGy.cm",
                "Neck", "12.5", "301.25", "furlongs"), null);
        Sequence content = report.getSequence(Tags.ContentSequence);
        Attributes accumulated = content.get(1);
        accumulated.getSequence(Tags.ContentSequence).get(0).getSequence(Tags.MeasuredValueSequence).get(0)
                .setString(Tags.NumericValue, io.hounsfield.dicom.data.VR.DS, "3");

        DoseReport read = read(report);

        assertThat(read.partial()).isTrue();
        assertThat(read.ctdiVolMGy()).containsExactly(12.5);
        assertThat(read.dlpMGyCm()).containsExactly(1011.7);
        assertThat(read.dlpTotalMGyCm()).isNull();
        assertThat(read.problems()).containsExactly(
                "The CTDIvol of acquisition 1 (Head) is not a number: \"56,2\".",
                "The DLP of acquisition 2 (Neck) is in a unit that is not understood: \"furlongs\" (expected a unit"
                        + " like mGy·cm).",
                "The report gives no DLP total.",
                "The report says it has 3 irradiation events but holds 2.");
    }

    @Test
    void aBrokenContentTreeIsReadAsFarAsItGoesWithoutThrowing() {
        Attributes report = DoseReports.projection(STUDY, List.of(
                new XrayEvent("Fluoro", TestStudies.newUid(), new Num("12.5", null), new Num("15.4", "mGy"))),
                new Num("0.00125", "Gy.m2"), new Num("15.4", "mGy"), new Num("20", "s"));
        Sequence content = report.getSequence(Tags.ContentSequence);
        content.addItem();
        Attributes event = content.get(2);
        event.getSequence(Tags.ContentSequence).get(4).getSequence(Tags.MeasuredValueSequence).get(0)
                .remove(Tags.NumericValue);
        report.getSequence(Tags.ContentTemplateSequence).get(0).remove(Tags.TemplateIdentifier);

        DoseReport read = read(report);

        assertThat(read.template()).as("inferred from the irradiation events").isEqualTo("TID10001");
        assertThat(read.eventDapGyCm2()).isEmpty();
        assertThat(read.eventDoseRpMGy()).isEmpty();
        assertThat(read.dapTotalGyCm2()).isEqualTo(12.5);
        assertThat(read.problems()).containsExactly(
                "The dose area product of event 1 (Fluoro) has no unit.",
                "The dose at the reference point of event 1 (Fluoro) has no value.");
    }

    @Test
    void anSrThatIsNoDoseReportIsNotOne() {
        Attributes report = DoseReports.ct(STUDY, DoseReports.acquisitions("Head", "1", "2", "mGy.cm"), null);
        report.setString(Tags.SOPClassUID, io.hounsfield.dicom.data.VR.UI, "1.2.840.10008.5.1.4.1.1.88.33");
        report.getSequence(Tags.ConceptNameCodeSequence).get(0).setString(Tags.CodeValue,
                io.hounsfield.dicom.data.VR.SH, "18748-4");

        assertThat(RdsrReader.read(report)).isEmpty();
    }

    @Test
    void headersGiveCtdiVolPerSeriesAndDapPerImage() {
        String ctSeries = TestStudies.newUid();
        List<Map.Entry<String, HeaderDose>> ct = List.of(
                Map.entry(ctSeries, HeaderDose.read(DoseReports.ctImage(STUDY, ctSeries, 1, 14.5))),
                Map.entry(ctSeries, HeaderDose.read(DoseReports.ctImage(STUDY, ctSeries, 2, 15.5))),
                Map.entry(ctSeries, HeaderDose.read(DoseReports.ctImage(STUDY, ctSeries, 3, 16.25))));
        ExamDose ctExam = ExamTotals.of(List.of(), ct, List.of());
        assertThat(ctExam.source()).isEqualTo("image headers");
        assertThat(ctExam.acquisitions()).singleElement().satisfies(acquisition -> {
            assertThat(acquisition.ctdiVolMGy()).isEqualTo(15.4167);
            assertThat(acquisition.label()).isEqualTo("Series 1 (3 images)");
            assertThat(acquisition.dlpMGyCm()).isNull();
        });

        String dxSeries = TestStudies.newUid();
        HeaderDose pa = HeaderDose.read(DoseReports.dxImage(STUDY, dxSeries, 1, "1.23", "0.12", "2.0"));
        HeaderDose lateral = HeaderDose.read(DoseReports.dxImage(STUDY, dxSeries, 2, "4.56", "0.41", "-1.5"));
        assertThat(pa.dapGyCm2()).isEqualTo(0.123);
        assertThat(pa.entranceDoseMGy()).isEqualTo(0.12);
        assertThat(pa.exposureIndex()).isEqualTo(400.0);
        assertThat(lateral.deviationIndex()).isEqualTo(-1.5);
        ExamDose dxExam = ExamTotals.of(List.of(), List.of(Map.entry(dxSeries, pa), Map.entry(dxSeries, lateral)), List.of());
        assertThat(dxExam.events()).extracting(ExamDose.Event::dapGyCm2).containsExactly(0.123, 0.456);
        assertThat(dxExam.dapTotalGyCm2()).isEqualTo(0.579);
        assertThat(HeaderDose.read(TestStudies.image(STUDY, ctSeries, 1, 9))).as("no dose in it").isNull();
    }

    private static String factor(String unit, Quantity quantity) {
        BigDecimal factor = DoseUnits.factor(unit, quantity);
        return factor == null ? null : factor.stripTrailingZeros().toPlainString();
    }

    private static DoseReport read(Attributes report) {
        return DoseReport.of(report.getString(Tags.SOPInstanceUID), RdsrReader.read(report).orElseThrow());
    }
}
