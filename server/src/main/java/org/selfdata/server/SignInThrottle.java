package org.selfdata.server;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Slows down password guessing: after {@link SignInLimits#maximumFailures()} failures within the window, from one
 * client address or against one handle, further attempts are refused until the oldest failure leaves the window.
 *
 * <p>An attempt counts as a failure from the moment it is admitted and is forgiven if the password was right, so a
 * burst of parallel attempts cannot all slip in while the first ones are still being checked. Refused attempts do not
 * count: waiting is always enough. Memory is bounded: each map keeps the most recently seen addresses and handles, and
 * each of those at most the failures that can still count. The price of limiting by handle is that someone who knows a
 * handle can keep its owner out for a window at a time; the owner's session, once started, is not affected.
 */
final class SignInThrottle {
    private final SignInLimits limits;
    private final Clock clock;
    private final Failures byAddress;
    private final Failures byHandle;

    SignInThrottle(SignInLimits limits, Clock clock) {
        this.limits = requireNonNull(limits, "limits is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.byAddress = new Failures(limits);
        this.byHandle = new Failures(limits);
    }

    /** Admits an attempt and counts it as failed, or says how long to wait before the next one. */
    synchronized Optional<Duration> admit(String address, String handle) {
        long now = clock.millis();
        long waitMillis = Math.max(byAddress.waitMillis(address, now), byHandle.waitMillis(handle, now));
        if (waitMillis > 0) {
            return Optional.of(Duration.ofMillis(waitMillis));
        }
        byAddress.add(address, now);
        byHandle.add(handle, now);
        return Optional.empty();
    }

    /** Forgives the attempt just admitted, and the handle's earlier failures: its owner knew the password. */
    synchronized void succeeded(String address, String handle) {
        byAddress.forgiveLatest(address);
        byHandle.forget(handle);
    }

    /** Failure times per key, oldest first; the least recently used key goes when there are too many. */
    private static final class Failures {
        private final SignInLimits limits;
        private final Map<String, ArrayDeque<Long>> times;

        Failures(SignInLimits limits) {
            this.limits = limits;
            this.times = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Long>> eldest) {
                    return size() > limits.trackedKeys();
                }
            };
        }

        long waitMillis(String key, long now) {
            ArrayDeque<Long> failures = times.get(key);
            if (failures == null) {
                return 0;
            }
            long windowMillis = limits.window().toMillis();
            while (!failures.isEmpty() && failures.peekFirst() <= now - windowMillis) {
                failures.pollFirst();
            }
            if (failures.isEmpty()) {
                times.remove(key);
                return 0;
            }
            return failures.size() >= limits.maximumFailures() ? failures.peekFirst() + windowMillis - now : 0;
        }

        void add(String key, long now) {
            ArrayDeque<Long> failures = times.computeIfAbsent(key, absent -> new ArrayDeque<>());
            failures.addLast(now);
            while (failures.size() > limits.maximumFailures()) {
                failures.pollFirst();
            }
        }

        void forgiveLatest(String key) {
            ArrayDeque<Long> failures = times.get(key);
            if (failures != null) {
                failures.pollLast();
                if (failures.isEmpty()) {
                    times.remove(key);
                }
            }
        }

        void forget(String key) {
            times.remove(key);
        }

        int size() {
            return times.size();
        }
    }

    /** How many addresses and handles are remembered: for tests of the bound. */
    synchronized int trackedKeys() {
        return Math.max(byAddress.size(), byHandle.size());
    }
}
