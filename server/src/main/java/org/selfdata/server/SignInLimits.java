package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How many sign-in attempts may fail before the server stops trying passwords for a while.
 *
 * <p>The same limit applies to each client address and to each handle: an address guessing many handles and many
 * addresses guessing one handle are both slowed down. Failures older than the window no longer count.
 *
 * @param maximumFailures failures tolerated within the window; the next attempt is refused
 * @param window how far back failures count
 * @param trackedKeys how many addresses, and how many handles, are remembered at most; the least recently seen go first
 */
public record SignInLimits(int maximumFailures, Duration window, int trackedKeys) {
    public SignInLimits {
        requireNonNull(window, "window is null");
        if (maximumFailures < 1) {
            throw invalid(Wording.of("error.settings.signInFailures", Integer.toString(maximumFailures)));
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw invalid(Wording.of("error.settings.signInWindow", window.toString()));
        }
        if (trackedKeys < 1) {
            throw invalid(Wording.of("error.settings.signInTracked", Integer.toString(trackedKeys)));
        }
    }

    /** Five failures per fifteen minutes, remembering ten thousand addresses and ten thousand handles. */
    public static SignInLimits defaults() {
        return new SignInLimits(5, Duration.ofMinutes(15), 10_000);
    }

    private static SelfdataException invalid(Wording message) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
