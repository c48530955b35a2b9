package io.hounsfield.dicom.net.service;

import java.util.Optional;

/** C-MOVE SCP (PS3.4 Annex C.4.2): besides the instances, where a Move Destination AE title is on the network. */
public interface MoveService extends RetrieveService {
    /** A known C-MOVE destination. */
    record Destination(String aeTitle, String host, int port) {
    }

    Optional<Destination> destination(String moveDestination);

    /**
     * The destination of {@code request}; an SCP overrides this to learn who asked (to audit an unknown
     * destination, answered 0xA801).
     */
    default Optional<Destination> destination(QueryRequest request) {
        return destination(request.moveDestination());
    }
}
