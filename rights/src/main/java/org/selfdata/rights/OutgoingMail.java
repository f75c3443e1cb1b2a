package org.selfdata.rights;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A letter to send by e-mail from the person's mailbox to an organization.
 *
 * @param to the organization's address for privacy requests
 * @param subject the subject, which carries the request's reference so that an answer can be matched without headers;
 *     line breaks in it become spaces, so that it can never add a header of its own
 * @param body the letter's text
 * @param attachments files sent with it, such as the letter as a PDF
 * @param inReplyTo the Message-ID this one follows (a reminder following the request), angle brackets included
 */
public record OutgoingMail(String to, String subject, String body, List<MailAttachment> attachments,
        Optional<String> inReplyTo) {
    public OutgoingMail {
        requireNonNull(to, "to is null");
        subject = requireNonNull(subject, "subject is null").replaceAll("[\\r\\n]+", " ");
        requireNonNull(body, "body is null");
        attachments = List.copyOf(attachments);
        requireNonNull(inReplyTo, "inReplyTo is null");
        MailAddresses.requireValid(to);
    }
}
