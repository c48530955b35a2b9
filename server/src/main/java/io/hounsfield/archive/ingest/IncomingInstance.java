package io.hounsfield.archive.ingest;

import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.net.service.AssociationInfo;
import io.hounsfield.dicom.net.service.StoreRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An instance as it arrives by any door (C-STORE, STOW-RS, file import), in the one form {@link Ingest} takes: the
 * UIDs its sender gave (the C-STORE-RQ's, or the File Meta Information's, PS3.10 §7.1), its data set still to be
 * read, who sends it and the session it comes in.
 *
 * @param sourceAeTitle the Source Application Entity Title the stored file records (PS3.10 §7.1)
 * @param source what the index records as where it came from: the calling AE title, or the web service and user
 * @param requiredStudyUid the Study Instance UID the data set must have (STOW-RS to one study, PS3.18 §10.5), or
 *     {@code null} for any
 */
record IncomingInstance(IngestSession session, Actor actor, String sourceAeTitle, String source,
        String sopClassUid, String sopInstanceUid, String transferSyntaxUid, String requiredStudyUid,
        InputStream dataset) {

    /** A C-STORE's instance, in the session of its association. */
    static IncomingInstance of(StoreRequest request, InputStream dataset, Actor actor, IngestSession session) {
        String callingAeTitle = request.association().callingAeTitle();
        return new IncomingInstance(session, actor, callingAeTitle, callingAeTitle, request.sopClassUid(),
                request.sopInstanceUid(), request.transferSyntaxUid(), null, dataset);
    }

    /** Writes the preamble and File Meta Information of the file the instance is kept in (PS3.10 §7.1). */
    void writeFileStart(OutputStream out) throws IOException {
        new StoreRequest(new AssociationInfo(sourceAeTitle, "", null, session.name()), 0, sopClassUid, sopInstanceUid,
                transferSyntaxUid, null, 0).writeFile(out, InputStream.nullInputStream());
    }
}
