package io.hounsfield.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ExamStateTest {

    @Test
    void theWorkflowRunsFromScheduledToReleased() {
        ExamState[] path = {ExamState.SCHEDULED, ExamState.ARRIVED, ExamState.VERIFIED, ExamState.IN_PROGRESS,
            ExamState.ACQUIRED, ExamState.QC_APPROVED, ExamState.RELEASED};
        for (int step = 1; step < path.length; step++) {
            assertThat(path[step - 1].canMoveTo(path[step])).as(path[step - 1] + " -> " + path[step]).isTrue();
        }
    }

    @Test
    void anExamCannotStartBeforeVerification() {
        assertThat(ExamState.SCHEDULED.canMoveTo(ExamState.IN_PROGRESS)).isFalse();
        assertThat(ExamState.ARRIVED.canMoveTo(ExamState.IN_PROGRESS)).isFalse();
    }

    @Test
    void anExamUnderWayIsDiscontinuedNotCancelled() {
        assertThat(ExamState.IN_PROGRESS.canMoveTo(ExamState.CANCELLED)).isFalse();
        assertThat(ExamState.IN_PROGRESS.canMoveTo(ExamState.DISCONTINUED)).isTrue();
    }

    @Test
    void finalStatesGoNowhere() {
        for (ExamState state : EnumSet.of(ExamState.RELEASED, ExamState.CANCELLED, ExamState.DISCONTINUED)) {
            assertThat(state.isFinal()).isTrue();
            for (ExamState target : ExamState.values()) {
                assertThat(state.canMoveTo(target)).isFalse();
            }
        }
    }

    @Test
    void noStateMovesToItself() {
        for (ExamState state : ExamState.values()) {
            assertThat(state.canMoveTo(state)).as(state.name()).isFalse();
        }
    }
}
