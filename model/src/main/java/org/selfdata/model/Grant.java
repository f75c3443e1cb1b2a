package org.selfdata.model;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A person's consent, and the only key a recipient ever holds to their data. Its status is worked out from the
 * instant asked about rather than stored, so that expiry needs no job to run and a withdrawal counts from the very
 * next request.
 */
public record Grant(GrantId id, PersonId person, GrantTerms terms, Instant givenAt, Optional<Instant> withdrawnAt) {
    public Grant {
        requireNonNull(id, "id is null");
        requireNonNull(person, "person is null");
        requireNonNull(terms, "terms is null");
        requireNonNull(givenAt, "givenAt is null");
        requireNonNull(withdrawnAt, "withdrawnAt is null");
    }

    public GrantStatus status(Instant now) {
        if (withdrawnAt.isPresent()) {
            return GrantStatus.WITHDRAWN;
        }
        return now.isBefore(terms.validUntil()) ? GrantStatus.GIVEN : GrantStatus.EXPIRED;
    }

    /** True when the grant opens data at {@code now}: given, and its validity started. */
    public boolean isEffectiveAt(Instant now) {
        return status(now) == GrantStatus.GIVEN && !now.isBefore(terms.validFrom());
    }

    public Grant withdrawn(Instant at) {
        return new Grant(id, person, terms, givenAt, Optional.of(at));
    }
}
