package io.hounsfield.dicom.net.service;

/** C-GET SCP (PS3.4 Annex C.4.3): the instances go back as C-STORE sub-operations on the same association. */
public interface GetService extends RetrieveService {
}
