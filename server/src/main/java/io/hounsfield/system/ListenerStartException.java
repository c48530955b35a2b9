package io.hounsfield.system;

import java.io.IOException;

/** A listener (HL7, DICOM) could not open its port; reported by {@link ListenerStartFailureAnalyzer}. */
public class ListenerStartException extends RuntimeException {

    private final String listener;
    private final String address;
    private final int port;

    public ListenerStartException(String listener, String address, int port, IOException cause) {
        super(listener + " could not listen on " + address + ":" + port + ": " + cause.getMessage(), cause);
        this.listener = listener;
        this.address = address;
        this.port = port;
    }

    String listener() {
        return listener;
    }

    String address() {
        return address;
    }

    int port() {
        return port;
    }
}
