package org.selfdata.gate;

import org.selfdata.model.Category;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.TimePrecision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The recipient's order of whole units of time, kept a few minutes after a shared page worked one out.
 *
 * <p>A recipient's page is cut from a unit of the grant's time precision ordered by pseudonym ({@link SharedPages}),
 * and ordering a unit means reading the keys of all its records and computing each one's pseudonym: a day of location
 * points is hundreds of keys for a page of a hundred, and a recipient reading that day page after page, or asking for
 * its first page again, would order the same day each time. So a unit read whole is kept, under everything its order
 * depends on: the person, the grant's terms (the recipient's pseudonyms, which records it covers, the time precision),
 * the person's zone, the query's filters, and the count of changes to the person's records read before it
 * ({@code Records.changes}). Any import, push, correction or erasure moves that count, so a kept order is never used
 * once records changed: a page cut from it holds exactly what a page cut from a new read would.
 *
 * <p>Only keys and pseudonyms are kept, never a record's content, and each recipient's orders are its own: whether a
 * unit was kept says nothing about anyone else's reads. Bounded: at most {@link #MOST_KEYS} keys in all, none of a unit
 * of more than {@link #MOST_KEYS_OF_A_UNIT}, the least recently used dropped first, and any unused for
 * {@link #KEPT_FOR}.
 */
final class UnitOrders {
    /**
     * Everything the order of one unit depends on: whose records, whose pseudonyms (the recipient's), which records the
     * grant covers, the unit (its precision, zone and start), the query's filters, and the records' change count. The
     * rest of the terms (their period, their location precision) never changes which keys a unit holds or their order.
     */
    record Unit(PersonId person, RecipientId recipient, Set<RecordType> coveredTypes, Set<Category> coveredCategories,
                TimePrecision precision, ZoneId zone, Set<RecordType> types, Set<Category> categories,
                Optional<RecordId> after, Instant start, long changes) {
        Unit {
            requireNonNull(person, "person is null");
            requireNonNull(recipient, "recipient is null");
            requireNonNull(coveredTypes, "coveredTypes is null");
            requireNonNull(coveredCategories, "coveredCategories is null");
            requireNonNull(precision, "precision is null");
            requireNonNull(zone, "zone is null");
            requireNonNull(types, "types is null");
            requireNonNull(categories, "categories is null");
            requireNonNull(after, "after is null");
            requireNonNull(start, "start is null");
        }

        static Unit of(PersonId person, GrantTerms terms, ZoneId zone, RecordQuery query, Instant start, long changes) {
            return new Unit(person, terms.recipient(), terms.types(), terms.categories(), terms.precision().time(), zone,
                    query.types(), query.categories(), query.after(), start, changes);
        }
    }

    /** About 140 bytes a key, so some 14 MB at most, whatever the number of recipients. */
    static final int MOST_KEYS = 100_000;
    static final int MOST_KEYS_OF_A_UNIT = 10_000;
    static final Duration KEPT_FOR = Duration.ofMinutes(5);

    private record Kept(List<SharedPages.Chosen> order, Instant lastUse) {}

    private final Clock clock;
    private final Map<Unit, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private int keys;

    UnitOrders(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The unit's order, when it was kept. */
    synchronized Optional<List<SharedPages.Chosen>> get(Unit unit) {
        Instant now = clock.instant();
        dropUnusedBefore(now.minus(KEPT_FOR));
        Kept found = kept.get(unit);
        if (found == null) {
            return Optional.empty();
        }
        kept.put(unit, new Kept(found.order(), now));
        return Optional.of(found.order());
    }

    /** Keeps the whole order of a unit, in the recipient's order, unless it is too large to keep. */
    synchronized void keep(Unit unit, List<SharedPages.Chosen> order) {
        if (order.size() > MOST_KEYS_OF_A_UNIT) {
            return;
        }
        Kept replaced = kept.put(unit, new Kept(List.copyOf(order), clock.instant()));
        keys += order.size() - (replaced == null ? 0 : replaced.order().size());
        Iterator<Kept> eldest = kept.values().iterator();
        while (keys > MOST_KEYS && eldest.hasNext()) {
            keys -= eldest.next().order().size();
            eldest.remove();
        }
    }

    /** How many keys are kept, for tests of the bounds. */
    synchronized int keysKept() {
        return keys;
    }

    private void dropUnusedBefore(Instant limit) {
        // Kept in order of use: the least recently used come first, and the first one used since ends the walk.
        Iterator<Kept> eldest = kept.values().iterator();
        while (eldest.hasNext()) {
            Kept next = eldest.next();
            if (!next.lastUse().isBefore(limit)) {
                return;
            }
            keys -= next.order().size();
            eldest.remove();
        }
    }
}
