package io.hounsfield.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.data.VR;
import org.junit.jupiter.api.Test;

class DictionaryTest {
    @Test
    void knowsPublicElements() {
        ElementEntry entry = ElementDictionary.lookup(Tags.PatientName);
        assertThat(entry.keyword()).isEqualTo("PatientName");
        assertThat(entry.vr()).isEqualTo(VR.PN);
        assertThat(entry.vm()).isEqualTo("1");
        assertThat(ElementDictionary.tagOf("SOPInstanceUID")).isEqualTo(0x00080018);
        assertThat(ElementDictionary.lookup(0x00080040).retired()).isTrue();
        assertThat(ElementDictionary.size()).isGreaterThan(4500);
    }

    @Test
    void resolvesRepeatingGroupsGroupLengthsAndAmbiguousVrs() {
        assertThat(ElementDictionary.lookup(0x60023000).keyword()).isEqualTo("OverlayData");
        assertThat(ElementDictionary.lookup(0x60023000).isAmbiguous()).isTrue();
        assertThat(ElementDictionary.vrOf(0x00180000)).isEqualTo(VR.UL);
        assertThat(ElementDictionary.vrOf(0x00291010)).isEqualTo(VR.UN);
        assertThat(ElementDictionary.vrOf(0x00290010)).isEqualTo(VR.LO);
    }

    @Test
    void knowsUidsAndPrivateElements() {
        assertThat(UidDictionary.lookup(Uids.CTImageStorage).name()).isEqualTo("CT Image Storage");
        assertThat(UidDictionary.lookup("1.2.840.10008.1.2.1").type()).isEqualTo("Transfer Syntax");
        assertThat(UidDictionary.size()).isGreaterThan(400);
        assertThat(PrivateDictionary.lookup("GEMS_IDEN_01", 0x00091102).vr()).isEqualTo(VR.SH);
        assertThat(PrivateDictionary.lookup("GEMS_IDEN_01", 0x00091002).vr()).isEqualTo(VR.SH);
        assertThat(PrivateDictionary.lookup("NO SUCH VENDOR", 0x00091002)).isNull();
    }
}
