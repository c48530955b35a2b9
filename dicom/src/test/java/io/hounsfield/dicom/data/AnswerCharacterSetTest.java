package io.hounsfield.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.hounsfield.dicom.dict.Tags;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnswerCharacterSetTest {
    private static Attributes answer(String name) {
        Attributes answer = new Attributes();
        answer.setString(Tags.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        answer.setString(Tags.PatientName, VR.PN, name);
        answer.setString(Tags.PatientID, VR.LO, "P1");
        answer.newSequence(Tags.ScheduledProcedureStepSequence).addItem()
                .setString(Tags.ScheduledProcedureStepDescription, VR.LO, "Genou gauche, côté");
        return answer;
    }

    private static Attributes request(String... charset) {
        Attributes request = new Attributes();
        request.setString(Tags.SpecificCharacterSet, VR.CS, charset);
        return request;
    }

    @Test
    void valuesThatFitTheRequestsCharacterSetAreAnsweredInIt() {
        Attributes latin = AnswerCharacterSet.forRequest(request("ISO_IR 100"), answer("Lefèvre^Hélène"));

        assertThat(latin.getStrings(Tags.SpecificCharacterSet)).containsExactly("ISO_IR 100");
        assertThat(latin.bytes(Tags.PatientName)).startsWith("Lefèvre^Hélène".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin.getString(Tags.PatientName)).isEqualTo("Lefèvre^Hélène");
        assertThat(latin.getSequence(Tags.ScheduledProcedureStepSequence).get(0)
                .getString(Tags.ScheduledProcedureStepDescription)).isEqualTo("Genou gauche, côté");
        assertThat(latin.getString(Tags.PatientID)).isEqualTo("P1");
    }

    @Test
    void valuesThatDoNotFitStayInUtf8AndARequestWithoutCharacterSetChangesNothing() {
        Attributes polish = answer("Łukasiewicz^Jan");
        assertThat(AnswerCharacterSet.forRequest(request("ISO_IR 100"), polish)).isSameAs(polish);
        Attributes french = answer("Lefèvre^Hélène");
        assertThat(AnswerCharacterSet.forRequest(new Attributes(), french)).isSameAs(french);
        assertThat(AnswerCharacterSet.forRequest(request("ISO_IR 192"), french)).isSameAs(french);
        Attributes greekAnswer = answer("Διονυσιος");
        assertThat(AnswerCharacterSet.forRequest(request("ISO_IR 126"), greekAnswer)).as("the French description")
                .isSameAs(greekAnswer);
        greekAnswer.remove(Tags.ScheduledProcedureStepSequence);
        Attributes greek = AnswerCharacterSet.forRequest(request("ISO_IR 126"), greekAnswer);
        assertThat(greek.getStrings(Tags.SpecificCharacterSet)).containsExactly("ISO_IR 126");
        assertThat(greek.getString(Tags.PatientName)).isEqualTo("Διονυσιος");
    }
}
