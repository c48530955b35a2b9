package io.hounsfield.notification;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import io.hounsfield.security.Role;
import io.hounsfield.system.Failure;
import io.hounsfield.system.HounsfieldException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications for roles: a feature raises one when a role must act (a late safety finding, for instance),
 * the role's users list the open ones (a landing page, the notifications page) and one of them acknowledges it.
 * Messages are written for staff, in plain language; they may name an exam, so reading and acknowledging are
 * audited.
 */
@Service
public class NotificationService {

    private static final String OBJECT_TYPE = "NOTIFICATION";

    private final NotificationRepository notifications;
    private final AuditService audit;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, AuditService audit, Clock clock) {
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Notifies each of {@code roles} (role names such as {@code LEAD}); {@code patientId} is the patient the
     * notification concerns, for the audit trail, or null.
     */
    @Transactional
    public void notify(Collection<String> roles, String subject, String patientId, String message, String link,
            Actor actor) {
        for (String role : Set.copyOf(roles)) {
            notifications.insert(clock.instant(), role, subject, patientId, message, link, actor.name());
            audit.record(actor, AuditEntry.success("NOTIFICATION_SENT", OBJECT_TYPE, subject)
                    .forPatient(patientId).withDetail(inWords(role) + ": " + message));
        }
    }

    /** The open notifications for any of {@code roles}, newest first; audited as read by {@code actor}. */
    @Transactional
    public List<Notification> open(Collection<String> roles, Actor actor) {
        List<Notification> open = notifications.open(roles);
        if (!open.isEmpty()) {
            audit.record(actor, AuditEntry.success("NOTIFICATIONS_VIEWED", OBJECT_TYPE,
                    String.join(", ", roles.stream().map(NotificationService::inWords).toList()))
                    .withDetail(open.size() + " open"));
        }
        return open;
    }

    /** Every notification raised about {@code subject} (an accession number, say), open or not, oldest first. */
    public List<Notification> about(String subject) {
        return notifications.forSubject(subject);
    }

    /** The role as staff call it ("Lead technologist"), for the audit trail they read. */
    private static String inWords(String role) {
        return Arrays.stream(Role.values()).filter(known -> known.name().equals(role)).findFirst().map(Role::label)
                .orElse(role);
    }

    /** Someone in the notified role has seen it and acts on it. */
    @Transactional
    public void acknowledge(long id, Actor actor) {
        Notification notification = notifications.find(id)
                .orElseThrow(() -> new HounsfieldException(Failure.NOT_FOUND, "This notification does not exist."));
        if (!notification.role().equals(actor.role())) {
            throw new HounsfieldException(Failure.NOT_AUTHORIZED, "This notification is for another role.");
        }
        if (notifications.acknowledge(id, actor.name(), clock.instant())) {
            audit.record(actor, AuditEntry.success("NOTIFICATION_ACKNOWLEDGED", OBJECT_TYPE, notification.subject())
                    .forPatient(notifications.patientOf(id).orElse(null)).withDetail(notification.message()));
        }
    }
}
