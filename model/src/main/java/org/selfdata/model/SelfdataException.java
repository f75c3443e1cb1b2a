package org.selfdata.model;

import java.time.Duration;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type selfdata throws on purpose.
 *
 * <p>Messages are written for the person who will read them: they name the problem and, where there is one,
 * the fix. They never contain personal data (no amounts, labels, coordinates, names), because they end up in
 * logs, terminals and HTTP responses.
 */
public final class SelfdataException extends RuntimeException {
    private final ErrorCode code;
    private final Optional<Duration> retryAfter;

    public SelfdataException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
        this.retryAfter = Optional.empty();
    }

    public SelfdataException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
        this.retryAfter = Optional.empty();
    }

    /** A refusal that a wait would lift: a rate limit, with the time until the next attempt may succeed. */
    public SelfdataException(ErrorCode code, String message, Duration retryAfter) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
        this.retryAfter = Optional.of(requireNonNull(retryAfter, "retryAfter is null"));
    }

    public ErrorCode code() {
        return code;
    }

    /** How long to wait before asking again, when waiting is what it takes. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
