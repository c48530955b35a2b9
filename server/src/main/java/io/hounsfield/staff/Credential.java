package io.hounsfield.staff;

import io.hounsfield.staff.records.CredentialCatalog;
import java.time.LocalDate;
import java.util.Set;

/**
 * An ARRT credential, a state licence or permit, a BLS/CPR card or another board's credential.
 *
 * @param code the credential's abbreviation (R, CT, MR), the licence's state and type, or the card's name
 * @param issuedOn for an ARRT credential the day it was earned, which starts its CQR period
 * @param expiresOn the last day it is valid; none when it does not expire
 */
public record Credential(long id, long staffId, CredentialKind kind, String code, String number, LocalDate issuedOn,
        LocalDate expiresOn) {

    public boolean expired(LocalDate today) {
        return expiresOn != null && expiresOn.isBefore(today);
    }

    public String name() {
        return CredentialCatalog.name(kind, code);
    }

    /** The modalities this credential qualifies for, by {@link CredentialCatalog}. */
    public Set<String> modalities() {
        return CredentialCatalog.modalities(kind, code);
    }
}
