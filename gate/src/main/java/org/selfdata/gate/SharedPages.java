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
 *
 * <p>A unit read whole is ordered once and kept a few minutes ({@link UnitOrders}): the next page of that unit, or the
 * same first page asked again, takes its records from the kept order, and reads only one key to find where it starts.
 */
final class SharedPages {
    /** A page: its records in the recipient's order, and the position of its last one. */
    record Page(List<StoredRecord> records, Optional<SharedPosition> last) {}

    /** A record the page may hold, at its place in the recipient's order. */
    record Chosen(RecordId id, SharedPosition position) {}

    /** A unit's records as read: all of them in order, or only the smallest the page could take when it was too large. */
    private record UnitRead(List<Chosen> order, boolean whole, Optional<RecordKey> beyond) {}

    private static final Comparator<Chosen> IN_ORDER = Comparator.comparing(Chosen::position);
    private static final Comparator<Chosen> LARGEST_FIRST = IN_ORDER.reversed();

    private final Records records;
    private final Times times;
    private final Pseudonyms pseudonyms;
    private final GrantTerms terms;
    private final UnitOrders orders;

    SharedPages(Records records, Times times, Pseudonyms pseudonyms, GrantTerms terms, UnitOrders orders) {
        this.records = requireNonNull(records, "records is null");
        this.times = requireNonNull(times, "times is null");
        this.pseudonyms = requireNonNull(pseudonyms, "pseudonyms is null");
        this.terms = requireNonNull(terms, "terms is null");
        this.orders = requireNonNull(orders, "orders is null");
    }

    /**
     * The page of at most {@code query.limit()} records the grant covers, after {@code after} in the recipient's
     * order. The query's window must already be in whole units of the grant's time precision ({@link GrantScope}).
     */
    Page page(PersonId person, RecordQuery query, Optional<SharedPosition> after) {
        Optional<RecordQuery> next = after.isEmpty() ? Optional.of(query) : startingAt(query, after.get().unit());
        if (next.isEmpty()) {
            return new Page(List.of(), Optional.empty());
        }
        // Read before the keys: records changed since are then seen under a newer count, never kept under this one.
        long changes = records.changes(person);
        List<Chosen> chosen = new ArrayList<>();
        while (next.isPresent() && chosen.size() < query.limit()) {
            next = fill(person, query, next.get(), after, changes, chosen);
        }
        List<StoredRecord> opened = records.open(person, chosen.stream().map(Chosen::id).toList());
        return new Page(opened, chosen.isEmpty() ? Optional.empty() : Optional.of(chosen.getLast().position()));
    }

    /**
     * Adds to the page from the units {@code scope} reaches, in order, reading their keys in one pass. A unit whose order
     * was kept is taken from there; its keys are then not read, and the query to read next, after that unit, is returned.
     */
    private Optional<RecordQuery> fill(PersonId person, RecordQuery query, RecordQuery scope, Optional<SharedPosition> after,
                                       long changes, List<Chosen> page) {
        int limit = query.limit();
        try (Stream<RecordKey> keys = records.keys(person, scope.limit(Integer.MAX_VALUE))) {
            Iterator<RecordKey> iterator = keys.iterator();
            Optional<RecordKey> first = nextCovered(iterator);
            while (first.isPresent()) {
                Instant unitStart = times.floor(start(first.get()));
                Instant unitEnd = times.next(unitStart);
                UnitOrders.Unit unit = UnitOrders.Unit.of(person, terms, times.zone(), query, unitStart, changes);
                Optional<List<Chosen>> kept = orders.get(unit);
                if (kept.isPresent()) {
                    take(kept.get(), after, page, limit);
                    return page.size() < limit ? startingAt(query, unitEnd) : Optional.empty();
                }
                UnitRead read = read(iterator, first.get(), unitStart, unitEnd, after, limit - page.size());
                if (read.whole()) {
                    orders.keep(unit, read.order());
                }
                take(read.order(), after, page, limit);
                if (page.size() == limit) {
                    return Optional.empty();
                }
                first = read.beyond();
            }
            return Optional.empty();
        }
    }

    /**
     * Reads one unit's keys, from its first: all of them, ordered, while there are few enough to keep; past that, only
     * the {@code room} smallest after {@code after}, so that a month of points costs a scan, not a month in memory.
     */
    private UnitRead read(Iterator<RecordKey> keys, RecordKey first, Instant unitStart, Instant unitEnd,
                          Optional<SharedPosition> after, int room) {
        List<Chosen> all = new ArrayList<>();
        // The largest of the smallest on top, so that the smallest ones stay once it is full.
        PriorityQueue<Chosen> smallest = new PriorityQueue<>(LARGEST_FIRST);
        boolean whole = true;
        Optional<RecordKey> key = Optional.of(first);
        while (key.isPresent() && start(key.get()).isBefore(unitEnd)) {
            Chosen candidate = new Chosen(key.get().id(), new SharedPosition(unitStart, pseudonyms.record(key.get().id())));
            if (whole) {
                all.add(candidate);
                if (all.size() > UnitOrders.MOST_KEYS_OF_A_UNIT) {
                    whole = false;
                    all.forEach(chosen -> offer(smallest, chosen, after, room));
                    all.clear();
                }
            }
            else {
                offer(smallest, candidate, after, room);
            }
            key = nextCovered(keys);
        }
        List<Chosen> order = whole ? all : new ArrayList<>(smallest);
        order.sort(IN_ORDER);
        return new UnitRead(order, whole, key);
    }

    private static void offer(PriorityQueue<Chosen> smallest, Chosen candidate, Optional<SharedPosition> after, int room) {
        if (after.isPresent() && candidate.position().compareTo(after.get()) <= 0) {
            return;
        }
        if (smallest.size() < room) {
            smallest.add(candidate);
        }
        else if (candidate.position().compareTo(smallest.peek().position()) < 0) {
            // Full: the newcomer takes the place of the largest only when it comes before it.
            smallest.poll();
            smallest.add(candidate);
        }
    }

    /** Adds a unit's records that come after {@code after}, in order, until the page is full. */
    private static void take(List<Chosen> order, Optional<SharedPosition> after, List<Chosen> page, int limit) {
        int from = after.map(position -> firstAfter(order, position)).orElse(0);
        for (int index = from; index < order.size() && page.size() < limit; index++) {
            page.add(order.get(index));
        }
    }

    private static int firstAfter(List<Chosen> order, SharedPosition position) {
        int low = 0;
        int high = order.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (order.get(middle).position().compareTo(position) <= 0) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low;
    }

    private Optional<RecordKey> nextCovered(Iterator<RecordKey> keys) {
        while (keys.hasNext()) {
            RecordKey key = keys.next();
            if (GrantScope.covers(terms, key.id(), key.category())) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static Instant start(RecordKey key) {
        return Instant.ofEpochMilli(key.id().startMillis());
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
}
