package io.hounsfield.archive.query;

import io.hounsfield.archive.Audience;
import io.hounsfield.archive.QueryLevel;
import io.hounsfield.archive.StoredFile;
import io.hounsfield.archive.audit.ArchiveAudit;
import io.hounsfield.archive.index.StoredInstance;
import io.hounsfield.archive.store.InstanceStore;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.data.VR;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.system.Count;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Queries and retrievals for web users (DICOMweb), on the same C-FIND and C-MOVE code as the DICOM services:
 * quarantined instances are never found nor retrieved. Each call is audited once, for the logged-in user.
 */
@Component
public class WebQueries {
    private final ArchiveQueries queries;
    private final InstanceStore store;
    private final AuditService audit;

    WebQueries(ArchiveQueries queries, InstanceStore store, AuditService audit) {
        this.queries = queries;
        this.store = store;
        this.audit = audit;
    }

    public List<Attributes> query(QueryLevel level, Attributes keys, int limit, int offset) {
        List<Map<String, Object>> rows = queries.find(level, keys, limit, offset,
                Audience.ofRole(AuditService.currentActor().role()));
        audit.record(AuditEntry.success("ARCHIVE_QUERIED", "QUERY", level.name())
                .forPatients(ArchiveAudit.patients(rows)).withDetail(Count.of(rows.size(), "match", "matches")));
        return rows.stream().map(row -> {
            Attributes match = QueryResponses.match(level, keys, row);
            match.remove(Tags.QueryRetrieveLevel);
            return match;
        }).toList();
    }

    /** The attributes a query at {@code level} answers with values (all, or only those it matches on). */
    public static Set<Integer> keys(QueryLevel level, boolean matchingOnly) {
        Set<Integer> keys = new LinkedHashSet<>();
        for (QueryKey key : QueryKey.ALL) {
            if (level.answers(key) && (!matchingOnly || key.matching() != QueryKey.Matching.NONE)) {
                keys.add(key.tag());
            }
        }
        return keys;
    }

    public List<StoredFile> files(String studyUid, String seriesUid, String sopInstanceUid, String purpose) {
        Attributes identifier = new Attributes();
        identifier.setString(Tags.StudyInstanceUID, VR.UI, studyUid);
        QueryLevel level = QueryLevel.STUDY;
        if (seriesUid != null) {
            identifier.setString(Tags.SeriesInstanceUID, VR.UI, seriesUid);
            level = QueryLevel.SERIES;
        }
        if (sopInstanceUid != null) {
            identifier.setString(Tags.SOPInstanceUID, VR.UI, sopInstanceUid);
            level = QueryLevel.IMAGE;
        }
        List<ArchiveQueries.Retrievable> matches;
        try {
            matches = queries.retrievable(level, identifier, Audience.ofRole(AuditService.currentActor().role()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!matches.isEmpty()) {
            audit.record(AuditEntry.success("STUDY_RETRIEVED", "STUDY", studyUid)
                    .forPatient(matches.get(0).patient()).withDetail(purpose + ": " + Count.of(matches.size(), "instance", "instances")));
        }
        return matches.stream().map(match -> storedFile(match.instance())).toList();
    }

    /** One visible instance's file, read by the server's own processing: not audited (no person reads it). */
    public java.util.Optional<StoredFile> file(String sopInstanceUid) {
        Attributes identifier = new Attributes();
        identifier.setString(Tags.SOPInstanceUID, VR.UI, sopInstanceUid);
        try {
            return queries.retrievable(QueryLevel.IMAGE, identifier).stream().findFirst()
                    .map(match -> storedFile(match.instance()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StoredFile storedFile(StoredInstance instance) {
        return new StoredFile(instance.studyInstanceUid(), instance.seriesInstanceUid(), instance.sopInstanceUid(),
                instance.sopClassUid(), instance.transferSyntaxUid(), instance.filePath(), content(instance.filePath()));
    }

    private StoredFile.Content content(String key) {
        return new StoredFile.Content() {
            @Override
            public InputStream open() throws IOException {
                return store.open(key);
            }

            @Override
            public long size() throws IOException {
                return store.size(key);
            }

            @Override
            public Path localCopy() throws IOException {
                return store.localCopy(key);
            }
        };
    }
}
