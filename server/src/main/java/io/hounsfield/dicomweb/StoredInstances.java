package io.hounsfield.dicomweb;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.StoredFile;
import io.hounsfield.audit.AuditService;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The visible stored files a DICOMweb read names, from {@link ArchiveService#files}, which audits the read. That
 * audit row is the read's only write, so it is committed without waiting for the disk ({@link AuditService#read}):
 * a viewer paging through a series asks one image per request, and waiting for the disk on each was most of the
 * time of a rendered frame.
 */
@Component
class StoredInstances {
    private final ArchiveService archive;
    private final AuditService audit;

    StoredInstances(ArchiveService archive, AuditService audit) {
        this.archive = archive;
        this.audit = audit;
    }

    /** The instances of the study, series or instance ({@code null}s widen it), the read audited as {@code purpose}. */
    List<StoredFile> files(String study, String series, String instance, String purpose) {
        return audit.read(() -> archive.files(study, series, instance, purpose));
    }

    /** The one visible instance the path names, the read audited under {@code purpose}; else 404. */
    StoredFile instance(String study, String series, String instance, String purpose) {
        List<StoredFile> files = files(study, series, instance, purpose);
        if (files.isEmpty()) {
            throw new HounsfieldException(Failure.NOT_FOUND, "no instance " + instance + " in series " + series
                    + " of study " + study + " in the archive");
        }
        return files.get(0);
    }
}
