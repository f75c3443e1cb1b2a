package org.selfdata.rights;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The person's mailbox over IMAP: the answers that arrived since the last fetch, and the Sent folder a retry looks in.
 *
 * <p>Folders are opened read-only when read, so that fetching marks nothing as seen and changes nothing in the
 * mailbox; only {@link #fileInSent} writes, and only to the Sent folder.
 */
public final class Mailbox {
    private final MailAccount account;
    private final FetchLimits limits;

    public Mailbox(MailAccount account, FetchLimits limits) {
        this.account = requireNonNull(account, "account is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    /**
     * The messages of the account's inbox folder that arrived after the point given (all of them, oldest first, when
     * none is given), up to the limit of messages a fetch; messages past a limit are set aside and reported.
     */
    public Fetched fetch(Optional<FetchPoint> since) {
        requireNonNull(since, "since is null");
        return withFolder(account.inboxFolder(), folder -> {
            if (!folder.exists()) {
                throw new SelfdataException(ErrorCode.NOT_FOUND,
                        Wording.of("error.rights.mail.folderMissing", account.inboxFolder()));
            }
            folder.open(Folder.READ_ONLY);
            try {
                return fetch(folder, since);
            }
            finally {
                folder.close(false);
            }
        });
    }

    /**
     * When the copy of a message with this Message-ID was filed in the Sent folder, if one is there. A missing Sent
     * folder holds nothing.
     */
    public Optional<Instant> findSent(String messageId) {
        requireNonNull(messageId, "messageId is null");
        String folderName = sentFolder();
        return withFolder(folderName, folder -> {
            if (!folder.exists()) {
                return Optional.empty();
            }
            folder.open(Folder.READ_ONLY);
            try {
                // The server's search matches a substring: the header is checked again for the very Message-ID.
                return Arrays.stream(folder.search(new HeaderTerm("Message-ID", messageId)))
                        .filter(message -> hasMessageId(message, messageId))
                        .map(Mailbox::receivedDate).flatMap(Optional::stream).findFirst();
            }
            finally {
                folder.close(false);
            }
        });
    }

    /** Files a copy of a sent message in the Sent folder, marked as seen, creating the folder if it is missing. */
    public void fileInSent(PreparedMail mail) {
        requireNonNull(mail, "mail is null");
        withFolder(sentFolder(), folder -> {
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            MimeMessage copy = new MimeMessage(MailSessions.offline(), new ByteArrayInputStream(mail.mime()));
            copy.setFlag(Flags.Flag.SEEN, true);
            folder.appendMessages(new Message[] {copy});
            return true;
        });
    }

    private Fetched fetch(IMAPFolder folder, Optional<FetchPoint> since) throws MessagingException {
        long validity = folder.getUIDValidity();
        Optional<FetchPoint> valid = since.filter(point -> point.uidValidity() == validity);
        long first = valid.map(point -> point.lastUid() + 1).orElse(1L);
        Message[] found = folder.getMessagesByUID(first, UIDFolder.LASTUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        folder.fetch(found, profile);
        // "n:*" names the last message even when its UID is below n: only the UIDs past the point are new.
        List<Message> fresh = Arrays.stream(found).filter(message -> message != null && uid(folder, message) >= first)
                .sorted(Comparator.comparingLong(message -> uid(folder, message))).toList();
        List<Message> batch = fresh.subList(0, Math.min(fresh.size(), limits.maxMessages()));
        List<ReceivedMail> messages = new ArrayList<>();
        List<SkippedMail> skipped = new ArrayList<>();
        long last = valid.map(FetchPoint::lastUid).orElse(0L);
        for (Message message : batch) {
            long uid = uid(folder, message);
            switch (new MimeReading(limits).read(uid, message)) {
                case MimeReading.Read read -> messages.add(read.mail());
                case MimeReading.Skipped skip -> skipped.add(skip.mail());
            }
            last = uid;
        }
        return new Fetched(messages, skipped, new FetchPoint(validity, last), fresh.size() > batch.size(),
                since.isPresent() && valid.isEmpty());
    }

    private static long uid(IMAPFolder folder, Message message) {
        try {
            return folder.getUID(message);
        }
        catch (MessagingException e) {
            throw MailFaults.of(e, MailFaults.Exchange.READING);
        }
    }

    private static boolean hasMessageId(Message message, String messageId) {
        try {
            String[] values = message.getHeader("Message-ID");
            return values != null && Arrays.stream(values).anyMatch(value -> value.trim().equals(messageId));
        }
        catch (MessagingException e) {
            throw MailFaults.of(e, MailFaults.Exchange.READING);
        }
    }

    private static Optional<Instant> receivedDate(Message message) {
        try {
            return Optional.ofNullable(message.getReceivedDate()).map(java.util.Date::toInstant);
        }
        catch (MessagingException e) {
            throw MailFaults.of(e, MailFaults.Exchange.READING);
        }
    }

    private String sentFolder() {
        return account.sentFolder().orElseThrow(
                () -> new SelfdataException(ErrorCode.CONFLICT, Wording.of("error.rights.mail.outcomeUnknown")));
    }

    private <T> T withFolder(String name, FolderWork<T> work) {
        MailServer imap = account.imap().orElseThrow(
                () -> new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.mail.noImap")));
        Session session = MailSessions.imap(account, imap);
        try (Store store = session.getStore("imap")) {
            store.connect(imap.host(), imap.port(), account.userName(), account.password());
            return work.apply((IMAPFolder) store.getFolder(name));
        }
        catch (MessagingException | IOException e) {
            throw MailFaults.of(e, MailFaults.Exchange.READING);
        }
    }

    /** What is done with a folder while the store is connected. */
    @FunctionalInterface
    private interface FolderWork<T> {
        T apply(IMAPFolder folder) throws MessagingException, IOException;
    }
}
