package io.hounsfield.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.io.Part10;
import io.hounsfield.dicom.io.TransferSyntax;
import io.hounsfield.quality.reject.RejectReason;
import io.hounsfield.quality.reject.RejectionNote;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IOCM rejection note: a Key Object Selection Document titled 113001 that references the rejected image. */
class RejectionNoteTest {

    @TempDir
    Path work;

    @Test
    void theNoteReferencesTheImageWithTheTitleAndReasonAndSurvivesARoundTrip() throws Exception {
        Attributes image = new Attributes();
        image.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        image.setString(Tags.SOPClassUID, VR.UI, Uids.DigitalXRayImageStorageForPresentation);
        image.setString(Tags.SOPInstanceUID, VR.UI, "1.2.3.4.5");
        image.setString(Tags.StudyInstanceUID, VR.UI, "1.2.3");
        image.setString(Tags.SeriesInstanceUID, VR.UI, "1.2.3.4");
        image.setString(Tags.PatientName, VR.PN, "MÜLLER^Jürgen");
        image.setString(Tags.PatientID, VR.LO, "MRN1");
        image.setString(Tags.AccessionNumber, VR.SH, "ACC1");

        Attributes note = RejectionNote.of(image, RejectReason.POSITIONING, "apex clipped",
                ZonedDateTime.parse("2026-12-01T10:15:30Z"));
        Path file = work.resolve("note.dcm");
        Part10.write(file, note, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Attributes read = Part10.read(file).dataset();

        assertThat(read.getString(Tags.SOPClassUID)).isEqualTo(Uids.KeyObjectSelectionDocumentStorage);
        assertThat(read.getString(Tags.Modality)).isEqualTo("KO");
        assertThat(read.getString(Tags.PatientName)).isEqualTo("MÜLLER^Jürgen");
        assertThat(read.getString(Tags.StudyInstanceUID)).isEqualTo("1.2.3");
        assertThat(read.getString(Tags.SeriesInstanceUID)).isNotEqualTo("1.2.3.4");
        Attributes title = read.getSequence(Tags.ConceptNameCodeSequence).get(0);
        assertThat(title.getString(Tags.CodeValue)).isEqualTo("113001");
        assertThat(title.getString(Tags.CodingSchemeDesignator)).isEqualTo("DCM");
        Attributes evidence = read.getSequence(Tags.CurrentRequestedProcedureEvidenceSequence).get(0);
        assertThat(evidence.getString(Tags.StudyInstanceUID)).isEqualTo("1.2.3");
        Attributes series = evidence.getSequence(Tags.ReferencedSeriesSequence).get(0);
        assertThat(series.getString(Tags.SeriesInstanceUID)).isEqualTo("1.2.3.4");
        assertThat(series.getSequence(Tags.ReferencedSOPSequence).get(0).getString(Tags.ReferencedSOPInstanceUID))
                .isEqualTo("1.2.3.4.5");
        var content = read.getSequence(Tags.ContentSequence);
        assertThat(content.get(0).getString(Tags.TextValue)).isEqualTo("Positioning (DCM 111209): apex clipped");
        assertThat(content.get(1).getString(Tags.ValueType)).isEqualTo("IMAGE");
        assertThat(content.get(1).getSequence(Tags.ReferencedSOPSequence).get(0)
                .getString(Tags.ReferencedSOPClassUID)).isEqualTo(Uids.DigitalXRayImageStorageForPresentation);
        assertThat(read.getSequence(Tags.ContentTemplateSequence).get(0).getString(Tags.TemplateIdentifier))
                .isEqualTo("2010");
        assertThat(Files.size(file)).isPositive();
    }
}
