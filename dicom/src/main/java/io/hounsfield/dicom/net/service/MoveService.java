package io.hounsfield.dicom.net.service;

import java.util.Optional;

/** C-MOVE SCP (PS3.4 Annex C.4.2): besides the instances, where a Move Destination AE title is on the network. */
public interface MoveService extends RetrieveService {
    /** A known C-MOVE destination. */
    record Destination(String aeTitle, String host, int port) {
    }

    Optional<Destination> destination(String moveDestination);
}
