package org.selfdata.server;

import org.selfdata.testing.SteppingClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {
    private final SteppingClock clock = new SteppingClock(Instant.parse("2025-06-01T08:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(new SignInLimits(3, Duration.ofMinutes(15), 100), clock);

    @Test
    void oneHandleIsLimitedWhateverTheAddress() {
        assertThat(throttle.admit("192.0.2.1", "camille")).isEmpty();
        assertThat(throttle.admit("192.0.2.2", "camille")).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.admit("192.0.2.3", "camille")).isEmpty();

        assertThat(throttle.admit("192.0.2.4", "camille")).contains(Duration.ofMinutes(14));
        assertThat(throttle.admit("192.0.2.4", "dominique")).isEmpty();
    }

    @Test
    void oneAddressIsLimitedWhateverTheHandle() {
        assertThat(throttle.admit("192.0.2.1", "camille")).isEmpty();
        assertThat(throttle.admit("192.0.2.1", "dominique")).isEmpty();
        assertThat(throttle.admit("192.0.2.1", "alex")).isEmpty();

        assertThat(throttle.admit("192.0.2.1", "sam")).contains(Duration.ofMinutes(15));
        assertThat(throttle.admit("192.0.2.9", "sam")).isEmpty();
    }

    @Test
    void theWaitEndsWhenTheOldestFailureLeavesTheWindow() {
        throttle.admit("192.0.2.1", "camille");
        clock.advance(Duration.ofMinutes(5));
        throttle.admit("192.0.2.1", "camille");
        throttle.admit("192.0.2.1", "camille");

        assertThat(throttle.admit("192.0.2.1", "camille")).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.admit("192.0.2.1", "camille")).isEmpty();
        assertThat(throttle.admit("192.0.2.1", "camille")).contains(Duration.ofMinutes(5));
    }

    @Test
    void successForgivesItsOwnAttemptAndTheHandlesFailuresButNotTheAddresses() {
        throttle.admit("192.0.2.1", "camille");
        throttle.admit("192.0.2.1", "camille");
        throttle.admit("192.0.2.1", "camille");
        throttle.succeeded("192.0.2.1", "camille");

        assertThat(throttle.admit("192.0.2.2", "camille")).isEmpty();
        assertThat(throttle.admit("192.0.2.1", "dominique")).isEmpty();
        assertThat(throttle.admit("192.0.2.1", "alex")).contains(Duration.ofMinutes(15));
    }

    @Test
    void onlyTheMostRecentlySeenKeysAreRemembered() {
        for (int address = 0; address < 1_000; address++) {
            throttle.admit("198.51.100." + address, "handle-" + address);
        }

        assertThat(throttle.trackedKeys()).isEqualTo(100);
    }
}
