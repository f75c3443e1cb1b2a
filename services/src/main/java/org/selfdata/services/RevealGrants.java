package org.selfdata.services;

import org.selfdata.gate.Gate;
import org.selfdata.gate.Sharing;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantStatus;
import org.selfdata.model.PersonId;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;

import static java.util.Objects.requireNonNull;

/**
 * For each of the person's grants in force, what its recipient can work out from what it has received so far: the
 * records its reads on the log carried, read again from the vault and seen at the grant's precision
 * ({@link RevealLens#reads}), never a copy of what was sent. Only read grants: a write grant carries nothing out.
 */
public final class RevealGrants {
    private final Gate gate;
    private final Sharing sharing;
    private final RevealComparison comparison;
    private final Clock clock;

    public RevealGrants(Gate gate, Sharing sharing, RevealComparison comparison, Clock clock) {
        this.gate = requireNonNull(gate, "gate is null");
        this.sharing = requireNonNull(sharing, "sharing is null");
        this.comparison = requireNonNull(comparison, "comparison is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The person's read grants in force, in the order they were given, days told in their zone. */
    public List<RevealedGrant> active(PersonId person, ZoneId zone) {
        Instant now = clock.instant();
        List<Grant> active = sharing.grants(person).stream()
                .filter(grant -> grant.status(now) == GrantStatus.GIVEN && grant.terms().kind() == GrantKind.READ)
                .toList();
        List<RevealedComparison> compared = comparison.compare(person, zone,
                active.stream().map(RevealLens::reads).toList());
        return IntStream.range(0, active.size()).mapToObj(index -> new RevealedGrant(active.get(index),
                gate.readCount(person, active.get(index)), compared.get(index))).toList();
    }
}
