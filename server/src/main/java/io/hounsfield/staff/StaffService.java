package io.hounsfield.staff;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.security.UserAccount;
import io.hounsfield.security.UserService;
import io.hounsfield.staff.learning.Learning;
import io.hounsfield.staff.learning.StudentRequirements;
import io.hounsfield.staff.records.Alerts;
import io.hounsfield.staff.records.CeTracking;
import io.hounsfield.staff.records.CredentialCatalog;
import io.hounsfield.staff.records.DocumentStore;
import io.hounsfield.staff.records.FormValues;
import io.hounsfield.staff.records.StaffRepository;
import io.hounsfield.staff.work.Supervision;
import io.hounsfield.staff.work.WorkClearance;
import io.hounsfield.staff.work.WorkRepository;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff records: credentials, licences and BLS/CPR cards with their documents, continuing education, competencies,
 * students' clinical log and orientation, and the check made when an exam starts ({@link #checkMayPerform}). Staff
 * data is not patient data, but every change is audited, and so is every document opened.
 */
@Service
public class StaffService {

    private final StaffRepository staff;
    private final WorkRepository work;
    private final UserService users;
    private final DocumentStore documents;
    private final WorkClearance clearance;
    private final Learning learning;
    private final Supervision supervision;
    private final AuditService audit;
    private final Clock clock;

    StaffService(StaffRepository staff, WorkRepository work, UserService users, DocumentStore documents,
            WorkClearance clearance, Learning learning, Supervision supervision, AuditService audit, Clock clock) {
        this.supervision = supervision;
        this.staff = staff;
        this.work = work;
        this.users = users;
        this.documents = documents;
        this.clearance = clearance;
        this.learning = learning;
        this.audit = audit;
        this.clock = clock;
    }

    public Optional<StaffMember> find(String username) {
        return staff.memberByUsername(username);
    }

    public StaffMember get(long id) {
        return staff.member(id).orElseThrow(() -> new HounsfieldException(Failure.NOT_FOUND, "There is no such staff record."));
    }

    public List<StaffMember> all() {
        return staff.members();
    }

    /** Opens a staff record for an existing user, with the orientation checklist to work through. */
    @Transactional
    public StaffMember create(String username, Month birthMonth, String programme, LocalDate startedOn, Actor actor) {
        UserAccount user = users.find(username == null ? "" : username.strip()).orElseThrow(() -> new HounsfieldException(
                Failure.NOT_FOUND, "There is no user " + username + ". Create the user account first."));
        if (staff.memberByUsername(user.username()).isPresent()) {
            throw new HounsfieldException(Failure.DUPLICATE, user.fullName() + " has a staff record already.");
        }
        String set = user.role() == io.hounsfield.security.Role.STUDENT ? StudentRequirements.RADIOGRAPHY_2022 : null;
        long id = staff.insertMember(user.id(), birthMonth, FormValues.blankToNull(programme), set, startedOn, actor.name());
        learning.startOrientation(id);
        audit.record(actor, AuditEntry.success("STAFF_RECORD_CREATED", "STAFF", user.username()));
        return get(id);
    }

    @Transactional
    public void update(long staffId, Month birthMonth, String programme, Actor actor) {
        StaffMember member = get(staffId);
        staff.updateMember(staffId, birthMonth, FormValues.blankToNull(programme), member.requirementSet());
        audit.record(actor, AuditEntry.success("STAFF_RECORD_CHANGED", "STAFF", member.username())
                .withDetail("birth month " + birthMonth + ", programme " + programme));
    }

    @Transactional
    public Credential addCredential(long staffId, CredentialKind kind, String code, String number, LocalDate issuedOn,
            LocalDate expiresOn, Actor actor) {
        StaffMember member = get(staffId);
        String cleanCode = FormValues.required(code, "Say which credential, licence or card this is.");
        if (kind == CredentialKind.ARRT) {
            cleanCode = cleanCode.toUpperCase(java.util.Locale.ROOT).replace(".", "");
            if (!CredentialCatalog.arrt().containsKey(cleanCode)) {
                throw new HounsfieldException(Failure.INVALID_VALUE, cleanCode + " is not an ARRT credential. Known: "
                        + String.join(", ", CredentialCatalog.arrt().keySet()) + ".");
            }
        }
        String cleanNumber = FormValues.required(number, "Give the number printed on the credential, licence or card.");
        if (issuedOn == null) {
            throw new HounsfieldException(Failure.MISSING_VALUE, "Give the date it was issued or earned.");
        }
        if (expiresOn != null && expiresOn.isBefore(issuedOn)) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "The expiry date is before the issue date.");
        }
        long id = staff.insertCredential(staffId, kind, cleanCode, cleanNumber, issuedOn, expiresOn, actor.name());
        audit.record(actor, AuditEntry.success("STAFF_CREDENTIAL_ADDED", "STAFF", member.username())
                .withDetail(kind.label() + " " + cleanCode + " no. " + cleanNumber + ", issued " + issuedOn
                        + (expiresOn == null ? "" : ", expires " + expiresOn)));
        return new Credential(id, staffId, kind, cleanCode, cleanNumber, issuedOn, expiresOn);
    }

    /** A credential entered in error leaves the list; the audit trail keeps what it was. */
    @Transactional
    public void removeCredential(long staffId, long credentialId, Actor actor) {
        StaffMember member = get(staffId);
        if (!staff.removeCredential(staffId, credentialId)) {
            throw new HounsfieldException(Failure.NOT_FOUND, "That credential is not on this record.");
        }
        audit.record(actor, AuditEntry.success("STAFF_CREDENTIAL_REMOVED", "STAFF", member.username())
                .withDetail("credential " + credentialId));
    }

    public List<Credential> credentials(long staffId) {
        return staff.credentials(staffId);
    }

    /** Keeps a scan (PDF, PNG or JPEG); anything else is refused with the reason, and the refusal audited. */
    @Transactional
    public StaffDocument attachDocument(long staffId, Long credentialId, String fileName, byte[] content, Actor actor) {
        StaffMember member = get(staffId);
        if (credentialId != null && staff.credentials(staffId).stream().noneMatch(c -> c.id() == credentialId)) {
            throw new HounsfieldException(Failure.NOT_FOUND, "That credential is not on this record.");
        }
        String name = fileName == null || fileName.isBlank() ? "document" : fileName.strip();
        DocumentStore.Stored stored;
        try {
            stored = documents.store(staffId, content);
        } catch (HounsfieldException refused) {
            audit.record(actor, AuditEntry.failure("STAFF_DOCUMENT_REFUSED", "STAFF", member.username(),
                    name + ": " + refused.getMessage()));
            throw refused;
        }
        StaffDocument document = new StaffDocument(0, staffId, credentialId, name.length() > 200 ? name.substring(0, 200)
                : name, stored.contentType(), stored.size(), stored.sha256(), stored.key(), clock.instant(), actor.name());
        staff.insertDocument(document);
        audit.record(actor, AuditEntry.success("STAFF_DOCUMENT_ATTACHED", "STAFF", member.username())
                .withDetail(name + " (" + stored.contentType() + ", sha-256 " + stored.sha256() + ")"));
        return document;
    }

    public List<StaffDocument> documents(long staffId) {
        return staff.documents(staffId);
    }

    /** The document and its content, the read audited. */
    @Transactional
    public DocumentContent openDocument(long staffId, long documentId, Actor actor) throws IOException {
        StaffMember member = get(staffId);
        StaffDocument document = staff.document(staffId, documentId).orElseThrow(() -> new HounsfieldException(
                Failure.NOT_FOUND, "That document is not on this record."));
        audit.record(actor, AuditEntry.success("STAFF_DOCUMENT_VIEWED", "STAFF", member.username())
                .withDetail(document.fileName()));
        return new DocumentContent(document, documents.open(document.storageKey()));
    }

    /** A document's content for download. */
    public record DocumentContent(StaffDocument document, InputStream content) {}

    @Transactional
    public void recordActivity(long staffId, String title, String provider, CeCategory category, BigDecimal credits,
            LocalDate completedOn, Actor actor) {
        StaffMember member = get(staffId);
        String cleanTitle = FormValues.required(title, "Give the activity's title.");
        if (category == null) {
            throw new HounsfieldException(Failure.MISSING_VALUE, "Say whether the activity is Category A or A+.");
        }
        if (credits == null || credits.signum() <= 0 || credits.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "Credits must be more than 0 and at most 100.");
        }
        if (completedOn == null || completedOn.isAfter(LocalDate.now(clock))) {
            throw new HounsfieldException(Failure.INVALID_VALUE, "Give the date it was completed, today or earlier.");
        }
        work.insertActivity(staffId, cleanTitle, FormValues.blankToNull(provider), category, credits, completedOn, actor.name());
        audit.record(actor, AuditEntry.success("STAFF_CE_RECORDED", "STAFF", member.username())
                .withDetail(credits.toPlainString() + " credits, " + category.label() + ": " + cleanTitle));
    }

    public List<CeActivity> activities(long staffId) {
        return work.activities(staffId);
    }

    /** Progress in the current biennium; none without a birth month or an ARRT credential. */
    public Optional<CeProgress> ceProgress(long staffId) {
        return CeTracking.progress(get(staffId), credentials(staffId), activities(staffId), LocalDate.now(clock));
    }

    public List<StaffAlert> alerts(long staffId) {
        return Alerts.of(get(staffId), credentials(staffId), ceProgress(staffId), LocalDate.now(clock));
    }

    /** Everyone's alerts, the nearest first: the lead's report. */
    public List<StaffAlert> allAlerts() {
        LocalDate today = LocalDate.now(clock);
        return all().stream().flatMap(member -> Alerts.of(member, credentials(member.id()),
                        CeTracking.progress(member, credentials(member.id()), activities(member.id()), today), today)
                .stream()).sorted(java.util.Comparator.comparing(StaffAlert::date)).toList();
    }

    /**
     * Refuses, with {@link Failure#STATE_CONFLICT} and a plain message, an exam start by someone with a staff record who
     * is not competent for the modality or whose licence or BLS/CPR card has lapsed, unless a lead's exception is in
     * date (the start is then audited with the exception). See {@link StaffProperties} for who is checked.
     */
    @Transactional
    public void checkMayPerform(Actor actor, String modality, String procedureCode) {
        clearance.check(actor, modality, procedureCode);
    }

    /**
     * The supervising technologist of a student's exam, checked: named, an enabled technologist or lead, cleared for
     * the modality if they have a staff record (JRCERT Standard Five). Empty for anyone who is not a student; refused
     * with {@link Failure#STATE_CONFLICT} and a plain message, audited, otherwise.
     */
    public Optional<String> supervisorOfExam(Actor actor, String supervisor, String modality) {
        return supervision.supervisorOfExam(actor, supervisor, modality);
    }

    /**
     * Checks that a student's repeat is under direct supervision (JRCERT Standard Five: all repeats, the technologist
     * physically present) and returns the supervisor, to pass to {@link #recordDirectSupervision} once the repeat is
     * under way. Empty for anyone who is not a student; refused, audited, when no qualified technologist is present.
     */
    public Optional<String> requireDirectSupervision(Actor actor, DirectSupervision stated, String modality) {
        return supervision.supervisorOfRepeat(actor, stated, modality);
    }

    /** Keeps, and audits, who directly supervised a student's repeat of an image. */
    @Transactional
    public void recordDirectSupervision(Actor actor, String supervisor, String sopInstanceUid, String modality) {
        supervision.recordRepeat(actor, supervisor, sopInstanceUid, modality);
    }
}
