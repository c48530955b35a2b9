package io.hounsfield.staff.work;

import io.hounsfield.staff.Credential;
import io.hounsfield.staff.CredentialKind;
import io.hounsfield.staff.StaffMember;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whether a person may start an exam of a modality today, and if not, why, in words. A technologist needs a credential
 * in date that covers the modality or a lead's site sign-off for it (TJC diagnostic imaging HR standards: e.g. CT
 * technologists certified, or registered and licensed with documented CT training), a BLS/CPR card in date, and, where
 * a licence is on file, one in date. A student works under a technologist's supervision (JRCERT Standard Five), so
 * only the BLS/CPR card is checked.
 */
final class Clearance {

    private Clearance() {}

    static List<String> problems(StaffMember member, List<Credential> credentials, List<Competency> signOffs,
            String modality, String procedureCode, LocalDate today) {
        List<String> problems = new ArrayList<>();
        cardProblem(credentials, today).ifPresent(problems::add);
        if (member.student()) {
            return problems;
        }
        licenceProblem(credentials, today).ifPresent(problems::add);
        if (!competent(credentials, signOffs, modality, procedureCode, today)) {
            problems.add("no " + modality + " credential in date and no site sign-off for " + modality
                    + " is on file");
        }
        return problems;
    }

    static boolean competent(List<Credential> credentials, List<Competency> signOffs, String modality,
            String procedureCode, LocalDate today) {
        boolean credentialed = credentials.stream()
                .anyMatch(credential -> !credential.expired(today) && credential.modalities().contains(modality));
        return credentialed || signOffs.stream().anyMatch(signOff -> signOff.modality().equals(modality)
                && (signOff.procedureCode() == null || signOff.procedureCode().equals(procedureCode)));
    }

    private static Optional<String> cardProblem(List<Credential> credentials, LocalDate today) {
        List<Credential> cards = of(credentials, CredentialKind.BLS);
        if (cards.isEmpty()) {
            return Optional.of("no BLS/CPR card is on file");
        }
        if (cards.stream().allMatch(card -> card.expired(today))) {
            return Optional.of("the BLS/CPR card expired on " + latestExpiry(cards));
        }
        return Optional.empty();
    }

    /** Not every state licenses radiographers: no licence on file is no problem, only a lapsed one is. */
    private static Optional<String> licenceProblem(List<Credential> credentials, LocalDate today) {
        List<Credential> licences = of(credentials, CredentialKind.LICENCE);
        if (!licences.isEmpty() && licences.stream().allMatch(licence -> licence.expired(today))) {
            return Optional.of("the state licence expired on " + latestExpiry(licences));
        }
        return Optional.empty();
    }

    private static List<Credential> of(List<Credential> credentials, CredentialKind kind) {
        return credentials.stream().filter(credential -> credential.kind() == kind).toList();
    }

    private static LocalDate latestExpiry(List<Credential> credentials) {
        return credentials.stream().map(Credential::expiresOn).max(Comparator.naturalOrder()).orElseThrow();
    }
}
