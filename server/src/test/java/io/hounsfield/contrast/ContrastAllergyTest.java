package io.hounsfield.contrast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContrastAllergyTest {

    @Test
    void anIodinatedReactionConcernsIodinatedAgentsOnly() {
        assertThat(ContrastAllergy.matching("Latex; Iodinated contrast (hives, 2019)", false))
                .isEqualTo("Iodinated contrast (hives, 2019)");
        assertThat(ContrastAllergy.matching("Omnipaque (urticaria)", false)).isEqualTo("Omnipaque (urticaria)");
        assertThat(ContrastAllergy.matching("Iodinated contrast (hives, 2019)", true)).isNull();
    }

    @Test
    void aGadoliniumReactionConcernsGadoliniumAgentsOnly() {
        assertThat(ContrastAllergy.matching("Gadolinium (rash)", true)).isEqualTo("Gadolinium (rash)");
        assertThat(ContrastAllergy.matching("Gadolinium (rash)", false)).isNull();
    }

    @Test
    void contrastOfNoNamedClassCannotBeExcludedForEither() {
        assertThat(ContrastAllergy.matching("Contrast dye", false)).isEqualTo("Contrast dye");
        assertThat(ContrastAllergy.matching("Contrast dye", true)).isEqualTo("Contrast dye");
    }

    @Test
    void shellfishAndIodineAreNoIndication() {
        // DOMAIN.md CON-17: shellfish, "iodine" or povidone-iodine allergy is not an indication.
        assertThat(ContrastAllergy.matching("Shellfish; Iodine; Povidone-iodine", false)).isNull();
        assertThat(ContrastAllergy.matching(null, false)).isNull();
    }
}
