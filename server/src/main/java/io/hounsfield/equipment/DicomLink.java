package io.hounsfield.equipment;

/**
 * What the equipment pages need from the DICOM listener, implemented there (package {@code scp}), so that the
 * registry does not depend on the listener that depends on it.
 */
public interface DicomLink {

    /** Hounsfield's own AE title, the one peers must call. */
    String ourAeTitle();

    /** "Is it reachable?": a C-ECHO to the peer's address (PS3.7 §9.1.5); what happened in one sentence. */
    String echo(DicomPeer peer);
}
