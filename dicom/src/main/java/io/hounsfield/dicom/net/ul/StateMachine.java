package io.hounsfield.dicom.net.ul;

import static io.hounsfield.dicom.net.ul.Action.*;
import static io.hounsfield.dicom.net.ul.State.*;

import java.util.EnumMap;
import java.util.Map;

/**
 * The DICOM upper layer state transition table (PS3.8 §9.2.3, Table 9-10). An event that has no entry in the current
 * state is a protocol violation: it is treated as Evt19 (invalid PDU) would be in that state, which aborts.
 */
public final class StateMachine {
    private static final Map<Event, Map<State, Action>> TABLE = new EnumMap<>(Event.class);
    private static final State[] STA6_TO_12 = {Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12};
    private static final State[] STA8_TO_12 = {Sta8, Sta9, Sta10, Sta11, Sta12};

    static {
        row(Event.Evt1).put(Sta1, AE_1);
        row(Event.Evt2).put(Sta4, AE_2);
        received(Event.Evt3, STA6_TO_12, null).put(Sta5, AE_3);
        received(Event.Evt4, STA6_TO_12, null).put(Sta5, AE_4);
        row(Event.Evt5).put(Sta1, AE_5);
        received(Event.Evt6, STA6_TO_12, null);
        row(Event.Evt6).put(Sta2, AE_6);
        row(Event.Evt6).put(Sta5, AA_8);
        row(Event.Evt6).put(Sta13, AA_7);
        row(Event.Evt7).put(Sta3, AE_7);
        row(Event.Evt8).put(Sta3, AE_8);
        row(Event.Evt9).put(Sta6, DT_1);
        row(Event.Evt9).put(Sta8, AR_7);
        received(Event.Evt10, STA8_TO_12, null).put(Sta5, AA_8);
        row(Event.Evt10).put(Sta6, DT_2);
        row(Event.Evt10).put(Sta7, AR_6);
        row(Event.Evt11).put(Sta6, AR_1);
        received(Event.Evt12, STA8_TO_12, null).put(Sta5, AA_8);
        row(Event.Evt12).put(Sta6, AR_2);
        row(Event.Evt12).put(Sta7, AR_8);
        received(Event.Evt13, new State[] {Sta6, Sta8, Sta9, Sta12}, null).put(Sta5, AA_8);
        row(Event.Evt13).put(Sta7, AR_3);
        row(Event.Evt13).put(Sta10, AR_10);
        row(Event.Evt13).put(Sta11, AR_3);
        row(Event.Evt14).put(Sta8, AR_4);
        row(Event.Evt14).put(Sta9, AR_9);
        row(Event.Evt14).put(Sta12, AR_4);
        fill(Event.Evt15, STA6_TO_12, AA_1).put(Sta3, AA_1);
        row(Event.Evt15).put(Sta4, AA_2);
        row(Event.Evt15).put(Sta5, AA_1);
        fill(Event.Evt16, STA6_TO_12, AA_3).put(Sta2, AA_2);
        row(Event.Evt16).put(Sta3, AA_3);
        row(Event.Evt16).put(Sta5, AA_3);
        row(Event.Evt16).put(Sta13, AA_2);
        fill(Event.Evt17, STA6_TO_12, AA_4).put(Sta2, AA_5);
        row(Event.Evt17).put(Sta3, AA_4);
        row(Event.Evt17).put(Sta4, AA_4);
        row(Event.Evt17).put(Sta5, AA_4);
        row(Event.Evt17).put(Sta13, AR_5);
        row(Event.Evt18).put(Sta2, AA_2);
        row(Event.Evt18).put(Sta13, AA_2);
        fill(Event.Evt19, STA6_TO_12, AA_8).put(Sta2, AA_1);
        row(Event.Evt19).put(Sta3, AA_8);
        row(Event.Evt19).put(Sta5, AA_8);
        row(Event.Evt19).put(Sta13, AA_7);
    }

    private StateMachine() {
    }

    private static Map<State, Action> row(Event event) {
        return TABLE.computeIfAbsent(event, key -> new EnumMap<>(State.class));
    }

    private static Map<State, Action> fill(Event event, State[] states, Action action) {
        Map<State, Action> row = row(event);
        for (State state : states) {
            row.put(state, action);
        }
        return row;
    }

    /** A PDU received where it is not expected: AA-1 in Sta2, AA-8 in Sta3/Sta5/{@code states}, AA-6 in Sta13. */
    private static Map<State, Action> received(Event event, State[] states, Void unused) {
        Map<State, Action> row = fill(event, states, AA_8);
        row.put(Sta2, AA_1);
        row.put(Sta3, AA_8);
        row.put(Sta13, AA_6);
        return row;
    }

    /** The action for {@code event} in {@code state}, or {@code null} if the table has none. */
    public static Action action(State state, Event event) {
        return TABLE.get(event).get(state);
    }

    /** The state after {@code action}, given the outcome of AE-6 and the side for AR-8. */
    public static State next(Action action, boolean requestor, boolean associateAcceptable) {
        if (action == AE_6 && !associateAcceptable) {
            return Sta13;
        }
        if (action == AR_8) {
            return requestor ? Sta9 : Sta10;
        }
        return action.next();
    }
}
