package io.hounsfield.quality;

import io.hounsfield.archive.ArchiveService;
import io.hounsfield.archive.InstanceOrigin;
import io.hounsfield.archive.StoreBatch;
import io.hounsfield.archive.StoreResult;
import io.hounsfield.archive.StoredFile;
import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.data.Attributes;
import io.hounsfield.dicom.dict.Tags;
import io.hounsfield.dicom.dict.Uids;
import io.hounsfield.dicom.image.PixelDataFiles;
import io.hounsfield.quality.reject.ModalityRejectionNotes;
import io.hounsfield.quality.reject.RejectReason;
import io.hounsfield.quality.reject.RejectionNote;
import io.hounsfield.quality.reject.RejectionRecords;
import io.hounsfield.staff.DirectSupervision;
import io.hounsfield.staff.StaffService;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rejecting an image for quality as IHE IOCM does: a Key Object Selection rejection note stored into the study
 * through the archive's ingest, the image withheld from reading (kept in the store, seen by the staff), and the
 * rejection recorded for the reject analysis (AAPM TG-305).
 */
@Service
public class ImageRejections {

    private final ArchiveService archive;
    private final RejectionRecords records;
    private final AuditService audit;
    private final StaffService staff;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ImageRejections(ArchiveService archive, RejectionRecords records, AuditService audit, StaffService staff,
            TransactionTemplate transaction, Clock clock) {
        this.staff = staff;
        this.archive = archive;
        this.records = records;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The CID 7011 reasons, in the order the form lists them. */
    public static List<RejectReason> reasonChoices() {
        return List.of(RejectReason.values());
    }

    /** The rejected images of a study: SOP Instance UID to the reason in words, oldest first. */
    public Map<String, String> reasons(String studyInstanceUid) {
        Map<String, String> reasons = new LinkedHashMap<>();
        records.forStudy(studyInstanceUid).forEach(rejected -> reasons.put(rejected.sopInstanceUid(),
                rejected.reason() + (rejected.comment().isEmpty() ? "" : ": " + rejected.comment())
                        + (rejected.repeatSopInstanceUid() == null ? "" : "; repeated")));
        return reasons;
    }

    /**
     * Rejects one image of the study, to be repeated; refused in words if the image, the reason or a confirmation is
     * missing, or if a student is not under direct supervision (JRCERT Standard Five: every repeat).
     */
    public String reject(String studyInstanceUid, String sopInstanceUid, String reasonCode, String comment,
            boolean confirmed, DirectSupervision supervision, Actor actor) {
        RejectReason reason = RejectReason.ofCode(reasonCode).orElseThrow(() -> refused("Choose why the image is"
                + " rejected."));
        if (!confirmed) {
            throw refused("Confirm that this image is rejected: it is then hidden from the radiologists.");
        }
        if (records.exists(sopInstanceUid)) {
            throw refused("This image is already rejected.");
        }
        StoredFile file = archive.files(studyInstanceUid, null, sopInstanceUid, "rejection note").stream().findFirst()
                .orElseThrow(() -> refused("There is no such image in this exam's study."));
        if (file.sopClassUid().equals(Uids.KeyObjectSelectionDocumentStorage)) {
            throw refused("A rejection note is not an image to reject.");
        }
        Attributes image = read(file);
        String modality = blankIfNull(image.getString(Tags.Modality));
        var supervisor = staff.requireDirectSupervision(actor, supervision, modality);
        Instant now = clock.instant();
        Attributes note = RejectionNote.of(image, reason, comment, now.atZone(clock.getZone()));
        store(note, studyInstanceUid, actor);
        String text = comment == null ? "" : comment.strip();
        InstanceOrigin origin = archive.originOf(sopInstanceUid).orElse(new InstanceOrigin("", now, "", ""));
        RejectionRecords.Rejected rejected = new RejectionRecords.Rejected(sopInstanceUid, studyInstanceUid,
                reason.code(), reason.meaning(), text.length() > 500 ? text.substring(0, 500) : text,
                origin.source(), blankIfNull(image.getString(Tags.BodyPartExamined)), operator(image, actor),
                origin.storedAt(), now, note.getString(Tags.SOPInstanceUID), null);
        transaction.executeWithoutResult(status -> {
            records.insert(file.seriesInstanceUid(), modality, rejected);
            archive.withholdFromReading(sopInstanceUid, now);
            supervisor.ifPresent(name -> staff.recordDirectSupervision(actor, name, sopInstanceUid, modality));
            audit.record(actor, AuditEntry.success("IMAGE_REJECTED", "INSTANCE", sopInstanceUid)
                    .forPatient(image.getString(Tags.PatientID))
                    .withDetail(reason.meaning() + (text.isEmpty() ? "" : ": " + text)
                            + supervisor.map(name -> "; repeat directly supervised by " + name).orElse("")));
        });
        return rejected.noteSopInstanceUid();
    }

    /**
     * Applies a rejection note that arrived (IHE IOCM): each instance it references is withheld from reading and
     * counted as rejected with the note's title as the reason. Ours, already applied, change nothing.
     */
    void applyNote(Attributes note, String source) {
        for (ModalityRejectionNotes.Referenced referenced : ModalityRejectionNotes.rejected(note)) {
            if (referenced.sopInstanceUid() == null || records.exists(referenced.sopInstanceUid())) {
                continue;
            }
            InstanceOrigin origin = archive.originOf(referenced.sopInstanceUid()).orElse(null);
            if (origin == null) {
                continue; // not stored here (yet): nothing to withhold
            }
            records.insert(referenced.seriesUid(), origin.modality(),
                    new RejectionRecords.Rejected(referenced.sopInstanceUid(), referenced.studyUid(),
                    referenced.titleCode(), referenced.title(), "rejection note from " + source, origin.source(),
                    origin.bodyPart(), source, origin.storedAt(), clock.instant(), note.getString(Tags.SOPInstanceUID),
                    null));
            archive.withholdFromReading(referenced.sopInstanceUid(), clock.instant());
            audit.record(new Actor(source, "DICOM", null), AuditEntry.success("IMAGE_REJECTED", "INSTANCE",
                    referenced.sopInstanceUid()).forPatient(note.getString(Tags.PatientID))
                    .withDetail(referenced.title() + " (rejection note)"));
        }
    }

    /** An image of the study stored after a reject is the repeat of the oldest reject not yet repeated. */
    void imageStored(String studyInstanceUid, String sopInstanceUid) {
        archive.originOf(sopInstanceUid).ifPresent(origin ->
                records.linkRepeat(studyInstanceUid, sopInstanceUid, origin.storedAt()));
    }

    private void store(Attributes note, String studyInstanceUid, Actor actor) {
        StoreBatch batch = StoreBatch.of("HOUNSFIELD", actor.name(), studyInstanceUid);
        try {
            StoreResult result = archive.store(note, batch);
            if (result.outcome() != StoreResult.Outcome.STORED) {
                throw new HounsfieldException(Failure.STATE_CONFLICT, "The rejection note could not be stored: "
                        + result.detail());
            }
        } finally {
            archive.finished(batch);
        }
    }

    private static Attributes read(StoredFile file) {
        try {
            return PixelDataFiles.read(file.localCopy()).dataset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String operator(Attributes image, Actor actor) {
        String operator = image.getString(Tags.OperatorsName);
        return operator == null || operator.isBlank() ? actor.name() : operator.strip();
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value.strip();
    }

    private static HounsfieldException refused(String message) {
        return new HounsfieldException(Failure.INVALID_INPUT, message);
    }
}
