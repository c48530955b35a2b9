package io.hounsfield.dicom.net.service;

import io.hounsfield.dicom.data.Attributes;
import java.io.IOException;

/** Query SCP for C-FIND (PS3.4 Annex C and K, Modality Worklist): reports matches one by one as pending responses. */
public interface FindService {
    /** Where matches go: each becomes a C-FIND-RSP with status Pending (PS3.7 §9.1.2). */
    interface Matches {
        /** Sends a match; returns {@code false} if the SCU cancelled (C-CANCEL), so the search should stop. */
        boolean add(Attributes match) throws IOException;

        boolean cancelled();
    }

    /** Returns the final status (Success, or a failure); Cancel is answered for the caller when cancelled. */
    int find(QueryRequest request, Attributes keys, Matches matches) throws IOException;
}
