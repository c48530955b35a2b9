package io.hounsfield.dicom.net.ul;

/**
 * Actions of the DICOM upper layer protocol machine (PS3.8 §9.2.3, Tables 9-6 to 9-9) and the state each leads to;
 * AR-8 leads to Sta9 on the requestor side and Sta10 on the acceptor side.
 */
public enum Action {
    AE_1("AE-1", "Issue TRANSPORT CONNECT request primitive to local transport service", State.Sta4),
    AE_2("AE-2", "Send A-ASSOCIATE-RQ PDU", State.Sta5),
    AE_3("AE-3", "Issue A-ASSOCIATE confirmation (accept) primitive", State.Sta6),
    AE_4("AE-4", "Issue A-ASSOCIATE confirmation (reject) primitive and close transport connection", State.Sta1),
    AE_5("AE-5", "Issue Transport connection response primitive; start ARTIM timer", State.Sta2),
    AE_6("AE-6", "Stop ARTIM timer and if A-ASSOCIATE-RQ acceptable by service-provider issue A-ASSOCIATE indication"
            + " primitive, otherwise issue A-ASSOCIATE-RJ-PDU and start ARTIM timer", State.Sta3),
    AE_7("AE-7", "Send A-ASSOCIATE-AC PDU", State.Sta6),
    AE_8("AE-8", "Send A-ASSOCIATE-RJ PDU and start ARTIM timer", State.Sta13),
    DT_1("DT-1", "Send P-DATA-TF PDU", State.Sta6),
    DT_2("DT-2", "Send P-DATA indication primitive", State.Sta6),
    AR_1("AR-1", "Send A-RELEASE-RQ PDU", State.Sta7),
    AR_2("AR-2", "Issue A-RELEASE indication primitive", State.Sta8),
    AR_3("AR-3", "Issue A-RELEASE confirmation primitive, and close transport connection", State.Sta1),
    AR_4("AR-4", "Issue A-RELEASE-RP PDU and start ARTIM timer", State.Sta13),
    AR_5("AR-5", "Stop ARTIM timer", State.Sta1),
    AR_6("AR-6", "Issue P-DATA indication", State.Sta7),
    AR_7("AR-7", "Issue P-DATA-TF PDU", State.Sta8),
    AR_8("AR-8", "Issue A-RELEASE indication (release collision)", State.Sta9),
    AR_9("AR-9", "Send A-RELEASE-RP PDU", State.Sta11),
    AR_10("AR-10", "Issue A-RELEASE confirmation primitive", State.Sta12),
    AA_1("AA-1", "Send A-ABORT PDU (service-user source) and start (or restart if already started) ARTIM timer",
            State.Sta13),
    AA_2("AA-2", "Stop ARTIM timer if running. Close transport connection", State.Sta1),
    AA_3("AA-3", "Issue A-ABORT or A-P-ABORT indication and close transport connection", State.Sta1),
    AA_4("AA-4", "Issue A-P-ABORT indication primitive", State.Sta1),
    AA_5("AA-5", "Stop ARTIM timer", State.Sta1),
    AA_6("AA-6", "Ignore PDU", State.Sta13),
    AA_7("AA-7", "Send A-ABORT PDU", State.Sta13),
    AA_8("AA-8", "Send A-ABORT PDU (service-provider source), issue an A-P-ABORT indication, and start ARTIM timer",
            State.Sta13);

    private final String label;
    private final String description;
    private final State next;

    Action(String label, String description, State next) {
        this.label = label;
        this.description = description;
        this.next = next;
    }

    /** The standard's name, e.g. {@code AE-1}. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The state after this action (for AE-6 and AR-8 the usual one; see {@link StateMachine}). */
    public State next() {
        return next;
    }
}
