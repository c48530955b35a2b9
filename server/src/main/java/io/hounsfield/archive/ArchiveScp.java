package io.hounsfield.archive;

import io.hounsfield.archive.commitment.CommitmentScp;
import io.hounsfield.archive.ingest.StoreScp;
import io.hounsfield.archive.query.QueryScp;
import io.hounsfield.archive.retrieve.RetrieveScp;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.scp.DicomServiceProvider;
import org.springframework.stereotype.Component;

/**
 * The archive's DICOM services on Hounsfield's listener: storage of every Storage SOP Class in any syntax, Patient
 * Root and Study Root C-FIND, C-MOVE and C-GET, and Storage Commitment Push Model.
 */
@Component
class ArchiveScp implements DicomServiceProvider {
    private final StoreScp store;
    private final QueryScp query;
    private final RetrieveScp retrieve;
    private final CommitmentScp commitment;

    ArchiveScp(StoreScp store, QueryScp query, RetrieveScp retrieve, CommitmentScp commitment) {
        this.store = store;
        this.query = query;
        this.retrieve = retrieve;
        this.commitment = commitment;
    }

    @Override
    public void register(ServiceRegistry services) {
        services.storeAll(store).beforeRelease(store::released);
        services.find(Uids.StudyRootQueryRetrieveInformationModelFind, query);
        services.find(Uids.PatientRootQueryRetrieveInformationModelFind, query);
        services.move(Uids.StudyRootQueryRetrieveInformationModelMove, retrieve);
        services.move(Uids.PatientRootQueryRetrieveInformationModelMove, retrieve);
        services.get(Uids.StudyRootQueryRetrieveInformationModelGet, retrieve);
        services.get(Uids.PatientRootQueryRetrieveInformationModelGet, retrieve);
        services.normalized(Uids.StorageCommitmentPushModel, commitment);
    }
}
