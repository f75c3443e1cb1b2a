package org.selfdata.services;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A person's location records (points, visits, trips), read once through the gate and kept in memory, compact, for
 * the services that each go through all of them: the places, what the locations reveal, the carbon of the trips and
 * what crosses the sources. Each would otherwise read and open every record again, and the records are by far the
 * most of what those pages cost: half a million points take about as long to read as the four services take to work
 * on them together.
 *
 * <p>What is kept is never stale: before every use the vault's count of the person's changes ({@link Gate#changes}) is
 * read, one small read, and a count other than the one read before the records were read means they are read again.
 * Every use is logged as the read it stands for ({@link Gate#recall}): the log says that the person's locations were
 * seen as often as they were, whether they came from the vault or from here.
 *
 * <p>What is kept is plaintext, in the server's memory, beside the keys that open the vault: it is bounded to the
 * people of the {@value #PEOPLE} last uses, to at most {@value #MOST_RECORDS} records each (a person with more is read
 * from the vault at every use, as before), and is dropped at the first use after {@link #KEPT_FOR} without one, and
 * when the person's records change, or the person is erased. It is never written anywhere.
 */
public final class LocationCache {
    static final Set<RecordType> TYPES = Set.copyOf(EnumSet.of(RecordType.GEO_POINT, RecordType.GEO_VISIT,
            RecordType.GEO_TRIP));
    static final int PEOPLE = 2;
    static final int MOST_RECORDS = 3_000_000;
    static final Duration KEPT_FOR = Duration.ofMinutes(5);

    private static final CarbonInference.Activity[] ACTIVITIES = CarbonInference.Activity.values();
    private static final byte VISIT_OR_TRIP = -1;

    private final Gate gate;
    private final Clock clock;
    private final Map<PersonId, Slot> slots = new ConcurrentHashMap<>();

    public LocationCache(Gate gate) {
        this(gate, Clock.systemUTC());
    }

    LocationCache(Gate gate, Clock clock) {
        this.gate = requireNonNull(gate, "gate is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Gives each timed location record of the person, of these types, that starts at or after {@code from} and before
     * {@code to} (either left open), in the vault's order, as a read through the gate would; logged as the owner's read
     * of those given when {@code logged}, and not otherwise (what the person alone is shown, as {@link Gate#inspected}).
     */
    void read(PersonId person, Set<RecordType> types, Optional<Instant> from, Optional<Instant> to, boolean logged,
            Consumer<Located> each) {
        requireNonNull(types, "types is null");
        requireNonNull(each, "each is null");
        long start = from.map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
        long end = to.map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
        Optional<Held> held = held(requireNonNull(person, "person is null"));
        if (held.isEmpty()) {
            readThrough(person, RecordQuery.all().withTypes(types).between(from, to), logged, each);
            return;
        }
        if (!logged) {
            held.get().forEach(types, start, end, each);
            return;
        }
        try (Gate.Recall recall = gate.recall(new Accessor.Owner(person))) {
            held.get().forEach(types, start, end, located -> {
                recall.add(located.id().type(), located.startMillis(), located.endMillis());
                each.accept(located);
            });
        }
    }

    /** Whether records of the person are kept at the moment: for tests of what is dropped, and when. */
    boolean keeps(PersonId person) {
        Slot slot = slots.get(person);
        return slot != null && slot.held.isPresent();
    }

    /** Reads the records from the vault, as a person with too many to keep is read at every use. */
    private void readThrough(PersonId person, RecordQuery query, boolean logged, Consumer<Located> each) {
        try (Stream<StoredRecord> records = logged ? gate.records(new Accessor.Owner(person), query)
                : gate.inspected(person, query.types()).filter(record -> within(record.id().startMillis(), query))) {
            records.forEach(record -> Located.of(record).ifPresent(each));
        }
    }

    private static boolean within(long start, RecordQuery query) {
        return query.from().map(from -> start >= from.toEpochMilli()).orElse(true)
                && query.to().map(to -> start < to.toEpochMilli()).orElse(true);
    }

    /** What is kept of the person, read again if the records changed since; nothing if they are too many to keep. */
    private Optional<Held> held(PersonId person) {
        long changes;
        try {
            changes = gate.changes(person);
        }
        catch (SelfdataException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                // Erased: what was kept of the person goes at once, not five minutes later.
                Optional.ofNullable(slots.remove(person)).ifPresent(Slot::drop);
            }
            throw e;
        }
        Slot slot = slots.computeIfAbsent(person, key -> new Slot());
        long now = clock.millis();
        slot.lock.lock();
        try {
            slot.lastUsed = now;
            if (slot.held.isPresent() && slot.held.get().changes == changes) {
                return slot.held;
            }
            if (slot.tooManyAt == changes) {
                return Optional.empty();
            }
            // What was kept goes before the new read, so that the two are not held at once.
            slot.held = Optional.empty();
            slot.held = fill(person, changes);
            slot.tooManyAt = slot.held.isEmpty() ? changes : Long.MIN_VALUE;
            return slot.held;
        }
        finally {
            slot.lock.unlock();
            forget(now);
        }
    }

    /** Reads every location record of the person, unlogged (each use is logged), into the compact form kept. */
    private Optional<Held> fill(PersonId person, long changes) {
        HeldBuilder builder = new HeldBuilder(changes);
        try (Stream<StoredRecord> records = gate.inspected(person, TYPES)) {
            for (StoredRecord record : (Iterable<StoredRecord>) records::iterator) {
                Optional<Located> located = Located.of(record);
                if (located.isPresent() && !builder.add(located.get())) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(builder.build());
    }

    /**
     * Drops what was kept of people not seen for {@link #KEPT_FOR}, then of all but the {@value #PEOPLE} seen last.
     * A slot some use holds at the moment is left for the next time.
     */
    private void forget(long now) {
        List<Slot> lastUsedFirst = slots.values().stream()
                .sorted(Comparator.comparingLong((Slot slot) -> slot.lastUsed).reversed()).toList();
        for (int rank = 0; rank < lastUsedFirst.size(); rank++) {
            Slot slot = lastUsedFirst.get(rank);
            if (rank >= PEOPLE || now - slot.lastUsed >= KEPT_FOR.toMillis()) {
                slot.drop();
            }
        }
        slots.values().removeIf(slot -> slot.held.isEmpty() && now - slot.lastUsed >= KEPT_FOR.toMillis());
    }

    /** One person's place in the cache; its fields are read and written under its lock. */
    private static final class Slot {
        private final ReentrantLock lock = new ReentrantLock();
        private volatile long lastUsed;
        private volatile Optional<Held> held = Optional.empty();
        private long tooManyAt = Long.MIN_VALUE;

        /** Lets go of what is kept, unless a use holds the slot: it is then left for the next time. */
        void drop() {
            if (lock.tryLock()) {
                try {
                    held = Optional.empty();
                    tooManyAt = Long.MIN_VALUE;
                }
                finally {
                    lock.unlock();
                }
            }
        }
    }

    /**
     * The records kept, in the vault's order, column by column: a point is its start, end, number, position and
     * activity, some 40 bytes; a visit or a trip, a few in a thousand, is kept as it is.
     */
    private static final class Held {
        private final long changes;
        private final int size;
        private final long[] starts;
        private final long[] ends;
        private final long[] numbers;
        private final double[] latitudes;
        private final double[] longitudes;
        private final byte[] activities;
        private final Located[] others;

        private Held(HeldBuilder builder) {
            this.changes = builder.changes;
            this.size = builder.size;
            this.starts = Arrays.copyOf(builder.starts, size);
            this.ends = Arrays.copyOf(builder.ends, size);
            this.numbers = Arrays.copyOf(builder.numbers, size);
            this.latitudes = Arrays.copyOf(builder.latitudes, size);
            this.longitudes = Arrays.copyOf(builder.longitudes, size);
            this.activities = Arrays.copyOf(builder.activities, size);
            this.others = Arrays.copyOf(builder.others, size);
        }

        void forEach(Set<RecordType> types, long from, long to, Consumer<Located> each) {
            boolean points = types.contains(RecordType.GEO_POINT);
            for (int index = firstFrom(from); index < size && starts[index] < to; index++) {
                byte activity = activities[index];
                if (activity != VISIT_OR_TRIP) {
                    if (points) {
                        each.accept(new Located.Point(new RecordId(RecordType.GEO_POINT, starts[index], numbers[index]),
                                ends[index], latitudes[index], longitudes[index], ACTIVITIES[activity]));
                    }
                }
                else if (types.contains(others[index].id().type())) {
                    each.accept(others[index]);
                }
            }
        }

        /** The first record that starts at or after {@code from}: starts are in order. */
        private int firstFrom(long from) {
            int low = 0;
            int high = size;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (starts[middle] < from) {
                    low = middle + 1;
                }
                else {
                    high = middle;
                }
            }
            return low;
        }
    }

    /** Columns that grow as records are read, refused past {@link #MOST_RECORDS}. */
    private static final class HeldBuilder {
        private final long changes;
        private int size;
        private long[] starts = new long[1_024];
        private long[] ends = new long[1_024];
        private long[] numbers = new long[1_024];
        private double[] latitudes = new double[1_024];
        private double[] longitudes = new double[1_024];
        private byte[] activities = new byte[1_024];
        private Located[] others = new Located[1_024];

        HeldBuilder(long changes) {
            this.changes = changes;
        }

        /** Adds a record; false when there are too many to keep. */
        boolean add(Located located) {
            if (size == MOST_RECORDS) {
                return false;
            }
            if (size == starts.length) {
                grow(Math.min(MOST_RECORDS, size + (size >> 1)));
            }
            starts[size] = located.startMillis();
            ends[size] = located.endMillis();
            switch (located) {
                case Located.Point point -> {
                    numbers[size] = point.id().number();
                    latitudes[size] = point.latitude();
                    longitudes[size] = point.longitude();
                    activities[size] = (byte) point.activity().ordinal();
                }
                case Located.Spanned spanned -> keepWhole(spanned);
            }
            size++;
            return true;
        }

        private void keepWhole(Located located) {
            activities[size] = VISIT_OR_TRIP;
            others[size] = located;
        }

        private void grow(int capacity) {
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            numbers = Arrays.copyOf(numbers, capacity);
            latitudes = Arrays.copyOf(latitudes, capacity);
            longitudes = Arrays.copyOf(longitudes, capacity);
            activities = Arrays.copyOf(activities, capacity);
            others = Arrays.copyOf(others, capacity);
        }

        Held build() {
            return new Held(this);
        }
    }
}
