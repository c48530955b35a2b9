package io.hounsfield.dicom.net.ul;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.net.pdu.PresentationContextAc;
import io.hounsfield.dicom.net.pdu.PresentationContextRq;
import io.hounsfield.dicom.net.pdu.UserInformation.RoleSelection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Presentation context results (PS3.8 §9.3.3.2) and role selection for C-GET. */
class ContextNegotiationTest {
    private static final String EXPLICIT = "1.2.840.10008.1.2.1";
    private static final String IMPLICIT = "1.2.840.10008.1.2";
    private static final String JPEG = "1.2.840.10008.1.2.4.50";

    @Test
    void resultsPerContext() {
        Map<String, List<String>> offered = Map.of("1.1", List.of(EXPLICIT, IMPLICIT), "2.2", List.of());
        List<PresentationContextAc> results = ContextNegotiation.negotiate(List.of(
                new PresentationContextRq(1, "1.1", List.of(IMPLICIT, EXPLICIT)),
                new PresentationContextRq(3, "1.1", List.of(JPEG)),
                new PresentationContextRq(5, "2.2", List.of(JPEG)),
                new PresentationContextRq(7, "9.9", List.of(EXPLICIT)),
                new PresentationContextRq(9, "8.8", List.of(IMPLICIT))),
                List.of(new RoleSelection("8.8", false, true)), offered::get);
        assertThat(results).containsExactly(
                new PresentationContextAc(1, PresentationContextAc.ACCEPTANCE, EXPLICIT),
                new PresentationContextAc(3, PresentationContextAc.TRANSFER_SYNTAXES_NOT_SUPPORTED, JPEG),
                new PresentationContextAc(5, PresentationContextAc.ACCEPTANCE, JPEG),
                new PresentationContextAc(7, PresentationContextAc.ABSTRACT_SYNTAX_NOT_SUPPORTED, EXPLICIT),
                new PresentationContextAc(9, PresentationContextAc.ACCEPTANCE, IMPLICIT));
    }
}
