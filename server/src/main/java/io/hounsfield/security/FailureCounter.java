package io.hounsfield.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins per key (a user name or an address) and the lock they earn: {@code threshold} failures lock the key
 * for {@code firstLock}, each further one doubles the lock up to {@code longestLock}. Kept in memory and bounded: the
 * least recently used keys are dropped beyond {@link #KEPT}, so a flood of made-up names cannot fill the heap.
 */
final class FailureCounter {

    static final int KEPT = 10_000;

    /** A key that is locked now, and until when. */
    record Lock(String key, int failures, Instant until) {}

    private static final class Failures {
        int count;
        Instant last;
        Instant lockedUntil;
    }

    private final int threshold;
    private final Duration firstLock;
    private final Duration longestLock;
    private final Duration forgetAfter;
    private final Map<String, Failures> byKey = new LeastRecentlyUsedMap<>(KEPT);

    FailureCounter(int threshold, Duration firstLock, Duration longestLock, Duration forgetAfter) {
        this.threshold = threshold;
        this.firstLock = firstLock;
        this.longestLock = longestLock;
        this.forgetAfter = forgetAfter;
    }

    synchronized Optional<Instant> lockedUntil(String key, Instant now) {
        Failures failures = byKey.get(key);
        if (failures == null || failures.lockedUntil == null || !now.isBefore(failures.lockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(failures.lockedUntil);
    }

    /** Counts one failure. @return the lock it starts, if it starts one */
    synchronized Optional<Lock> fail(String key, Instant now) {
        Failures failures = byKey.computeIfAbsent(key, unused -> new Failures());
        boolean locked = failures.lockedUntil != null && now.isBefore(failures.lockedUntil);
        if (!locked && failures.last != null && !now.isBefore(failures.last.plus(forgetAfter))) {
            failures.count = 0;
        }
        failures.count++;
        failures.last = now;
        Optional<Duration> lock = lockFor(failures.count);
        lock.ifPresent(duration -> failures.lockedUntil = now.plus(duration));
        return lock.map(duration -> new Lock(key, failures.count, failures.lockedUntil));
    }

    /** Takes back a failure counted before the password was checked, when the password was right. */
    synchronized void forget(String key) {
        byKey.remove(key);
    }

    synchronized List<Lock> locks(Instant now) {
        List<Lock> locks = new ArrayList<>();
        byKey.forEach((key, failures) -> {
            if (failures.lockedUntil != null && now.isBefore(failures.lockedUntil)) {
                locks.add(new Lock(key, failures.count, failures.lockedUntil));
            }
        });
        return locks;
    }

    /** @return whether the key was locked */
    synchronized boolean unlock(String key, Instant now) {
        Failures failures = byKey.remove(key);
        return failures != null && failures.lockedUntil != null && now.isBefore(failures.lockedUntil);
    }

    synchronized int size() {
        return byKey.size();
    }

    Optional<Duration> lockFor(int failureCount) {
        if (failureCount < threshold) {
            return Optional.empty();
        }
        int doublings = Math.min(failureCount - threshold, 30);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return Optional.of(lock.compareTo(longestLock) > 0 ? longestLock : lock);
    }
}
