package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How long selfdata waits for the person's mail server, so that a server that stops answering never holds a request
 * forever: to connect, for each read and for each write.
 */
public record MailTimeouts(Duration connect, Duration read, Duration write) {
    private static final Duration LEAST = Duration.ofSeconds(1);
    private static final Duration MOST = Duration.ofMinutes(10);

    public MailTimeouts {
        for (Duration timeout : new Duration[] {
                requireNonNull(connect, "connect is null"), requireNonNull(read, "read is null"),
                requireNonNull(write, "write is null")}) {
            if (timeout.compareTo(LEAST) < 0 || timeout.compareTo(MOST) > 0) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.mail.timeouts"));
            }
        }
    }

    /** Ten seconds to connect, a minute for each read and each write: enough for a large attachment on a slow line. */
    public static MailTimeouts standard() {
        return new MailTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(1));
    }
}
