package io.hounsfield.dicom.net.ul;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spot checks of the state transition table against PS3.8 Table 9-10. */
class StateMachineTest {
    @Test
    void associationEstablishmentAcceptor() {
        assertThat(StateMachine.action(State.Sta1, Event.Evt5)).isEqualTo(Action.AE_5);
        assertThat(StateMachine.action(State.Sta2, Event.Evt6)).isEqualTo(Action.AE_6);
        assertThat(StateMachine.action(State.Sta3, Event.Evt7)).isEqualTo(Action.AE_7);
        assertThat(StateMachine.action(State.Sta3, Event.Evt8)).isEqualTo(Action.AE_8);
        assertThat(StateMachine.next(Action.AE_6, false, false)).isEqualTo(State.Sta13);
    }

    @Test
    void associationEstablishmentRequestor() {
        assertThat(StateMachine.action(State.Sta1, Event.Evt1)).isEqualTo(Action.AE_1);
        assertThat(StateMachine.action(State.Sta4, Event.Evt2)).isEqualTo(Action.AE_2);
        assertThat(StateMachine.action(State.Sta5, Event.Evt3)).isEqualTo(Action.AE_3);
        assertThat(StateMachine.action(State.Sta5, Event.Evt4)).isEqualTo(Action.AE_4);
    }

    @Test
    void dataTransferAndRelease() {
        assertThat(StateMachine.action(State.Sta6, Event.Evt9)).isEqualTo(Action.DT_1);
        assertThat(StateMachine.action(State.Sta6, Event.Evt10)).isEqualTo(Action.DT_2);
        assertThat(StateMachine.action(State.Sta6, Event.Evt11)).isEqualTo(Action.AR_1);
        assertThat(StateMachine.action(State.Sta6, Event.Evt12)).isEqualTo(Action.AR_2);
        assertThat(StateMachine.action(State.Sta7, Event.Evt13)).isEqualTo(Action.AR_3);
        assertThat(StateMachine.action(State.Sta7, Event.Evt10)).isEqualTo(Action.AR_6);
        assertThat(StateMachine.action(State.Sta8, Event.Evt14)).isEqualTo(Action.AR_4);
        assertThat(StateMachine.action(State.Sta13, Event.Evt17)).isEqualTo(Action.AR_5);
        assertThat(StateMachine.action(State.Sta7, Event.Evt12)).isEqualTo(Action.AR_8);
        assertThat(StateMachine.next(Action.AR_8, true, true)).isEqualTo(State.Sta9);
        assertThat(StateMachine.next(Action.AR_8, false, true)).isEqualTo(State.Sta10);
        assertThat(StateMachine.action(State.Sta9, Event.Evt14)).isEqualTo(Action.AR_9);
        assertThat(StateMachine.action(State.Sta10, Event.Evt13)).isEqualTo(Action.AR_10);
        assertThat(StateMachine.action(State.Sta11, Event.Evt13)).isEqualTo(Action.AR_3);
        assertThat(StateMachine.action(State.Sta12, Event.Evt14)).isEqualTo(Action.AR_4);
    }

    @Test
    void violationsAbort() {
        assertThat(StateMachine.action(State.Sta2, Event.Evt10)).isEqualTo(Action.AA_1);
        assertThat(StateMachine.action(State.Sta2, Event.Evt19)).isEqualTo(Action.AA_1);
        assertThat(StateMachine.action(State.Sta6, Event.Evt6)).isEqualTo(Action.AA_8);
        assertThat(StateMachine.action(State.Sta6, Event.Evt19)).isEqualTo(Action.AA_8);
        assertThat(StateMachine.action(State.Sta13, Event.Evt10)).isEqualTo(Action.AA_6);
        assertThat(StateMachine.action(State.Sta13, Event.Evt6)).isEqualTo(Action.AA_7);
        assertThat(StateMachine.action(State.Sta2, Event.Evt18)).isEqualTo(Action.AA_2);
        assertThat(StateMachine.action(State.Sta6, Event.Evt16)).isEqualTo(Action.AA_3);
        assertThat(StateMachine.action(State.Sta6, Event.Evt17)).isEqualTo(Action.AA_4);
        assertThat(StateMachine.action(State.Sta2, Event.Evt17)).isEqualTo(Action.AA_5);
        assertThat(StateMachine.action(State.Sta6, Event.Evt15)).isEqualTo(Action.AA_1);
    }

    @Test
    void everyEventHasARow() {
        for (Event event : Event.values()) {
            int entries = 0;
            for (State state : State.values()) {
                entries += StateMachine.action(state, event) == null ? 0 : 1;
            }
            assertThat(entries).as(event.name()).isPositive();
        }
    }
}
