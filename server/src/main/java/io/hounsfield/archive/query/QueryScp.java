package io.hounsfield.archive.query;

import io.hounsfield.archive.ArchiveProperties;
import io.hounsfield.archive.QueryLevel;
import io.hounsfield.archive.audit.ArchiveAudit;
import io.hounsfield.archive.peers.PeerCheck;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.data.AnswerCharacterSet;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.net.dimse.Status;
import io.hounsfield.dicom.net.service.DimseRefusal;
import io.hounsfield.dicom.net.service.FindService;
import io.hounsfield.dicom.net.service.QueryRequest;
import io.hounsfield.equipment.PeerPermission;
import io.hounsfield.system.Count;
import io.hounsfield.system.Failure;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Patient Root and Study Root Query/Retrieve C-FIND SCP (PS3.4 §C.4.1) on the index, hierarchical only: a query
 * below the top level must give the unique keys above (else 0xA900). Quarantined instances are never found.
 */
@Component
public class QueryScp implements FindService {
    private static final System.Logger LOG = System.getLogger(QueryScp.class.getName());

    private final ArchiveQueries queries;
    private final PeerCheck peers;
    private final ArchiveAudit archiveAudit;
    private final AuditService audit;
    private final int maxMatches;

    QueryScp(ArchiveQueries queries, PeerCheck peers, ArchiveAudit archiveAudit, AuditService audit,
            ArchiveProperties properties) {
        this.maxMatches = properties.maxQueryMatches();
        this.queries = queries;
        this.peers = peers;
        this.archiveAudit = archiveAudit;
        this.audit = audit;
    }

    @Override
    public int find(QueryRequest request, Attributes keys, Matches matches) throws IOException {
        if (!peers.may(request.association(), PeerPermission.QUERY)) {
            archiveAudit.refused(request.association(), "C-FIND", "peer may not query");
            return Failure.NOT_AUTHORIZED.dimseStatus();
        }
        boolean patientRoot = request.sopClassUid().equals(Uids.PatientRootQueryRetrieveInformationModelFind);
        QueryLevel level = level(keys, patientRoot);
        if (level == null) {
            return Failure.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS.dimseStatus();
        }
        List<Map<String, Object>> rows;
        try {
            rows = queries.find(level, keys, maxMatches + 1, 0, peers.audience(request.association()));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "{0} << C-FIND-RQ: {1}", request.association().name(), e.getMessage());
            return Failure.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS.dimseStatus();
        }
        if (rows.size() > maxMatches) {
            // No C-FIND status means "partial"; cutting the list short would look complete to the user.
            archiveAudit.refused(request.association(), "C-FIND", "more than " + maxMatches + " matches");
            throw new DimseRefusal(Failure.TOO_MANY_MATCHES.dimseStatus(), "more than " + maxMatches + " matches: narrow the query");
        }
        audit.record(ArchiveAudit.actor(request.association()), AuditEntry.success("ARCHIVE_QUERIED", "QUERY",
                level.name()).forPatients(ArchiveAudit.patients(rows)).withDetail(Count.of(rows.size(), "match", "matches")));
        for (Map<String, Object> row : rows) {
            if (!matches.add(AnswerCharacterSet.forRequest(keys, QueryResponses.match(level, keys, row)))) {
                break;
            }
        }
        return Status.SUCCESS;
    }

    /** The requested level, if valid for the model and given the unique keys above it; else {@code null}. */
    private static QueryLevel level(Attributes keys, boolean patientRoot) {
        String name = keys.getString(Tags.QueryRetrieveLevel);
        QueryLevel level;
        try {
            level = QueryLevel.valueOf(name == null ? "" : name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!patientRoot && level == QueryLevel.PATIENT) {
            return null;
        }
        for (int tag : level.uniqueKeysAbove(patientRoot)) {
            String value = keys.getString(tag);
            if (value == null || value.isBlank() || value.contains("*") || value.contains("?")) {
                return null;
            }
        }
        return level;
    }
}
