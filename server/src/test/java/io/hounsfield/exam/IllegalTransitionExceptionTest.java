package io.hounsfield.exam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 12 point 7: a refused step reads as staff would say it, with no state codes. */
class IllegalTransitionExceptionTest {

    @Test
    void verifyingBeforeCheckInSaysToCheckInFirst() {
        assertThat(IllegalTransitionException.message(ExamState.SCHEDULED, ExamState.VERIFIED)).isEqualTo(
                "This exam has not been checked in yet, so it cannot be verified. Check the patient in first.");
    }

    @Test
    void noMessageNamesAStateCodeOrAListOfStates() {
        for (ExamState state : ExamState.values()) {
            for (ExamState target : ExamState.values()) {
                String message = IllegalTransitionException.message(state, target);
                assertThat(message).doesNotContain("[").doesNotContain("_");
                for (ExamState code : ExamState.values()) {
                    assertThat(message).doesNotContain(code.name());
                }
            }
        }
    }
}
