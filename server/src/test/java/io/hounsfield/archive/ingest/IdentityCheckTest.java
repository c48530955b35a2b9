package io.hounsfield.archive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a name in the images is compared with the ordered patient's. */
class IdentityCheckTest {

    @Test
    void caseAccentsSpacingAndMiddleNamesDoNotMatter() {
        assertThat(IdentityCheck.sameName("MUELLER^JOSE", "Mueller^José^Luis")).isTrue();
        assertThat(IdentityCheck.sameName("DE LA  CRUZ^ANA MARIA", "de la Cruz^Ana")).isTrue();
        assertThat(IdentityCheck.sameName("DOE^JANE=ドウ^ジェーン", "Doe^Jane")).isTrue();
    }

    @Test
    void aMissingGivenNameIsNoContradictionButAnotherOneIs() {
        assertThat(IdentityCheck.sameName("DOE", "Doe^Jane")).isTrue();
        assertThat(IdentityCheck.sameName("DOE^JOHN", "Doe^Jane")).isFalse();
        assertThat(IdentityCheck.sameName("DOE^JANE", "Roe^Jane")).isFalse();
    }
}
