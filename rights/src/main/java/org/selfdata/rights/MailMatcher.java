package org.selfdata.rights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Ties a message received to the request it answers, by the surest ground that gives exactly one request:
 * <ol>
 * <li>its In-Reply-To, then its References from the latest, naming a Message-ID the desk sent for a request;</li>
 * <li>else the request's reference token in its subject, as a whole word, in any case;</li>
 * <li>else its sender's domain, when exactly one waiting request went to an address on that domain.</li>
 * </ol>
 * A message that no ground ties to exactly one request is unmatched, and the person attaches it by hand: an answer is
 * never given to the wrong request on a guess.
 */
public final class MailMatcher {
    private MailMatcher() {}

    /** The request a message answers, among those waiting; unmatched when no ground gives exactly one. */
    public static MailMatch match(ReceivedMail mail, List<WaitingRequest> waiting) {
        List<String> threads = new ArrayList<>(mail.references());
        Collections.reverse(threads);
        mail.inReplyTo().ifPresent(parent -> threads.addFirst(parent));
        for (String parent : threads) {
            Optional<WaitingRequest> sent = only(waiting, request -> request.sentMessageIds().stream()
                    .anyMatch(id -> bare(id).equals(bare(parent))));
            if (sent.isPresent()) {
                return new MailMatch.Matched(sent.orElseThrow().requestId(), MailMatch.Ground.MESSAGE_ID);
            }
        }
        Optional<WaitingRequest> referenced = only(waiting, request -> carries(mail.subject(), request.reference()));
        if (referenced.isPresent()) {
            return new MailMatch.Matched(referenced.orElseThrow().requestId(), MailMatch.Ground.REFERENCE);
        }
        Optional<String> domain = mail.from().filter(from -> from.indexOf('@') > 0).map(MailAddresses::domain);
        Optional<WaitingRequest> fromDomain = domain.flatMap(sender -> only(waiting,
                request -> request.organizationEmail().indexOf('@') > 0
                        && MailAddresses.domain(request.organizationEmail()).equals(sender)));
        return fromDomain.<MailMatch>map(request -> new MailMatch.Matched(request.requestId(),
                MailMatch.Ground.SENDER_DOMAIN)).orElseGet(MailMatch.Unmatched::new);
    }

    /** The one request that fits, if exactly one does. */
    private static Optional<WaitingRequest> only(List<WaitingRequest> waiting, Predicate<WaitingRequest> fits) {
        List<WaitingRequest> fitting = waiting.stream().filter(fits).toList();
        return fitting.size() == 1 ? Optional.of(fitting.getFirst()) : Optional.empty();
    }

    private static boolean carries(String subject, String reference) {
        return Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(reference) + "(?![\\p{Alnum}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(subject).find();
    }

    /** A Message-ID without its angle brackets and surrounding spaces, as headers may or may not write them. */
    private static String bare(String messageId) {
        String id = messageId.strip();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }

}
