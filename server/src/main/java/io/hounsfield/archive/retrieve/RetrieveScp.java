package io.hounsfield.archive.retrieve;

import io.hounsfield.archive.QueryLevel;
import io.hounsfield.archive.audit.ArchiveAudit;
import io.hounsfield.archive.index.StoredInstance;
import io.hounsfield.archive.peers.PeerCheck;
import io.hounsfield.archive.query.ArchiveQueries;
import io.hounsfield.archive.store.InstanceStore;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.service.DicomInstance;
import io.hounsfield.dicom.net.service.DimseRefusal;
import io.hounsfield.dicom.net.service.GetService;
import io.hounsfield.dicom.net.service.MoveService;
import io.hounsfield.dicom.net.service.QueryRequest;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.system.Failure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Patient Root and Study Root C-MOVE and C-GET SCP (PS3.4 §C.4.2, §C.4.3): the instances below the unique keys
 * of the identifier, quarantined ones excepted, sent as stored. C-MOVE goes only to known peers that are move
 * destinations. Each retrieval is audited once per study.
 */
@Component
public class RetrieveScp implements MoveService, GetService {
    private final ArchiveQueries queries;
    private final InstanceStore store;
    private final PeerCheck peers;
    private final ArchiveAudit archiveAudit;
    private final AuditService audit;

    RetrieveScp(ArchiveQueries queries, InstanceStore store, PeerCheck peers, ArchiveAudit archiveAudit,
            AuditService audit) {
        this.queries = queries;
        this.store = store;
        this.peers = peers;
        this.archiveAudit = archiveAudit;
        this.audit = audit;
    }

    @Override
    public Optional<Destination> destination(String moveDestination) {
        return peers.moveDestination(moveDestination)
                .map(peer -> new Destination(peer.aeTitle(), peer.host(), peer.port()));
    }

    /** An unknown destination (0xA801, answered by the toolkit) is audited: someone asked for images to go there. */
    @Override
    public Optional<Destination> destination(QueryRequest request) {
        Optional<Destination> destination = destination(request.moveDestination());
        if (destination.isEmpty()) {
            archiveAudit.refused(request.association(), "C-MOVE", "unknown move destination '"
                    + (request.moveDestination() == null ? "" : request.moveDestination().strip()) + "'");
        }
        return destination;
    }

    /** A peer without permission gets 0x0124 (Not Authorized), an identifier without its unique key 0xA900. */
    @Override
    public List<DicomInstance> retrieve(QueryRequest request, Attributes keys) throws IOException {
        if (!peers.may(request.association(), PeerPermission.RETRIEVE)) {
            archiveAudit.refused(request.association(), "retrieve", "peer may not retrieve");
            throw new DimseRefusal(Failure.NOT_AUTHORIZED.dimseStatus(),
                    request.association().callingAeTitle() + " may not retrieve");
        }
        boolean patientRoot = request.sopClassUid().equals(Uids.PatientRootQueryRetrieveInformationModelMove)
                || request.sopClassUid().equals(Uids.PatientRootQueryRetrieveInformationModelGet);
        List<ArchiveQueries.Retrievable> matches;
        try {
            matches = queries.retrievable(level(keys, patientRoot), keys, peers.audience(request.association()));
        } catch (IOException badIdentifier) {
            throw new DimseRefusal(Failure.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS.dimseStatus(), badIdentifier.getMessage());
        }
        List<DicomInstance> instances = new ArrayList<>(matches.size());
        Map<String, String> patientsByStudy = new LinkedHashMap<>();
        for (ArchiveQueries.Retrievable match : matches) {
            instances.add(instance(match.instance()));
            patientsByStudy.put(match.instance().studyInstanceUid(), match.patient());
        }
        String operation = request.moveDestination() == null ? "C-GET" : "C-MOVE to " + request.moveDestination();
        patientsByStudy.forEach((study, patient) -> audit.record(ArchiveAudit.actor(request.association()),
                AuditEntry.success("STUDY_RETRIEVED", "STUDY", study).forPatient(patient).withDetail(operation)));
        return instances;
    }

    /** Sent as stored, read from the store only when its turn comes (nothing is fetched for a refused retrieve). */
    private DicomInstance instance(StoredInstance stored) {
        return DicomInstance.ofPart10(stored.sopClassUid(), stored.sopInstanceUid(), stored.transferSyntaxUid(),
                () -> store.open(stored.filePath()));
    }

    private static QueryLevel level(Attributes keys, boolean patientRoot) throws IOException {
        String name = keys.getString(Tags.QueryRetrieveLevel);
        try {
            QueryLevel level = QueryLevel.valueOf(name == null ? "" : name.strip());
            if (level == QueryLevel.PATIENT && !patientRoot) {
                throw new IOException("no PATIENT level in the Study Root model");
            }
            return level;
        } catch (IllegalArgumentException e) {
            throw new IOException("Query/Retrieve Level " + name + " unknown");
        }
    }
}
