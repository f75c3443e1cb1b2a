package org.selfdata.model;

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

    public SelfdataException(ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public SelfdataException(ErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }
}
