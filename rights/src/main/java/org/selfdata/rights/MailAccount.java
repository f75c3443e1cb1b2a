package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The person's own mailbox, from which requests leave and into which answers arrive: its servers, the name and
 * password it signs in with, the address and name letters are sent from, and the folders selfdata reads.
 *
 * <p>Its {@linkplain #toJson() JSON form} is what the vault keeps, sealed like any secret. The password is in that
 * form and nowhere else: {@link #toString()} leaves it out, and no error selfdata raises about the mailbox quotes it,
 * the addresses or the host.
 *
 * @param smtp the server letters are sent through
 * @param imap the server answers are read from, and the Sent folder checked before a retry, when the person gives one
 * @param userName the name the mailbox signs in with, on both servers
 * @param password the mailbox's password (or application password)
 * @param fromAddress the person's address, which letters come from and which the Message-IDs selfdata makes are on
 * @param displayName the name shown beside the address, possibly empty
 * @param inboxFolder the IMAP folder answers are read from, usually {@code INBOX}
 * @param sentFolder the IMAP folder of sent messages, where a retry first looks for a message
 * @param saveToSent whether selfdata files a copy of each message it sends in the Sent folder (IMAP APPEND), for a
 *     server that does not file the messages it relays itself
 * @param timeouts how long to wait for either server
 */
public record MailAccount(MailServer smtp, Optional<MailServer> imap, String userName, String password,
        String fromAddress, String displayName, String inboxFolder, Optional<String> sentFolder, boolean saveToSent,
        MailTimeouts timeouts) {
    public MailAccount {
        requireNonNull(smtp, "smtp is null");
        requireNonNull(imap, "imap is null");
        requireNonNull(userName, "userName is null");
        requireNonNull(password, "password is null");
        requireNonNull(fromAddress, "fromAddress is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(inboxFolder, "inboxFolder is null");
        requireNonNull(sentFolder, "sentFolder is null");
        requireNonNull(timeouts, "timeouts is null");
        MailAddresses.requireValid(fromAddress);
        if (inboxFolder.isBlank()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.rights.mail.account.invalid", "inboxFolder"));
        }
        if (sentFolder.isPresent() && sentFolder.orElseThrow().isBlank()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.rights.mail.account.invalid", "sentFolder"));
        }
    }

    /** The domain of the person's address, which the Message-IDs of their letters are on. */
    public String domain() {
        return MailAddresses.domain(fromAddress);
    }

    /** The account as the vault keeps it, password included. */
    public String toJson() {
        return MailAccountJson.write(this);
    }

    /** An account read back from its JSON form; a missing or unusable field is named, its value never quoted. */
    public static MailAccount fromJson(String json) {
        return MailAccountJson.read(json);
    }

    /** Everything but the password, which is shown as a mask whatever its length. */
    @Override
    public String toString() {
        return "MailAccount[smtp=" + smtp + ", imap=" + imap + ", userName=" + userName + ", password=********"
                + ", fromAddress=" + fromAddress + ", displayName=" + displayName + ", inboxFolder=" + inboxFolder
                + ", sentFolder=" + sentFolder + ", saveToSent=" + saveToSent + ", timeouts=" + timeouts + "]";
    }
}
