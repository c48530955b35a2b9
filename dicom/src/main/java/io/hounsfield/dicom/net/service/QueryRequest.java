package io.hounsfield.dicom.net.service;

/** A C-FIND, C-MOVE or C-GET request (PS3.7 §9.1.2-4); {@code moveDestination} only for C-MOVE. */
public record QueryRequest(AssociationInfo association, int messageId, String sopClassUid, int priority,
        String moveDestination) {
}
