package io.hounsfield.scp;

import io.hounsfield.dicom.net.service.ServiceRegistry;

/**
 * Implemented by each feature that serves DICOM (the archive's storage and query, the worklist, MPPS):
 * it adds its service class providers to the listener's registry at start.
 */
public interface DicomServiceProvider {

    void register(ServiceRegistry services);
}
