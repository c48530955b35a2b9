package io.hounsfield.patient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TraumaAliasTest {

    @Test
    void aliasesFollowTheSpellingAlphabetThenNumberThemselves() {
        assertThat(TraumaAlias.forNumber(1)).isEqualTo("ALPHA");
        assertThat(TraumaAlias.forNumber(26)).isEqualTo("ZULU");
        assertThat(TraumaAlias.forNumber(27)).isEqualTo("ALPHA2");
        assertThat(TraumaAlias.forNumber(53)).isEqualTo("ALPHA3");
    }

    @Test
    void noAliasRepeatsInTheFirstThousandPatients() {
        Set<String> seen = new HashSet<>();
        LongStream.rangeClosed(1, 1000).forEach(number -> assertThat(seen.add(TraumaAlias.forNumber(number))).isTrue());
    }
}
