package io.hounsfield.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNameTest {
    @Test
    void parsesComponentsAndGroups() {
        PersonName name = PersonName.parse("Yamada^Tarou=山田^太郎=やまだ^たろう");
        assertThat(name.alphabetic().family()).isEqualTo("Yamada");
        assertThat(name.alphabetic().given()).isEqualTo("Tarou");
        assertThat(name.ideographic().family()).isEqualTo("山田");
        assertThat(name.phonetic().given()).isEqualTo("たろう");
        assertThat(name).hasToString("Yamada^Tarou=山田^太郎=やまだ^たろう");
    }

    @Test
    void dropsTrailingEmptyComponentsAndGroups() {
        assertThat(PersonName.parse("Adams^John Robert Quincy^^Rev.^B.A. M.Div.").alphabetic().suffix())
                .isEqualTo("B.A. M.Div.");
        assertThat(PersonName.parse("Wang^XiaoDong=王^小東=")).hasToString("Wang^XiaoDong=王^小東");
        assertThat(PersonName.parse("Smith^^^^")).hasToString("Smith");
        assertThat(PersonName.of("Doe", "Jane")).hasToString("Doe^Jane");
        assertThat(PersonName.parse("").alphabetic().isEmpty()).isTrue();
    }
}
