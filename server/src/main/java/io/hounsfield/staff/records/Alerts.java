package io.hounsfield.staff.records;

import io.hounsfield.staff.CeProgress;
import io.hounsfield.staff.Credential;
import io.hounsfield.staff.CredentialKind;
import io.hounsfield.staff.ExpiryBand;
import io.hounsfield.staff.StaffAlert;
import io.hounsfield.staff.StaffMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A person's alerts on a given day: each credential, licence or card ending within 90 days or ended, each CQR
 * deadline as close, and the biennium's end while credits are short. A lapsed credential that a newer one of the same
 * kind and code replaced raises nothing.
 */
public final class Alerts {

    private Alerts() {}

    public static List<StaffAlert> of(StaffMember member, List<Credential> credentials, Optional<CeProgress> progress,
            LocalDate today) {
        List<StaffAlert> alerts = new ArrayList<>();
        for (Credential credential : credentials) {
            if (!replaced(credential, credentials)) {
                ExpiryBand.of(credential.expiresOn(), today).ifPresent(band -> alerts.add(new StaffAlert(member.id(),
                        member.fullName(), credential.kind().label() + " " + credential.name(), credential.expiresOn(),
                        band)));
            }
            if (credential.kind() == CredentialKind.ARRT) {
                CqrPeriod.of(credential.code(), credential.issuedOn()).ifPresent(cqr -> ExpiryBand.of(cqr.due(), today)
                        .ifPresent(band -> alerts.add(new StaffAlert(member.id(), member.fullName(),
                                "Continuing Qualifications Requirements for " + credential.name(), cqr.due(), band))));
            }
        }
        progress.filter(ce -> !ce.met()).ifPresent(ce -> ExpiryBand.of(ce.biennium().end(), today)
                .filter(band -> band != ExpiryBand.EXPIRED)
                .ifPresent(band -> alerts.add(new StaffAlert(member.id(), member.fullName(), "CE biennium with "
                        + ce.remaining().stripTrailingZeros().toPlainString() + " of " + ce.required()
                        + " credits still to earn", ce.biennium().end(), band))));
        alerts.sort(Comparator.comparing(StaffAlert::date));
        return alerts;
    }

    private static boolean replaced(Credential credential, List<Credential> all) {
        return credential.expiresOn() != null && all.stream().anyMatch(other -> other.id() != credential.id()
                && other.kind() == credential.kind() && other.code().equalsIgnoreCase(credential.code())
                && (other.expiresOn() == null || other.expiresOn().isAfter(credential.expiresOn())));
    }
}
