package io.hounsfield.staff.records;

import io.hounsfield.staff.Biennium;
import io.hounsfield.staff.CeActivity;
import io.hounsfield.staff.CeProgress;
import io.hounsfield.staff.Credential;
import io.hounsfield.staff.CredentialKind;
import io.hounsfield.staff.StaffMember;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * CE progress in the current biennium. The biennium needs the birth month and the date first certified, the earliest
 * ARRT credential on file; Category A and A+ credits both count (ARRT <i>Continuing Education Requirements</i>).
 */
public final class CeTracking {

    private CeTracking() {}

    static Optional<LocalDate> firstCertified(List<Credential> credentials) {
        return credentials.stream().filter(credential -> credential.kind() == CredentialKind.ARRT)
                .map(Credential::issuedOn).min(Comparator.naturalOrder());
    }

    static Optional<Biennium> biennium(StaffMember member, List<Credential> credentials, LocalDate today) {
        if (member.birthMonth() == null) {
            return Optional.empty();
        }
        return firstCertified(credentials).map(first -> Biennium.containing(today, member.birthMonth(), first));
    }

    public static Optional<CeProgress> progress(StaffMember member, List<Credential> credentials,
            List<CeActivity> activities, LocalDate today) {
        return biennium(member, credentials, today).map(biennium -> new CeProgress(biennium, activities.stream()
                .filter(activity -> biennium.contains(activity.completedOn())).map(CeActivity::credits)
                .reduce(BigDecimal.ZERO, BigDecimal::add)));
    }
}
