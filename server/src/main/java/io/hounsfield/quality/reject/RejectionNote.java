package io.hounsfield.quality.reject;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.system.UidGenerator;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Key Object Selection Document that marks an image rejected for quality (IHE IOCM "Rejection Note"; PS3.3
 * §A.35.4, Key Object Selection TID 2010, document title CID 7010 code 113001): same patient and study, a series of
 * its own, the rejected image in the evidence and in the content tree, the reason as the key object description.
 */
public final class RejectionNote {

    /** The patient and study attributes the note repeats, with their VRs (PS3.6). */
    private static final Map<Integer, VR> COPIED = new LinkedHashMap<>();

    static {
        COPIED.put(Tags.PatientName, VR.PN);
        COPIED.put(Tags.PatientID, VR.LO);
        COPIED.put(Tags.IssuerOfPatientID, VR.LO);
        COPIED.put(Tags.PatientBirthDate, VR.DA);
        COPIED.put(Tags.PatientSex, VR.CS);
        COPIED.put(Tags.StudyInstanceUID, VR.UI);
        COPIED.put(Tags.StudyDate, VR.DA);
        COPIED.put(Tags.StudyTime, VR.TM);
        COPIED.put(Tags.AccessionNumber, VR.SH);
        COPIED.put(Tags.StudyID, VR.SH);
        COPIED.put(Tags.ReferringPhysicianName, VR.PN);
        COPIED.put(Tags.StudyDescription, VR.LO);
    }

    private RejectionNote() {
    }

    public static Attributes of(Attributes rejected, RejectReason reason, String comment, ZonedDateTime at) {
        Attributes note = new Attributes();
        note.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        // As text, so that values in the image's character set are written again in the note's (UTF-8).
        COPIED.forEach((tag, vr) -> note.setString(tag, vr, rejected.getStrings(tag)));
        note.setString(Tags.SOPClassUID, VR.UI, Uids.KeyObjectSelectionDocumentStorage);
        note.setString(Tags.SOPInstanceUID, VR.UI, UidGenerator.newUid());
        note.setString(Tags.Modality, VR.CS, "KO");
        note.setString(Tags.SeriesInstanceUID, VR.UI, UidGenerator.newUid());
        note.setInts(Tags.SeriesNumber, VR.IS, 9999);
        note.setString(Tags.SeriesDescription, VR.LO, "Rejected for Quality Reasons");
        note.newSequence(Tags.ReferencedPerformedProcedureStepSequence);
        note.setInts(Tags.InstanceNumber, VR.IS, 1);
        note.setString(Tags.ContentDate, VR.DA, at.format(DateTimeFormatter.BASIC_ISO_DATE));
        note.setString(Tags.ContentTime, VR.TM, at.format(DateTimeFormatter.ofPattern("HHmmss")));
        note.setString(Tags.ValueType, VR.CS, "CONTAINER");
        code(note.newSequence(Tags.ConceptNameCodeSequence), "113001", "Rejected for Quality Reasons");
        note.setString(Tags.ContinuityOfContent, VR.CS, "SEPARATE");
        Attributes template = note.newSequence(Tags.ContentTemplateSequence).addItem();
        template.setString(Tags.MappingResource, VR.CS, "DCMR");
        template.setString(Tags.TemplateIdentifier, VR.CS, "2010");
        Attributes study = note.newSequence(Tags.CurrentRequestedProcedureEvidenceSequence).addItem();
        study.setString(Tags.StudyInstanceUID, VR.UI, rejected.getString(Tags.StudyInstanceUID));
        Attributes series = study.newSequence(Tags.ReferencedSeriesSequence).addItem();
        series.setString(Tags.SeriesInstanceUID, VR.UI, rejected.getString(Tags.SeriesInstanceUID));
        reference(series.newSequence(Tags.ReferencedSOPSequence), rejected);
        Sequence content = note.newSequence(Tags.ContentSequence);
        Attributes description = content.addItem();
        description.setString(Tags.RelationshipType, VR.CS, "CONTAINS");
        description.setString(Tags.ValueType, VR.CS, "TEXT");
        code(description.newSequence(Tags.ConceptNameCodeSequence), "113012", "Key Object Description");
        description.setString(Tags.TextValue, VR.UT, reason.meaning() + " (DCM " + reason.code() + ")"
                + (comment == null || comment.isBlank() ? "" : ": " + comment.strip()));
        Attributes image = content.addItem();
        image.setString(Tags.RelationshipType, VR.CS, "CONTAINS");
        image.setString(Tags.ValueType, VR.CS, "IMAGE");
        reference(image.newSequence(Tags.ReferencedSOPSequence), rejected);
        return note;
    }

    private static void code(Sequence sequence, String value, String meaning) {
        Attributes code = sequence.addItem();
        code.setString(Tags.CodeValue, VR.SH, value);
        code.setString(Tags.CodingSchemeDesignator, VR.SH, "DCM");
        code.setString(Tags.CodeMeaning, VR.LO, meaning);
    }

    private static void reference(Sequence sequence, Attributes rejected) {
        Attributes reference = sequence.addItem();
        reference.setString(Tags.ReferencedSOPClassUID, VR.UI, rejected.getString(Tags.SOPClassUID));
        reference.setString(Tags.ReferencedSOPInstanceUID, VR.UI, rejected.getString(Tags.SOPInstanceUID));
    }
}
