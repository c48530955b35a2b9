package io.hounsfield.archive;

import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.scp.DicomServiceProvider;
import org.springframework.stereotype.Component;

/** The archive's DICOM services on Hounsfield's listener: storage of every Storage SOP Class in any syntax. */
@Component
class ArchiveScp implements DicomServiceProvider {
    private final StoreScp store;

    ArchiveScp(StoreScp store) {
        this.store = store;
    }

    @Override
    public void register(ServiceRegistry services) {
        services.storeAll(store);
    }
}
