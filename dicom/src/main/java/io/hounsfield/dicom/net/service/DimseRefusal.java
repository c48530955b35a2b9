package io.hounsfield.dicom.net.service;

import java.io.IOException;

/**
 * A service's refusal of a request with a status of its choosing (PS3.7 Annex C), e.g. 0x0124 Not Authorized or
 * 0xA900 Identifier does not match SOP Class; the message goes into Error Comment (0000,0902). Other exceptions from
 * a service are answered with {@link ServiceRegistry#failureStatus}.
 */
public final class DimseRefusal extends IOException {
    private final int status;

    public DimseRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
