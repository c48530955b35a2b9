package io.hounsfield.dose;

import io.hounsfield.archive.TestStudies;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates X-Ray Radiation Dose SRs for tests (PS3.16 TID 10011 CT with TID 10012/10013; TID 10001 projection with
 * TID 10002/10003), and CT and DX images with dose in their headers, using the toolkit's writer.
 */
public final class DoseReports {
    private DoseReports() {
    }

    /** A NUM value as a device writes it: the number as text and its UCUM unit code. */
    public record Num(String value, String unit) {
    }

    /** One CT acquisition; {@code uid} is its Irradiation Event UID. */
    public record CtAcquisition(String protocol, String uid, Num ctdiVol, Num dlp) {
    }

    /** One projection irradiation event. */
    public record XrayEvent(String protocol, String uid, Num dap, Num doseRp) {
    }

    public static Attributes ct(TestStudies.Study study, List<CtAcquisition> acquisitions, Num dlpTotal) {
        Attributes report = document(study, "10011", "77477000", "SCT", "Computerized tomography");
        Sequence content = report.getSequence(Tags.ContentSequence);
        Attributes accumulated = container(content, "113811", "CT Accumulated Dose Data");
        Sequence totals = accumulated.newSequence(Tags.ContentSequence);
        num(totals, "113812", "Total Number of Irradiation Events", new Num(String.valueOf(acquisitions.size()),
                "{events}"));
        if (dlpTotal != null) {
            num(totals, "113813", "CT Dose Length Product Total", dlpTotal);
        }
        for (CtAcquisition acquisition : acquisitions) {
            Sequence items = container(content, "113819", "CT Acquisition").newSequence(Tags.ContentSequence);
            text(items, "125203", "Acquisition Protocol", acquisition.protocol());
            code(items, "113820", "CT Acquisition Type", "116152004", "SCT", "Spiral Acquisition");
            uidref(items, "113769", "Irradiation Event UID", acquisition.uid());
            Sequence dose = container(items, "113829", "CT Dose").newSequence(Tags.ContentSequence);
            num(dose, "113830", "Mean CTDIvol", acquisition.ctdiVol());
            num(dose, "113838", "DLP", acquisition.dlp());
            code(dose, "113835", "CTDIw Phantom Type", "113691", "DCM", "IEC Body Dosimetry Phantom");
        }
        return report;
    }

    public static Attributes projection(TestStudies.Study study, List<XrayEvent> events, Num dapTotal, Num doseRpTotal,
            Num fluoroTime) {
        Attributes report = document(study, "10001", "113704", "DCM", "Projection X-Ray");
        Sequence content = report.getSequence(Tags.ContentSequence);
        Sequence totals = container(content, "113702", "Accumulated X-Ray Dose Data")
                .newSequence(Tags.ContentSequence);
        code(totals, "113780", "Reference Point Definition", "113860", "DCM", "15cm from Isocenter toward Source");
        num(totals, "113722", "Dose Area Product Total", dapTotal);
        num(totals, "113725", "Dose (RP) Total", doseRpTotal);
        num(totals, "113730", "Total Fluoro Time", fluoroTime);
        for (XrayEvent event : events) {
            Sequence items = container(content, "113706", "Irradiation Event X-Ray Data")
                    .newSequence(Tags.ContentSequence);
            text(items, "125203", "Acquisition Protocol", event.protocol());
            code(items, "113721", "Irradiation Event Type", "44491008", "SCT", "Fluoroscopy");
            uidref(items, "113769", "Irradiation Event UID", event.uid());
            num(items, "122130", "Dose Area Product", event.dap());
            num(items, "113738", "Dose (RP)", event.doseRp());
        }
        return report;
    }

    /** A CT image with CTDIvol (0018,9345) in its header. */
    public static Attributes ctImage(TestStudies.Study study, String seriesUid, int number, double ctdiVol) {
        Attributes image = TestStudies.image(study, seriesUid, 1, number);
        image.setDoubles(Tags.CTDIvol, VR.FD, ctdiVol);
        image.setInts(Tags.AcquisitionNumber, VR.IS, 1);
        return image;
    }

    /** A DX image with its dose area product (dGy·cm², (0018,115E)), entrance dose and exposure indices. */
    public static Attributes dxImage(TestStudies.Study study, String seriesUid, int number, String dapDGyCm2,
            String entranceDoseMGy, String deviationIndex) {
        Attributes image = TestStudies.image(study, seriesUid, 1, number);
        image.setString(Tags.SOPClassUID, VR.UI, Uids.DigitalXRayImageStorageForPresentation);
        image.setString(Tags.Modality, VR.CS, "DX");
        image.setString(Tags.ImageAndFluoroscopyAreaDoseProduct, VR.DS, dapDGyCm2);
        image.setString(Tags.EntranceDoseInmGy, VR.DS, entranceDoseMGy);
        image.setString(Tags.ExposureIndex, VR.DS, "400");
        image.setString(Tags.TargetExposureIndex, VR.DS, "250");
        image.setString(Tags.DeviationIndex, VR.DS, deviationIndex);
        return image;
    }

    public static Path write(Path dir, Attributes dataset) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(dataset.getString(Tags.SOPInstanceUID) + ".dcm");
        Part10.write(file, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return file;
    }

    private static Attributes document(TestStudies.Study study, String template, String procedure, String scheme,
            String meaning) {
        Attributes report = new Attributes();
        report.setString(Tags.SOPClassUID, VR.UI, Uids.XRayRadiationDoseSRStorage);
        report.setString(Tags.SOPInstanceUID, VR.UI, TestStudies.newUid());
        report.setString(Tags.StudyDate, VR.DA, study.studyDate());
        report.setString(Tags.StudyTime, VR.TM, "101500");
        report.setString(Tags.AccessionNumber, VR.SH, study.accessionNumber());
        report.setString(Tags.Modality, VR.CS, "SR");
        report.setString(Tags.PatientName, VR.PN, study.patientName());
        report.setString(Tags.PatientID, VR.LO, study.patientId());
        report.setString(Tags.StudyInstanceUID, VR.UI, study.studyUid());
        report.setString(Tags.SeriesInstanceUID, VR.UI, TestStudies.newUid());
        report.setString(Tags.StudyID, VR.SH, "1");
        report.setInts(Tags.SeriesNumber, VR.IS, 999);
        report.setInts(Tags.InstanceNumber, VR.IS, 1);
        report.setString(Tags.ValueType, VR.CS, "CONTAINER");
        concept(report, Tags.ConceptNameCodeSequence, "113701", "DCM", "X-Ray Radiation Dose Report");
        report.setString(Tags.ContinuityOfContent, VR.CS, "SEPARATE");
        Attributes templateItem = report.newSequence(Tags.ContentTemplateSequence).addItem();
        templateItem.setString(Tags.MappingResource, VR.CS, "DCMR");
        templateItem.setString(Tags.TemplateIdentifier, VR.CS, template);
        report.setString(Tags.CompletionFlag, VR.CS, "COMPLETE");
        report.setString(Tags.VerificationFlag, VR.CS, "UNVERIFIED");
        Sequence content = report.newSequence(Tags.ContentSequence);
        code(content, "121058", "Procedure reported", procedure, scheme, meaning);
        return report;
    }

    private static Attributes item(Sequence content, String relationship, String valueType, String code,
            String meaning) {
        Attributes item = content.addItem();
        item.setString(Tags.RelationshipType, VR.CS, relationship);
        item.setString(Tags.ValueType, VR.CS, valueType);
        concept(item, Tags.ConceptNameCodeSequence, code, "DCM", meaning);
        return item;
    }

    private static Attributes container(Sequence content, String code, String meaning) {
        Attributes container = item(content, "CONTAINS", "CONTAINER", code, meaning);
        container.setString(Tags.ContinuityOfContent, VR.CS, "SEPARATE");
        return container;
    }

    static void num(Sequence content, String code, String meaning, Num value) {
        Attributes item = item(content, "CONTAINS", "NUM", code, meaning);
        Attributes measured = item.newSequence(Tags.MeasuredValueSequence).addItem();
        measured.setString(Tags.NumericValue, VR.DS, value.value());
        if (value.unit() != null) {
            concept(measured, Tags.MeasurementUnitsCodeSequence, value.unit(), "UCUM", value.unit());
        }
    }

    private static void text(Sequence content, String code, String meaning, String value) {
        item(content, "CONTAINS", "TEXT", code, meaning).setString(Tags.TextValue, VR.UT, value);
    }

    private static void uidref(Sequence content, String code, String meaning, String value) {
        item(content, "HAS PROPERTIES", "UIDREF", code, meaning).setString(Tags.UID, VR.UI, value);
    }

    private static void code(Sequence content, String code, String meaning, String value, String scheme,
            String valueMeaning) {
        concept(item(content, "CONTAINS", "CODE", code, meaning), Tags.ConceptCodeSequence, value, scheme,
                valueMeaning);
    }

    private static void concept(Attributes item, int tag, String value, String scheme, String meaning) {
        Attributes code = item.newSequence(tag).addItem();
        code.setString(Tags.CodeValue, VR.SH, value);
        code.setString(Tags.CodingSchemeDesignator, VR.SH, scheme);
        code.setString(Tags.CodeMeaning, VR.LO, meaning);
    }

    /** Adds the patient's water-equivalent diameter (113980, TID 10013) to every CT acquisition of a report. */
    public static Attributes withWaterEquivalentDiameter(Attributes report, Num diameter) {
        for (Attributes item : report.getSequence(Tags.ContentSequence)) {
            if ("113819".equals(item.getSequence(Tags.ConceptNameCodeSequence).get(0).getString(Tags.CodeValue))) {
                num(item.getSequence(Tags.ContentSequence), "113980", "Water Equivalent Diameter", diameter);
            }
        }
        return report;
    }

    /** Acquisitions with fresh event UIDs. */
    public static List<CtAcquisition> acquisitions(String... protocolCtdiDlpUnit) {
        List<CtAcquisition> acquisitions = new ArrayList<>();
        for (int i = 0; i < protocolCtdiDlpUnit.length; i += 4) {
            acquisitions.add(new CtAcquisition(protocolCtdiDlpUnit[i], TestStudies.newUid(),
                    new Num(protocolCtdiDlpUnit[i + 1], "mGy"),
                    new Num(protocolCtdiDlpUnit[i + 2], protocolCtdiDlpUnit[i + 3])));
        }
        return acquisitions;
    }
}
