package io.hounsfield.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DuplicateCheckTest {

    private static final LocalDate BORN = LocalDate.of(1975, 6, 30);

    @Test
    void accentsCaseSpacesAndHyphensDoNotMakeADifferentPerson() {
        Demographics known = Demographics.named("Müller-Peña", "José", BORN, Sex.M);
        assertThat(DuplicateCheck.likelySame(Demographics.named("MULLER PENA", "jose", BORN, Sex.M), known)).isTrue();
        assertThat(DuplicateCheck.likelySame(Demographics.named("mullerpena", "JOSÉ", BORN, Sex.U), known)).isTrue();
        assertThat(DuplicateCheck.nameKey("Nguyễn Thị")).isEqualTo("nguyenthi");
        assertThat(DuplicateCheck.nameKey("Strauß")).isEqualTo(DuplicateCheck.nameKey("STRAUSS"));
    }

    @Test
    void anotherBirthDateSexOrNameIsAnotherPerson() {
        Demographics known = Demographics.named("Müller", "José", BORN, Sex.M);
        assertThat(DuplicateCheck.likelySame(Demographics.named("Muller", "Jose", BORN.plusDays(1), Sex.M), known)).isFalse();
        assertThat(DuplicateCheck.likelySame(Demographics.named("Muller", "Jose", BORN, Sex.F), known)).isFalse();
        assertThat(DuplicateCheck.likelySame(Demographics.named("Muller", "Josef", BORN, Sex.M), known)).isFalse();
        assertThat(DuplicateCheck.likelySame(Demographics.named("Muller", "Jose", null, Sex.M),
                Demographics.named("Muller", "Jose", null, Sex.M))).isFalse();
    }
}
