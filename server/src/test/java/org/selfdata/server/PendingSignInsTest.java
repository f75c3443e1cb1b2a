package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.selfdata.testing.SteppingClock;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-ins sent to the provider: each taken once, within ten minutes, and never more than the bound kept. */
class PendingSignInsTest {
    private final SteppingClock clock = new SteppingClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final PendingSignIns pending = new PendingSignIns(clock);

    @Test
    void aSignInIsTakenOnceWithItsNonceVerifierAndWayOnward() {
        PendingSignIns.Pending started = pending.begin("/money");

        assertThat(pending.take(started.state().getValue())).contains(started);
        assertThat(pending.take(started.state().getValue())).as("taken a second time").isEmpty();
        assertThat(started.next()).isEqualTo("/money");
        assertThat(started.verifier().getValue()).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void eachSignInHasItsOwnStateNonceAndVerifier() {
        Set<String> seen = new HashSet<>();
        for (int count = 0; count < 100; count++) {
            PendingSignIns.Pending started = pending.begin("/");
            seen.add(started.state().getValue());
            seen.add(started.nonce().getValue());
            seen.add(started.verifier().getValue());
        }

        assertThat(seen).hasSize(300);
    }

    @Test
    void aSignInBackAfterTenMinutesFindsNothing() {
        PendingSignIns.Pending inTime = pending.begin("/");
        PendingSignIns.Pending late = pending.begin("/");
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(pending.take(inTime.state().getValue())).contains(inTime);

        clock.advance(Duration.ofSeconds(1));

        assertThat(pending.take(late.state().getValue())).isEmpty();
    }

    @Test
    void theOldestGoFirstOnceTheBoundIsReachedAndTheExpiredAreForgotten() {
        PendingSignIns.Pending first = pending.begin("/");
        for (int count = 1; count < PendingSignIns.CAPACITY; count++) {
            pending.begin("/");
        }
        assertThat(pending.size()).isEqualTo(PendingSignIns.CAPACITY);

        PendingSignIns.Pending newest = pending.begin("/");

        assertThat(pending.size()).isEqualTo(PendingSignIns.CAPACITY);
        assertThat(pending.take(first.state().getValue())).isEmpty();
        assertThat(pending.take(newest.state().getValue())).contains(newest);
        clock.advance(PendingSignIns.LIFETIME);
        pending.begin("/");
        assertThat(pending.size()).isEqualTo(1);
    }
}
