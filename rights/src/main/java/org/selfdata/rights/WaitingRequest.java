package org.selfdata.rights;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A request that waits for an organization's answer, as the matching of received mail sees it.
 *
 * @param requestId the request's identifier, returned when a message matches it
 * @param reference the request's reference token, such as {@code SD-7K3Q}, which its letters carry in their subject
 * @param sentMessageIds the Message-IDs of every message the desk sent for it (request, reminders), brackets included
 * @param organizationEmail the address the request was sent to
 */
public record WaitingRequest(String requestId, String reference, List<String> sentMessageIds,
        String organizationEmail) {
    public WaitingRequest {
        requireNonNull(requestId, "requestId is null");
        requireNonNull(reference, "reference is null");
        sentMessageIds = List.copyOf(sentMessageIds);
        requireNonNull(organizationEmail, "organizationEmail is null");
        if (reference.isBlank()) {
            throw new IllegalArgumentException("a request's reference is not blank");
        }
    }
}
