package org.selfdata.server;

import org.selfdata.model.Grant;
import org.selfdata.model.GrantKind;
import org.selfdata.model.Person;
import org.selfdata.model.RecipientId;
import org.selfdata.vault.Grants;
import org.selfdata.vault.People;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The write grants in force a recipient holds, from every person of the vault: what an organization that asks for a
 * token with its own credentials may push under. Grants are kept per person, each person's behind their own row
 * security, so they are asked person by person; a vault holds a household, not a crowd.
 */
final class HeldWriteGrants {
    private final People people;
    private final Grants grants;
    private final Clock clock;

    HeldWriteGrants(People people, Grants grants, Clock clock) {
        this.people = requireNonNull(people, "people is null");
        this.grants = requireNonNull(grants, "grants is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The recipient's write grants in force now, newest first within each person. */
    List<Grant> of(RecipientId recipient) {
        Instant now = clock.instant();
        return people.list().stream()
                .map(Person::id)
                .flatMap(person -> grants.list(person, recipient).stream())
                .filter(grant -> grant.terms().kind() == GrantKind.WRITE && grant.isEffectiveAt(now))
                .toList();
    }
}
