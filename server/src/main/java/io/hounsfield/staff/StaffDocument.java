package io.hounsfield.staff;

import java.time.Instant;

/**
 * A scanned card, certificate or licence, stored under the data directory.
 *
 * @param credentialId the credential it proves, if any
 * @param contentType what its first bytes show it to be (PDF, PNG, JPEG), not what the browser said
 */
public record StaffDocument(long id, long staffId, Long credentialId, String fileName, String contentType,
        long sizeBytes, String sha256, String storageKey, Instant uploadedAt, String uploadedBy) {}
