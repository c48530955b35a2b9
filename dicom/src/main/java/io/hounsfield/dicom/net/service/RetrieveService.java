package io.hounsfield.dicom.net.service;

import io.hounsfield.dicom.data.Attributes;
import java.io.IOException;
import java.util.List;

/** Retrieve SCP common to C-MOVE and C-GET (PS3.4 Annex C.4.2, C.4.3): the instances the keys select. */
public interface RetrieveService {
    List<DicomInstance> retrieve(QueryRequest request, Attributes keys) throws IOException;
}
