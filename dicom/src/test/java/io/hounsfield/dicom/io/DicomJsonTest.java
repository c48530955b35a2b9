package io.hounsfield.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.BulkData;
import io.hounsfield.dicom.data.Fragments;
import io.hounsfield.dicom.data.Sequence;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DICOM JSON Model, PS3.18 Annex F.2, against hand-written expected text. */
class DicomJsonTest {

    private static String json(Attributes dataset) {
        return DicomJson.DEFAULT.toJson(dataset);
    }

    @Test
    void personNamesAreObjectsOfTheirComponentGroups() {
        Attributes dataset = new Attributes();
        dataset.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        dataset.setString(Tags.PatientName, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう", "", "Smith^Jo");
        assertThat(json(dataset)).isEqualTo("{\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 192\"]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Yamada^Tarou\",\"Ideographic\":\"山田^太郎\","
                + "\"Phonetic\":\"やまだ^たろう\"},null,{\"Alphabetic\":\"Smith^Jo\"}]}}");
    }

    @Test
    void integerAndDecimalStringsAreNumbers() {
        Attributes dataset = new Attributes();
        dataset.setString(Tags.PixelSpacing, VR.DS, "0.5", " 1.25E2", "+.5");
        dataset.setString(Tags.SeriesNumber, VR.IS, " +12");
        dataset.setString(Tags.InstanceNumber, VR.IS, "x1");
        assertThat(json(dataset)).isEqualTo("{\"00200011\":{\"vr\":\"IS\",\"Value\":[12]},"
                + "\"00200013\":{\"vr\":\"IS\",\"Value\":[\"x1\"]},"
                + "\"00280030\":{\"vr\":\"DS\",\"Value\":[0.5,125,0.5]}}");
    }

    @Test
    void binaryNumbersTagsAndFloats() {
        Attributes dataset = new Attributes();
        dataset.setInts(Tags.Rows, VR.US, 65535);
        dataset.setInts(Tags.SmallestImagePixelValue, VR.SS, -5);
        dataset.setValue(Tags.FrameIncrementPointer, VR.AT, new byte[] {0x28, 0x00, 0x09, 0x00, 0x18, 0x00, 0x63,
                0x10});
        dataset.setDoubles(Tags.RescaleSlope, VR.FD, 1.5);
        dataset.setDoubles(Tags.FrameTime, VR.FL, 0.1, Double.NaN);
        String json = json(dataset);
        assertThat(json).contains("\"00280010\":{\"vr\":\"US\",\"Value\":[65535]}")
                .contains("\"00280106\":{\"vr\":\"SS\",\"Value\":[-5]}")
                .contains("\"00280009\":{\"vr\":\"AT\",\"Value\":[\"00280009\",\"00181063\"]}")
                .contains("\"00281053\":{\"vr\":\"FD\",\"Value\":[1.5]}")
                .contains("\"00181063\":{\"vr\":\"FL\",\"Value\":[0.1,null]}");
    }

    @Test
    void sequencesAreArraysOfItemsAndEmptyValuesHaveNoValue() {
        Attributes dataset = new Attributes();
        Sequence sequence = dataset.newSequence(Tags.ReferencedSOPSequence);
        sequence.addItem().setString(Tags.ReferencedSOPInstanceUID, VR.UI, "1.2.3");
        sequence.addItem();
        dataset.newSequence(Tags.OtherPatientIDsSequence);
        dataset.setValue(Tags.AccessionNumber, VR.SH, null);
        assertThat(json(dataset)).isEqualTo("{\"00080050\":{\"vr\":\"SH\"},"
                + "\"00081199\":{\"vr\":\"SQ\",\"Value\":[{\"00081155\":{\"vr\":\"UI\",\"Value\":[\"1.2.3\"]}},{}]},"
                + "\"00101002\":{\"vr\":\"SQ\"}}");
    }

    @Test
    void textIsEscapedAndKeepsBackslashes() {
        Attributes dataset = new Attributes();
        dataset.setString(Tags.StudyDescription, VR.LO, "a \"b\"");
        dataset.setString(Tags.ImageComments, VR.LT, "one\\two\r\nthree\u0001");
        assertThat(json(dataset)).isEqualTo("{\"00081030\":{\"vr\":\"LO\",\"Value\":[\"a \\\"b\\\"\"]},"
                + "\"00204000\":{\"vr\":\"LT\",\"Value\":[\"one\\\\two\\r\\nthree\\u0001\"]}}");
    }

    @Test
    void binaryInMemoryIsInlineAndBulkDataIsAUriOrLeftOut() {
        Attributes dataset = new Attributes();
        dataset.setValue(0x00091010, VR.UN, new byte[] {1, 2, 3});
        dataset.setValue(Tags.PixelData, VR.OB, new Fragments().add(new byte[0]).add(new byte[] {1, 2}));
        dataset.setValue(Tags.OverlayData, VR.OW, new BulkData(Path.of("x.dcm"), 10, 20, false));
        dataset.setValue(0x00080000, VR.UL, new byte[] {4, 0, 0, 0});
        assertThat(json(dataset)).isEqualTo("{\"00091010\":{\"vr\":\"UN\",\"InlineBinary\":\"AQID\"}}");

        DicomJson located = new DicomJson((item, tag) -> tag == Tags.PixelData ? "https://x/frames/1" : null);
        assertThat(located.toJson(dataset)).isEqualTo("{\"00091010\":{\"vr\":\"UN\",\"InlineBinary\":\"AQID\"},"
                + "\"7FE00010\":{\"vr\":\"OB\",\"BulkDataURI\":\"https://x/frames/1\"}}");
    }

    @Test
    void aListIsAnArray() {
        Attributes one = new Attributes().setString(Tags.PatientID, VR.LO, "1");
        assertThat(DicomJson.DEFAULT.toJson(List.of(one, new Attributes())))
                .isEqualTo("[{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"1\"]}},{}]");
        assertThat(DicomJson.DEFAULT.toJson(List.of())).isEqualTo("[]");
    }
}
