package org.selfdata.gate;

import org.selfdata.model.Category;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.texts.Wording;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A recipient's query narrowed to its grant: the types and categories the grant names, the period of data it covers,
 * and what is left of its daily volume. Anything the query asks beyond the grant is refused, naming what is missing,
 * rather than silently dropped: a recipient should learn that it asked for more than it was given.
 *
 * <p>Every bound on time is put in whole units of the grant's time precision, in the person's zone, before the vault
 * is asked: a bound in the middle of a day would let a day-precision recipient learn, by moving it, when in the day a
 * record began.
 */
final class GrantScope {
    private GrantScope() {}

    /**
     * The query the vault runs for this request, or none when the grant's period leaves nothing to read. Refuses a
     * grant that is not in force, a write grant, and a query for a type or category the grant does not name.
     *
     * @param readToday how many records the recipient has received under this grant in the last 24 hours
     */
    static Optional<RecordQuery> narrow(Grant grant, RecordQuery asked, Instant now, ZoneId zone, long readToday) {
        requireInForce(grant, now);
        GrantTerms terms = grant.terms();
        if (terms.kind() != GrantKind.READ) {
            throw new SelfdataException(ErrorCode.FORBIDDEN, Wording.of("error.gate.writeGrantReads", grant.id().toString()));
        }
        Set<RecordType> readable = readableTypes(terms);
        Set<RecordType> types = asked.types().isEmpty() ? readable : asked.types();
        Set<RecordType> missing = EnumSet.noneOf(RecordType.class);
        types.stream().filter(type -> !readable.contains(type)).forEach(missing::add);
        if (!missing.isEmpty()) {
            throw new SelfdataException(ErrorCode.FORBIDDEN,
                    Wording.of("error.gate.typesNotCovered", grant.id().toString(), ids(missing), ids(readable)));
        }
        for (Category category : asked.categories()) {
            if (!isAskable(terms, category)) {
                throw new SelfdataException(ErrorCode.FORBIDDEN,
                        Wording.of("error.gate.categoryNotCovered", grant.id().toString(), category.term()));
            }
        }
        long remaining = terms.volumeLimit() - readToday;
        if (remaining <= 0) {
            throw new SelfdataException(ErrorCode.RATE_LIMITED,
                    Wording.of("error.gate.readVolume", grant.id().toString(), Integer.toString(terms.volumeLimit())));
        }
        return window(terms, grant.givenAt(), asked.withTypes(types).limit((int) Math.min(asked.limit(), remaining)),
                now, zone);
    }

    /**
     * The asked query within the terms' covered period, every bound on time in whole units of the terms' time precision,
     * or none when nothing is left; its types must already be the grant's.
     *
     * @param givenAt when the terms were given, from which a period "from the grant on" starts
     */
    static Optional<RecordQuery> window(GrantTerms terms, Instant givenAt, RecordQuery asked, Instant now, ZoneId zone) {
        Times times = new Times(terms.precision().time(), zone);
        // The grant's own period is kept to its whole units: a unit it covers only in part would share records from
        // outside it. An asked bound is a bound on the start as the recipient sees it, so it moves to the unit's end.
        Instant earliest = times.ceiling(terms.covered().earliest(givenAt, now, zone));
        Optional<Instant> latest = terms.covered().latest().map(times::floor);
        Instant from = asked.from().map(times::ceiling).filter(start -> start.isAfter(earliest)).orElse(earliest);
        Optional<Instant> askedTo = asked.to().map(times::ceiling);
        Optional<Instant> to = latest.map(end -> askedTo.filter(askedEnd -> askedEnd.isBefore(end)).orElse(end))
                .or(() -> askedTo);
        if (to.isPresent() && !from.isBefore(to.get())) {
            return Optional.empty();
        }
        return Optional.of(new RecordQuery(asked.types(), narrower(asked.categories()), Optional.of(from), to,
                Optional.empty(), asked.limit()));
    }

    /**
     * Whether a record read for the narrowed query is one the grant names, by type or by category, within its period. A
     * record without a time is never within it: every grant names a period, and nothing can show that such a record
     * falls inside one. The narrowed query, which always has a start, leaves these records out already; this says so
     * again where each record is chosen.
     */
    static boolean covers(GrantTerms terms, StoredRecord record) {
        return covers(terms, record.id(), record.category());
    }

    static boolean covers(GrantTerms terms, RecordId id, Category category) {
        return !id.isUntimed()
                && (terms.types().contains(id.type()) || terms.categories().stream().anyMatch(category::isWithin));
    }

    static void requireInForce(Grant grant, Instant now) {
        switch (grant.status(now)) {
            case WITHDRAWN -> throw new SelfdataException(ErrorCode.FORBIDDEN,
                    Wording.of("error.gate.withdrawn", grant.id().toString()));
            case EXPIRED -> throw new SelfdataException(ErrorCode.FORBIDDEN,
                    Wording.of("error.gate.expired", grant.id().toString()));
            case GIVEN -> {
                if (now.isBefore(grant.terms().validFrom())) {
                    throw new SelfdataException(ErrorCode.FORBIDDEN,
                            Wording.of("error.gate.notYetValid", grant.id().toString(), grant.terms().validFrom().toString()));
                }
            }
        }
    }

    /** The types a grant lets a recipient read: those it names, and those whose category is within one it names. */
    static Set<RecordType> readableTypes(GrantTerms terms) {
        return readableTypes(terms.types(), terms.categories());
    }

    /** The types named, and those whose category is within one of the categories named. */
    static Set<RecordType> readableTypes(Set<RecordType> named, Set<Category> categories) {
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        types.addAll(named);
        Arrays.stream(RecordType.values())
                .filter(type -> categories.stream().anyMatch(type.defaultCategory()::isWithin))
                .forEach(types::add);
        return types;
    }

    /** The categories within those asked: the vault matches categories exactly, a query means them with their narrower. */
    static Set<Category> narrower(Set<Category> asked) {
        Set<Category> within = EnumSet.noneOf(Category.class);
        Arrays.stream(Category.values()).filter(category -> asked.stream().anyMatch(category::isWithin)).forEach(within::add);
        return within;
    }

    private static boolean isAskable(GrantTerms terms, Category category) {
        return terms.categories().stream().anyMatch(category::isWithin)
                || terms.types().stream().anyMatch(type -> category.isWithin(type.defaultCategory()));
    }

    private static String ids(Set<RecordType> types) {
        return types.isEmpty() ? "no record type"
                : types.stream().sorted().map(RecordType::id).collect(Collectors.joining(", "));
    }
}
