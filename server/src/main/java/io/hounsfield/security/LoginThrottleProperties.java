package io.hounsfield.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How failed logins lock an account and an address ({@code hounsfield.login.*}).
 *
 * @param accountFailures failed logins of one user name that lock it
 * @param addressFailures failed logins from one address, whatever the user name, that lock the address; higher than
 *     {@code accountFailures} because a whole department may share one address behind a NAT or proxy
 * @param firstLock how long the first lock lasts; each further failure after a lock doubles it
 * @param longestLock the most a lock grows to
 * @param forgetAfter failures are forgotten after this long without one (and not while locked)
 */
@ConfigurationProperties("hounsfield.login")
record LoginThrottleProperties(Integer accountFailures, Integer addressFailures, Duration firstLock,
        Duration longestLock, Duration forgetAfter) {

    LoginThrottleProperties {
        accountFailures = accountFailures == null ? 5 : accountFailures;
        addressFailures = addressFailures == null ? 20 : addressFailures;
        firstLock = firstLock == null ? Duration.ofMinutes(1) : firstLock;
        longestLock = longestLock == null ? Duration.ofMinutes(30) : longestLock;
        forgetAfter = forgetAfter == null ? Duration.ofHours(1) : forgetAfter;
        if (accountFailures < 1 || addressFailures < 1) {
            throw new IllegalArgumentException("hounsfield.login.account-failures and address-failures must be 1 or more");
        }
        if (firstLock.isNegative() || firstLock.isZero() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException(
                    "hounsfield.login.first-lock must be positive and longest-lock at least as long");
        }
    }
}
