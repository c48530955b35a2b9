package io.hounsfield.notification;

import java.time.Instant;

/**
 * Something a role must look at, such as a safety finding after an exam started, open until someone in that
 * role acknowledges it.
 *
 * @param role the role that must act, e.g. {@code LEAD} or {@code RADIOLOGIST}
 * @param subject what it is about, e.g. an accession number
 * @param link the page where it is dealt with, e.g. {@code /exams/12}
 */
public record Notification(long id, Instant createdAt, String role, String subject, String message, String link,
        String createdBy, String acknowledgedBy, Instant acknowledgedAt) {

    public boolean open() {
        return acknowledgedAt == null;
    }
}
