package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which records to read: by type, category and time, in time order, one page at a time.
 *
 * <p>Empty type and category sets mean "all". The time window keeps records that start within {@code [from, to)}:
 * start times are indexed, and a record belongs to the period in which it began. Results come in order of start
 * time, then type, then number: the order of {@link RecordId}, so the id of a page's last record is the cursor of the
 * next page, and paging is stable while new records arrive. Both ends of the window are within {@link TimeLimits}.
 * Records without a time ({@link RecordTime.Untimed}) come after all the others, and only to a query without a window:
 * a window, even one open at one end, cannot say that a record without a time falls inside it.
 */
public record RecordQuery(
        Set<RecordType> types,
        Set<Category> categories,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<RecordId> after,
        int limit) {
    public static final int MAXIMUM_PAGE = 10_000;

    public RecordQuery {
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        from.ifPresent(start -> TimeLimits.require(start, ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.model.time.windowStart")));
        to.ifPresent(end -> TimeLimits.require(end, ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.time.windowEnd")));
        requireNonNull(after, "after is null");
        if (limit < 1) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.limitBelowOne", Integer.toString(limit)));
        }
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.windowEndsBeforeStart"));
        }
    }

    /** Everything, in time order, without a page limit: for exports and streaming reads. */
    public static RecordQuery all() {
        return new RecordQuery(Set.of(), Set.of(), Optional.empty(), Optional.empty(), Optional.empty(), Integer.MAX_VALUE);
    }

    public static RecordQuery ofType(RecordType type) {
        return all().withTypes(Set.of(type));
    }

    public RecordQuery withTypes(Set<RecordType> newTypes) {
        return new RecordQuery(newTypes, categories, from, to, after, limit);
    }

    public RecordQuery withCategories(Set<Category> newCategories) {
        return new RecordQuery(types, newCategories, from, to, after, limit);
    }

    public RecordQuery between(Optional<Instant> newFrom, Optional<Instant> newTo) {
        return new RecordQuery(types, categories, newFrom, newTo, after, limit);
    }

    public RecordQuery after(RecordId cursor) {
        return new RecordQuery(types, categories, from, to, Optional.of(cursor), limit);
    }

    public RecordQuery limit(int newLimit) {
        return new RecordQuery(types, categories, from, to, after, newLimit);
    }
}
