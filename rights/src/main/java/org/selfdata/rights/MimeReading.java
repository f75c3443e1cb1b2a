package org.selfdata.rights;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.selfdata.texts.Wording;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Reads one message of the mailbox into a {@link ReceivedMail}, within the fetch's limits: a message past a limit, or
 * one that cannot be read as MIME, is set aside with the reason rather than read in part.
 */
final class MimeReading {
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>|</tr>|</li>|</h[1-6]>");
    private static final Pattern HIDDEN = Pattern.compile("(?is)<(script|style|head)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");

    private final FetchLimits limits;

    MimeReading(FetchLimits limits) {
        this.limits = requireNonNull(limits, "limits is null");
    }

    /** What reading a message gave. */
    sealed interface Outcome permits Read, Skipped {}

    record Read(ReceivedMail mail) implements Outcome {}

    record Skipped(SkippedMail mail) implements Outcome {}

    /** Reads a message of an open folder, its size checked against the limit before a byte of it is downloaded. */
    Outcome read(long uid, Message message) throws MessagingException {
        int size = message.getSize();
        if (size > limits.maxMessageBytes()) {
            return skip(uid, message, Wording.of("rights.mail.skip.tooLarge", size, limits.maxMessageBytes()));
        }
        byte[] raw;
        try {
            LimitedBuffer buffer = new LimitedBuffer(limits.maxMessageBytes());
            message.writeTo(buffer);
            raw = buffer.toByteArray();
        }
        catch (LimitedBuffer.Exceeded e) {
            return skip(uid, message, Wording.of("rights.mail.skip.tooLarge", e.size, limits.maxMessageBytes()));
        }
        catch (IOException e) {
            return skip(uid, message, Wording.of("rights.mail.skip.unreadable"));
        }
        return read(uid, raw, Optional.ofNullable(message.getReceivedDate()));
    }

    /** Reads a message's bytes, delivered into the mailbox at the server's INTERNALDATE when it gives one. */
    Outcome read(long uid, byte[] raw, Optional<Date> internalDate) {
        try {
            MimeMessage message = new MimeMessage(MailSessions.offline(), new ByteArrayInputStream(raw));
            Optional<ReceivedMail.Delivery> delivery = delivery(message, internalDate);
            if (delivery.isEmpty()) {
                return skip(uid, message, Wording.of("rights.mail.skip.unreadable"));
            }
            Parts parts = new Parts();
            Optional<Wording> refusal = walk(message, parts);
            if (refusal.isPresent()) {
                return skip(uid, message, refusal.orElseThrow());
            }
            return new Read(new ReceivedMail(uid, messageIds(message.getHeader("Message-ID", " ")).stream().findFirst(),
                    messageIds(message.getHeader("In-Reply-To", " ")).stream().findFirst(),
                    messageIds(message.getHeader("References", " ")), from(message),
                    Optional.ofNullable(message.getSubject()).orElse(""), delivery.orElseThrow(), parts.text(),
                    parts.attachments, raw));
        }
        catch (MessagingException | IOException | RuntimeException e) {
            return new Skipped(new SkippedMail(uid, Optional.empty(), Wording.of("rights.mail.skip.unreadable")));
        }
    }

    private static Skipped skip(long uid, Message message, Wording reason) {
        Optional<String> messageId;
        try {
            messageId = messageIds(headerOf(message, "Message-ID")).stream().findFirst();
        }
        catch (MessagingException e) {
            messageId = Optional.empty();
        }
        return new Skipped(new SkippedMail(uid, messageId, reason));
    }

    private static String headerOf(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? null : String.join(" ", values);
    }

    /** The Message-IDs a header names, in order; none when it has none. */
    static List<String> messageIds(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher matcher = MESSAGE_ID.matcher(header);
        while (matcher.find()) {
            ids.add(matcher.group());
        }
        return ids;
    }

    private static Optional<String> from(MimeMessage message) throws MessagingException {
        jakarta.mail.Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            return Optional.empty();
        }
        return Optional.ofNullable(address.getAddress());
    }

    private static Optional<ReceivedMail.Delivery> delivery(MimeMessage message, Optional<Date> internalDate)
            throws MessagingException {
        if (internalDate.isPresent()) {
            return Optional.of(new ReceivedMail.Delivery(internalDate.orElseThrow().toInstant(),
                    ReceivedMail.Delivery.Source.INTERNAL_DATE));
        }
        String[] received = message.getHeader("Received");
        if (received != null && received.length > 0 && received[0].lastIndexOf(';') >= 0) {
            String date = received[0].substring(received[0].lastIndexOf(';') + 1).trim();
            try {
                return Optional.of(new ReceivedMail.Delivery(new MailDateFormat().parse(date).toInstant(),
                        ReceivedMail.Delivery.Source.RECEIVED_HEADER));
            }
            catch (ParseException e) {
                // Unreadable: the Date header is next.
            }
        }
        return Optional.ofNullable(message.getSentDate())
                .map(sent -> new ReceivedMail.Delivery(sent.toInstant(), ReceivedMail.Delivery.Source.DATE_HEADER));
    }

    /** Walks the parts of a message, gathering its text and files; says why the message is set aside, if it is. */
    private Optional<Wording> walk(Part part, Parts parts) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int index = 0; index < multipart.getCount(); index++) {
                Optional<Wording> refusal = walk(multipart.getBodyPart(index), parts);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
            return Optional.empty();
        }
        boolean file = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!file && part.isMimeType("text/plain") && parts.plain.isEmpty()) {
            parts.plain = Optional.of(text(part));
            return Optional.empty();
        }
        if (!file && part.isMimeType("text/html") && parts.html.isEmpty()) {
            parts.html = Optional.of(text(part));
            return Optional.empty();
        }
        return attachment(part, parts);
    }

    private Optional<Wording> attachment(Part part, Parts parts) throws MessagingException, IOException {
        if (parts.attachments.size() >= limits.maxAttachments()) {
            return Optional.of(Wording.of("rights.mail.skip.tooManyAttachments", parts.attachments.size() + 1,
                    limits.maxAttachments()));
        }
        byte[] bytes;
        try (InputStream content = part.getInputStream()) {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxAttachmentBytes() + 1));
        }
        if (bytes.length > limits.maxAttachmentBytes()) {
            return Optional.of(Wording.of("rights.mail.skip.attachmentTooLarge", bytes.length,
                    limits.maxAttachmentBytes()));
        }
        parts.attachments.add(new MailAttachment(fileName(part, parts.attachments.size() + 1), mediaType(part), bytes));
        return Optional.empty();
    }

    private static String fileName(Part part, int position) throws MessagingException {
        String name = part.getFileName();
        if (name == null || name.isBlank()) {
            return "attachment-" + position;
        }
        try {
            name = MimeUtility.decodeText(name);
        }
        catch (IOException e) {
            // An encoded word that cannot be decoded: the name is kept as written.
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return base.isEmpty() ? "attachment-" + position : base;
    }

    private static String mediaType(Part part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        }
        catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    /** A text part's text in its charset; in UTF-8 when the charset is unknown to Java. */
    private static String text(Part part) throws MessagingException, IOException {
        try {
            return String.valueOf(part.getContent());
        }
        catch (IOException e) {
            try (InputStream content = part.getInputStream()) {
                return new String(content.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** The text of an HTML part, roughly: line breaks kept, markup and the few common entities undone. */
    static String htmlText(String html) {
        String text = TAG.matcher(BREAKS.matcher(HIDDEN.matcher(html).replaceAll("")).replaceAll("\n")).replaceAll("");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").strip();
    }

    /** What the walk gathers. */
    private static final class Parts {
        private Optional<String> plain = Optional.empty();
        private Optional<String> html = Optional.empty();
        private final List<MailAttachment> attachments = new ArrayList<>();

        String text() {
            return plain.or(() -> html.map(MimeReading::htmlText)).orElse("");
        }
    }

    /** A buffer that refuses to grow past a limit, so that a server that understated a size cannot exhaust memory. */
    private static final class LimitedBuffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long limit;

        LimitedBuffer(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int octet) throws IOException {
            write(new byte[] {(byte) octet}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            if (bytes.size() + (long) length > limit) {
                throw new Exceeded(bytes.size() + (long) length);
            }
            bytes.write(buffer, offset, length);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }

        /** The limit was passed; {@code size} is how far the message had come. */
        static final class Exceeded extends IOException {
            private final long size;

            Exceeded(long size) {
                super("past the limit");
                this.size = size;
            }
        }
    }
}
