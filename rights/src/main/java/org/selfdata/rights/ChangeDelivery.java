package org.selfdata.rights;

import org.selfdata.texts.Wording;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A change of detail as it went to one organization.
 *
 * @param slug the organization the person chose
 * @param request the rectification request drafted or sent, when there is one
 * @param reason why it failed, or why there is no address, in words that quote no personal data
 */
public record ChangeDelivery(String slug, ChangeStatus status, Optional<RightsRequest> request,
        Optional<Wording> reason) {
    public ChangeDelivery {
        requireNonNull(slug, "slug is null");
        requireNonNull(status, "status is null");
        requireNonNull(request, "request is null");
        requireNonNull(reason, "reason is null");
    }
}
