package io.hounsfield.security;

import io.hounsfield.audit.Actor;
import io.hounsfield.audit.AuditEntry;
import io.hounsfield.audit.AuditService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing, by form and by HTTP Basic alike: a user name is locked after a few failed logins, an
 * address after more, and each failure after a lock doubles it. A locked login is refused before its password is
 * looked at, so a guess during a lock tells nothing, even if right. The failure of a user name is counted before its
 * password is checked, so parallel guesses cannot slip past the limit; a right password takes it back. A lead or an
 * administrator can unlock. Locks live in memory: a restart clears them (documented in docs/security.md).
 */
@Component
class LoginThrottle {

    static final String ACCOUNT_LOCKED = "locked after too many failed logins";
    static final String ADDRESS_LOCKED = "address locked after too many failed logins";
    static final String ADDRESS = "LOGIN_ADDRESS";

    /** One login in progress: what {@link #begin} counted, for {@link #failed} or {@link #succeeded}. */
    record Attempt(String account, String address, Optional<FailureCounter.Lock> accountLock) {}

    private final FailureCounter accounts;
    private final FailureCounter addresses;
    private final Clock clock;
    private final AuditService audit;

    LoginThrottle(LoginThrottleProperties properties, Clock clock, AuditService audit) {
        this.accounts = new FailureCounter(properties.accountFailures(), properties.firstLock(),
                properties.longestLock(), properties.forgetAfter());
        this.addresses = new FailureCounter(properties.addressFailures(), properties.firstLock(),
                properties.longestLock(), properties.forgetAfter());
        this.clock = clock;
        this.audit = audit;
    }

    /** @throws LockedException when the user name or the address is locked */
    Attempt begin(String username, String address) {
        Instant now = clock.instant();
        String account = key(username);
        if (address != null && addresses.lockedUntil(address, now).isPresent()) {
            throw new LockedException(ADDRESS_LOCKED);
        }
        if (accounts.lockedUntil(account, now).isPresent()) {
            throw new LockedException(ACCOUNT_LOCKED);
        }
        return new Attempt(account, address, accounts.fail(account, now));
    }

    void succeeded(Attempt attempt) {
        accounts.forget(attempt.account());
    }

    void failed(Attempt attempt) {
        attempt.accountLock().ifPresent(lock -> auditLock(UserService.OBJECT_TYPE, lock, attempt.address()));
        if (attempt.address() != null) {
            addresses.fail(attempt.address(), clock.instant())
                    .ifPresent(lock -> auditLock(ADDRESS, lock, attempt.address()));
        }
    }

    List<FailureCounter.Lock> lockedAccounts() {
        return accounts.locks(clock.instant());
    }

    List<FailureCounter.Lock> lockedAddresses() {
        return addresses.locks(clock.instant());
    }

    boolean isLocked(String username) {
        return accounts.lockedUntil(key(username), clock.instant()).isPresent();
    }

    /** Audited as the current user (a lead or an administrator). */
    void unlockAccount(String username) {
        if (accounts.unlock(key(username), clock.instant())) {
            audit.record(AuditEntry.success("LOGIN_UNLOCKED", UserService.OBJECT_TYPE, key(username)));
        }
    }

    void unlockAddress(String address) {
        if (addresses.unlock(address, clock.instant())) {
            audit.record(AuditEntry.success("LOGIN_UNLOCKED", ADDRESS, address));
        }
    }

    private void auditLock(String objectType, FailureCounter.Lock lock, String address) {
        long minutes = Math.max(1, (Duration.between(clock.instant(), lock.until()).toSeconds() + 59) / 60);
        audit.record(new Actor(Actor.SYSTEM.name(), Actor.SYSTEM.role(), address),
                AuditEntry.success("LOGIN_LOCKED", objectType, lock.key()).withDetail(
                        "locked for " + minutes + (minutes == 1 ? " minute" : " minutes") + " after "
                                + lock.failures() + " failed logins"));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
