package org.selfdata.gate;

import org.selfdata.model.GrantTerms;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.RecordKey;
import org.selfdata.vault.Records;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Cuts a recipient's pages in the recipient's own order: by the unit of the grant's time precision a record began in,
 * then by the record's pseudonym ({@link SharedPosition}).
 *
 * <p>The vault keeps records in order of their exact start. Were a recipient's pages cut in that order, the order of
 * two records of one day, and which of them a page of one ends on, would tell a day-precision recipient which came
 * first, and a few bisections with a one-record page would tell it the exact millisecond. So the vault is read for keys
 * only (id and category, nothing opened), each unit of time is ordered by pseudonym, the page is chosen, and only its
 * records are opened. Within a unit only the page's worth of smallest positions is kept, so a month of points under a
 * month precision costs a scan, not a month of records in memory.
 */
final class SharedPages {
    /** A page: its records in the recipient's order, and the position of its last one. */
    record Page(List<StoredRecord> records, Optional<SharedPosition> last) {}

    private record Chosen(RecordId id, SharedPosition position) {}

    private static final Comparator<Chosen> LARGEST_FIRST = (one, other) -> other.position().compareTo(one.position());

    private final Records records;
    private final Times times;
    private final Pseudonyms pseudonyms;
    private final GrantTerms terms;

    SharedPages(Records records, Times times, Pseudonyms pseudonyms, GrantTerms terms) {
        this.records = requireNonNull(records, "records is null");
        this.times = requireNonNull(times, "times is null");
        this.pseudonyms = requireNonNull(pseudonyms, "pseudonyms is null");
        this.terms = requireNonNull(terms, "terms is null");
    }

    /**
     * The page of at most {@code query.limit()} records the grant covers, after {@code after} in the recipient's
     * order. The query's window must already be in whole units of the grant's time precision ({@link GrantScope}).
     */
    Page page(PersonId person, RecordQuery query, Optional<SharedPosition> after) {
        Optional<RecordQuery> from = after.isEmpty() ? Optional.of(query) : startingAt(query, after.get().unit());
        if (from.isEmpty()) {
            return new Page(List.of(), Optional.empty());
        }
        List<Chosen> chosen;
        try (Stream<RecordKey> keys = records.keys(person, from.get().limit(Integer.MAX_VALUE))) {
            chosen = choose(keys.iterator(), after, query.limit());
        }
        List<StoredRecord> opened = records.open(person, chosen.stream().map(Chosen::id).toList());
        return new Page(opened, chosen.isEmpty() ? Optional.empty() : Optional.of(chosen.getLast().position()));
    }

    private static Optional<RecordQuery> startingAt(RecordQuery query, Instant unit) {
        if (query.from().isPresent() && !unit.isAfter(query.from().get())) {
            return Optional.of(query);
        }
        if (query.to().isPresent() && !unit.isBefore(query.to().get())) {
            return Optional.empty();
        }
        return Optional.of(query.between(Optional.of(unit), query.to()));
    }

    private List<Chosen> choose(Iterator<RecordKey> keys, Optional<SharedPosition> after, int limit) {
        List<Chosen> page = new ArrayList<>();
        // The largest of the unit's candidates on top, so that the smallest ones stay once the heap is full.
        PriorityQueue<Chosen> unit = new PriorityQueue<>(LARGEST_FIRST);
        Instant unitStart = Instant.MIN;
        Instant unitEnd = Instant.MIN;
        while (keys.hasNext()) {
            RecordKey key = keys.next();
            if (!GrantScope.covers(terms, key.id(), key.category())) {
                continue;
            }
            Instant start = Instant.ofEpochMilli(key.id().startMillis());
            if (!start.isBefore(unitEnd)) {
                drain(unit, page);
                if (page.size() == limit) {
                    return page;
                }
                unitStart = times.floor(start);
                unitEnd = times.next(unitStart);
            }
            SharedPosition position = new SharedPosition(unitStart, pseudonyms.record(key.id()));
            if (after.isPresent() && position.compareTo(after.get()) <= 0) {
                continue;
            }
            if (unit.size() < limit - page.size()) {
                unit.add(new Chosen(key.id(), position));
            }
            else if (position.compareTo(unit.peek().position()) < 0) {
                // Full: the newcomer takes the place of the largest only when it comes before it.
                unit.poll();
                unit.add(new Chosen(key.id(), position));
            }
        }
        drain(unit, page);
        return page;
    }

    private static void drain(PriorityQueue<Chosen> unit, List<Chosen> page) {
        List<Chosen> ordered = new ArrayList<>(unit);
        ordered.sort(LARGEST_FIRST.reversed());
        page.addAll(ordered);
        unit.clear();
    }
}
