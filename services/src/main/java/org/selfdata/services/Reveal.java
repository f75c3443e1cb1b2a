package org.selfdata.services;

import com.uber.h3core.H3Core;
import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What a person's data reveals about them, worked out on their own data in one pass through the gate, as the owner:
 * from their locations, where they live, work or study, the places they go to regularly, their weekly routine and
 * their periods away, each with how sure it is and what it rests on.
 *
 * <p>The same conclusions are drawn through a {@link RevealLens.Received} lens from the records as a recipient would
 * receive them, so that the person sees, before they share, what the recipient could work out at that precision.
 * Nothing of it leaves the vault: the answer goes to the person alone.
 */
public final class Reveal {
    private static final Set<RecordType> LOCATION_TYPES = Set.of(RecordType.GEO_POINT, RecordType.GEO_VISIT);

    private final Gate gate;
    private final RevealSettings settings;
    private final H3Core h3;

    public Reveal(Gate gate) {
        this(gate, RevealSettings.STANDARD);
    }

    public Reveal(Gate gate, RevealSettings settings) {
        this.gate = requireNonNull(gate, "gate is null");
        this.settings = requireNonNull(settings, "settings is null");
        try {
            h3 = H3Core.newInstance();
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the H3 library could not be loaded", e);
        }
    }

    /** What the person's locations reveal through the lens, their days and nights told in their zone. */
    public RevealedLocations locations(PersonId person, ZoneId zone, RevealLens lens) {
        return seen(person, zone, lens, true).locations();
    }

    /**
     * What the locations reveal through the lens, with the area most nights fall in when only areas are told, or none
     * of it when the lens's recipient receives no locations at all. The owner's own look at all their locations is
     * logged as a read, unless {@code logged} is false: a look shown only beside what a recipient would receive, which
     * nothing of leaves the vault.
     */
    Seen seen(PersonId person, ZoneId zone, RevealLens lens, boolean logged) {
        if (lens instanceof RevealLens.Received received) {
            gate.geography().requireSupported(received.precision().location());
            if (!coversLocations(received.scope())) {
                return Seen.NO_LOCATIONS;
            }
        }
        RevealPass pass = new RevealPass(settings, requireNonNull(zone, "zone is null"), lens, h3, gate.geography());
        try (Stream<StoredRecord> records = records(person, lens, logged)) {
            records.forEach(pass::add);
        }
        RevealFindings findings = pass.findings();
        return new Seen(true, findings.locations(), findings.nightsArea());
    }

    /** The person's locations a lens looks at: all of them as the owner, or those of a recipient's, never logged. */
    private Stream<StoredRecord> records(PersonId person, RevealLens lens, boolean logged) {
        RevealLens.Scope scope = switch (lens) {
            case RevealLens.Exact exact -> new RevealLens.Everything();
            case RevealLens.Received received -> received.scope();
        };
        return switch (scope) {
            case RevealLens.Everything everything -> logged ? gate.records(new Accessor.Owner(person),
                    RecordQuery.all().withTypes(LOCATION_TYPES)) : gate.inspected(person, LOCATION_TYPES);
            case RevealLens.Terms terms -> gate.covered(person, terms.terms(), terms.givenAt(), LOCATION_TYPES);
            case RevealLens.Reads reads -> gate.received(person, reads.grant(), LOCATION_TYPES);
        };
    }

    private boolean coversLocations(RevealLens.Scope scope) {
        return switch (scope) {
            case RevealLens.Everything everything -> true;
            case RevealLens.Terms terms -> readsLocations(terms.terms());
            case RevealLens.Reads reads -> readsLocations(reads.grant().terms());
        };
    }

    /** Whether the terms let their recipient read locations: a write grant carries nothing out. */
    private boolean readsLocations(GrantTerms terms) {
        return terms.kind() == GrantKind.READ && gate.readableTypes(terms).stream().anyMatch(LOCATION_TYPES::contains);
    }

    /**
     * What a lens shows.
     *
     * @param covered whether the lens's recipient receives any locations at all
     * @param nightsArea the area most nights fall in, when positions are told only as named areas
     */
    record Seen(boolean covered, RevealedLocations locations, Optional<String> nightsArea) {
        static final Seen NO_LOCATIONS = new Seen(false, RevealedLocations.none(Wording.of("reveal.imprecise.noLocations")),
                Optional.empty());
    }
}
