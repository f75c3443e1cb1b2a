package org.selfdata.rights;

import static java.util.Objects.requireNonNull;

/** Which waiting request a received message answers, and on what ground; or none. */
public sealed interface MailMatch {
    /**
     * The message answers this request.
     *
     * @param requestId the request's identifier
     * @param ground what tied the message to it
     */
    record Matched(String requestId, Ground ground) implements MailMatch {
        public Matched {
            requireNonNull(requestId, "requestId is null");
            requireNonNull(ground, "ground is null");
        }
    }

    /** No request, or more than one, fits: the person attaches the message by hand. */
    record Unmatched() implements MailMatch {}

    /** What tied a message to a request, from the surest. */
    enum Ground {
        /** Its In-Reply-To or References names a Message-ID the desk sent for the request. */
        MESSAGE_ID,
        /** Its subject carries the request's reference token. */
        REFERENCE,
        /** It comes from the domain of the request's organization, the only waiting request to that domain. */
        SENDER_DOMAIN
    }
}
