package io.hounsfield.dicom.net.ul;

/** States of the DICOM upper layer protocol machine (PS3.8 §9.2.1, Table 9-1). */
public enum State {
    Sta1("Idle"),
    Sta2("Transport connection open (awaiting A-ASSOCIATE-RQ PDU)"),
    Sta3("Awaiting local A-ASSOCIATE response primitive"),
    Sta4("Awaiting transport connection opening to complete"),
    Sta5("Awaiting A-ASSOCIATE-AC or A-ASSOCIATE-RJ PDU"),
    Sta6("Association established and ready for data transfer"),
    Sta7("Awaiting A-RELEASE-RP PDU"),
    Sta8("Awaiting local A-RELEASE response primitive"),
    Sta9("Release collision requestor side; awaiting A-RELEASE response primitive"),
    Sta10("Release collision acceptor side; awaiting A-RELEASE-RP PDU"),
    Sta11("Release collision requestor side; awaiting A-RELEASE-RP PDU"),
    Sta12("Release collision acceptor side; awaiting A-RELEASE response primitive"),
    Sta13("Awaiting Transport Connection Close Indication");

    private final String description;

    State(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
