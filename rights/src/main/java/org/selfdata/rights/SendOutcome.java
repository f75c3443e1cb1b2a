package org.selfdata.rights;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** What became of a message handed to the person's mailbox. */
public sealed interface SendOutcome {
    /** The message's Message-ID, the same whatever the outcome. */
    String messageId();

    /**
     * The SMTP server accepted the message now.
     *
     * @param acceptedAt when the server accepted it (answered the end of DATA), by selfdata's clock
     * @param filedInSent whether selfdata filed a copy in the Sent folder, as the account asks; false when it does
     *     not ask or when filing failed, in which case the message is sent all the same
     */
    record Sent(PreparedMail mail, Instant acceptedAt, boolean filedInSent) implements SendOutcome {
        public Sent {
            requireNonNull(mail, "mail is null");
            requireNonNull(acceptedAt, "acceptedAt is null");
        }

        @Override
        public String messageId() {
            return mail.messageId();
        }
    }

    /**
     * An earlier attempt had sent it: its copy is in the Sent folder, and it was not sent again.
     *
     * @param filedAt when the Sent folder received the copy (its IMAP INTERNALDATE), the closest to the time the server
     *     accepted the message that can still be known
     */
    record AlreadySent(String messageId, Instant filedAt) implements SendOutcome {
        public AlreadySent {
            requireNonNull(messageId, "messageId is null");
            requireNonNull(filedAt, "filedAt is null");
        }
    }
}
