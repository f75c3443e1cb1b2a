package org.selfdata.vault;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantId;
import org.selfdata.model.LogAction;
import org.selfdata.model.RecipientId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Which log entries to read: those of a recipient, under a grant, of an action, after an index (for paging), at most
 * {@code limit} of them, in the log's order.
 */
public record LogQuery(Optional<RecipientId> recipient, Optional<GrantId> grant, Optional<LogAction> action,
        Optional<Long> after, int limit) {
    public static final int MAXIMUM_LIMIT = 10_000;

    public LogQuery {
        requireNonNull(recipient, "recipient is null");
        requireNonNull(grant, "grant is null");
        requireNonNull(action, "action is null");
        requireNonNull(after, "after is null");
        if (limit < 1 || limit > MAXIMUM_LIMIT) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.vault.logLimit", Integer.toString(MAXIMUM_LIMIT)));
        }
    }

    public static LogQuery all() {
        return new LogQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), MAXIMUM_LIMIT);
    }

    public LogQuery withRecipient(RecipientId value) {
        return new LogQuery(Optional.of(value), grant, action, after, limit);
    }

    public LogQuery withGrant(GrantId value) {
        return new LogQuery(recipient, Optional.of(value), action, after, limit);
    }

    public LogQuery withAction(LogAction value) {
        return new LogQuery(recipient, grant, Optional.of(value), after, limit);
    }

    public LogQuery after(long index) {
        return new LogQuery(recipient, grant, action, Optional.of(index), limit);
    }

    public LogQuery limit(int value) {
        return new LogQuery(recipient, grant, action, after, value);
    }
}
