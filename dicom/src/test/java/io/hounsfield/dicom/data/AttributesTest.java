package io.hounsfield.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hounsfield.dicom.dict.Tags;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class AttributesTest {
    @Test
    void keepsElementsSortedByUnsignedTag() {
        Attributes attributes = new Attributes();
        attributes.setString(Tags.PatientID, VR.LO, "42");
        attributes.setValue(Tag.PIXEL_DATA, VR.OW, new byte[4]);
        attributes.setValue(0xFFFAFFFA, VR.SQ, null);
        attributes.setString(Tags.Modality, VR.CS, "CT");
        attributes.setString(Tags.PatientID, VR.LO, "43");
        assertThat(attributes.size()).isEqualTo(4);
        assertThat(attributes.tagAt(0)).isEqualTo(Tags.Modality);
        assertThat(attributes.tagAt(3)).isEqualTo(0xFFFAFFFA);
        assertThat(attributes.getString(Tags.PatientID)).isEqualTo("43");
        assertThat(attributes.remove(Tags.Modality)).isNotNull();
        assertThat(attributes.contains(Tags.Modality)).isFalse();
    }

    @Test
    void aNullStringIsAnEmptyValueNeverTheTextNull() {
        Attributes attributes = new Attributes();
        attributes.setString(Tags.ScheduledStationAETitle, VR.AE, (String) null);
        attributes.setString(Tags.ImageType, VR.CS, "ORIGINAL", null);
        attributes.setString(Tags.StudyDescription, VR.LO, (String) null);
        attributes.setString(Tags.ImageComments, VR.LT, (String) null);
        assertThat(attributes.contains(Tags.ScheduledStationAETitle)).isTrue();
        assertThat(attributes.getString(Tags.ScheduledStationAETitle)).isNullOrEmpty();
        assertThat(attributes.getString(Tags.StudyDescription)).isNullOrEmpty();
        assertThat(attributes.getString(Tags.ImageComments)).isNullOrEmpty();
        assertThat(attributes.getStrings(Tags.ImageType)).containsExactly("ORIGINAL", "");
    }

    @Test
    void typedValuesForEveryKindOfVr() {
        Attributes attributes = new Attributes();
        attributes.setString(Tags.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        attributes.setInts(Tags.Rows, VR.US, 512);
        attributes.setInts(Tags.InstanceNumber, VR.IS, 7);
        attributes.setInts(Tags.SmallestImagePixelValue, VR.SS, -1024);
        attributes.setDoubles(Tags.PixelSpacing, VR.DS, 0.48828125, 0.5);
        attributes.setDoubles(Tags.SliceLocation, VR.FD, -12.5);
        attributes.setDate(Tags.StudyDate, LocalDate.of(2024, 2, 29));
        attributes.setTime(Tags.StudyTime, LocalTime.of(13, 5, 7));
        attributes.setPersonName(Tags.PatientName, PersonName.of("Doe", "Jane"));
        attributes.setValue(Tags.FrameIncrementPointer, VR.AT, VR.AT.encodeIntegers(new long[] {0x0018, 0x1063}));
        assertThat(attributes.getStrings(Tags.ImageType)).containsExactly("ORIGINAL", "PRIMARY", "AXIAL");
        assertThat(attributes.bytes(Tags.ImageType)).hasSize(22);
        assertThat(attributes.getInt(Tags.Rows, 0)).isEqualTo(512);
        assertThat(attributes.getInt(Tags.InstanceNumber, 0)).isEqualTo(7);
        assertThat(attributes.getInt(Tags.SmallestImagePixelValue, 0)).isEqualTo(-1024);
        assertThat(attributes.getDoubles(Tags.PixelSpacing)).containsExactly(0.48828125, 0.5);
        assertThat(attributes.getDouble(Tags.SliceLocation, 0)).isEqualTo(-12.5);
        assertThat(attributes.getDate(Tags.StudyDate)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(attributes.getTime(Tags.StudyTime)).isEqualTo(LocalTime.of(13, 5, 7));
        assertThat(attributes.getPersonName(Tags.PatientName).alphabetic().given()).isEqualTo("Jane");
        assertThat(attributes.getTags(Tags.FrameIncrementPointer)).containsExactly(Tags.FrameTime);
        assertThat(attributes.getInt(Tags.Columns, -1)).isEqualTo(-1);
    }

    @Test
    void padsStringsWithTheirVrsCharacter() {
        Attributes attributes = new Attributes();
        attributes.setString(Tags.SOPInstanceUID, VR.UI, "1.2.3");
        attributes.setString(Tags.Modality, VR.CS, "MRI");
        assertThat(attributes.bytes(Tags.SOPInstanceUID)).containsExactly('1', '.', '2', '.', '3', 0);
        assertThat(attributes.bytes(Tags.Modality)).containsExactly('M', 'R', 'I', ' ');
        assertThat(attributes.getString(Tags.SOPInstanceUID)).isEqualTo("1.2.3");
    }

    @Test
    void itemsInheritTheCharacterSetOfTheirDataSet() {
        Attributes attributes = new Attributes();
        attributes.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        Sequence sequence = attributes.newSequence(Tags.ReferencedStudySequence);
        Attributes item = sequence.addItem();
        item.setString(Tags.PatientName, VR.PN, "Müller^Jürgen");
        assertThat(item.parent()).isSameAs(attributes);
        assertThat(item.bytes(Tags.PatientName)).hasSize(16);
        assertThat(item.getString(Tags.PatientName)).isEqualTo("Müller^Jürgen");
    }

    @Test
    void reservesAndFindsPrivateBlocks() {
        Attributes attributes = new Attributes();
        attributes.setString(0x00290010, VR.LO, "OTHER VENDOR");
        int tag = attributes.privateTag(0x0029, "HOUNSFIELD", 0x05, true);
        assertThat(tag).isEqualTo(0x00291105);
        assertThat(attributes.getString(0x00290011)).isEqualTo("HOUNSFIELD");
        attributes.setString(tag, VR.LO, "value");
        assertThat(attributes.privateTag(0x0029, "HOUNSFIELD", 0x05, false)).isEqualTo(tag);
        assertThat(attributes.privateTag(0x0029, "NOBODY", 0x05, false)).isEqualTo(-1);
        assertThat(attributes.privateCreatorOf(tag)).isEqualTo("HOUNSFIELD");
    }

    @Test
    void decimalStringsThatAreNotNumbersAreATypedInvalidValue() {
        Attributes attributes = new Attributes();
        attributes.setString(Tags.PixelSpacing, VR.DS, "10.50/ 15.00");
        attributes.setString(Tags.SliceThickness, VR.DS, "1.06,0.206");
        attributes.setString(Tags.KVP, VR.DS, " 120.0 ");
        attributes.setString(Tags.InstanceNumber, VR.IS, "7a");

        assertThatThrownBy(() -> attributes.getDoubles(Tags.PixelSpacing)).isInstanceOf(DicomValueException.class)
                .hasMessageContaining("10.50/ 15.00").hasMessageContaining("(0028,0030)")
                .satisfies(e -> assertThat(((DicomValueException) e).tag()).isEqualTo(Tags.PixelSpacing));
        assertThatThrownBy(() -> attributes.getDouble(Tags.SliceThickness, 0)).isInstanceOf(DicomValueException.class);
        assertThatThrownBy(() -> attributes.getInt(Tags.InstanceNumber, 0)).isInstanceOf(DicomValueException.class);
        assertThat(attributes.findDouble(Tags.PixelSpacing)).isEmpty();
        assertThat(attributes.findDouble(Tags.SliceThickness)).isEmpty();
        assertThat(attributes.findDouble(Tags.KVP)).hasValue(120.0);
        assertThat(attributes.findDouble(Tags.ExposureTime)).isEmpty();
        assertThat(attributes.getString(Tags.PixelSpacing)).isEqualTo("10.50/ 15.00");
    }
}
