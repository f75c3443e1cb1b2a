package org.selfdata.vault;

import org.selfdata.model.PersonId;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * The sessions found lately, so that a signed-in request is not one more database transaction. Keyed by the SHA-256
 * of the token in hex, as the table is: the tokens themselves are never kept.
 *
 * <p>Bounded to {@link #CAPACITY} entries, about 2.5 MB at most (the key, the person, the expiry and the map's own
 * node come to some 250 bytes), which holds every session of a few thousand people signed in at once; beyond it the
 * rest are read from the database as before, only slower. When full, expired and old entries go first, then an
 * eighth of the rest: the map's order follows the hashes, so those are chosen at random, which no one can steer.
 * Only sessions that were found are kept, so tokens made up by a client never take a place.
 *
 * <p>An entry is never used after its session expires, nor after {@link #LONGEST_KEPT}: a session deleted in the
 * database by hand, rather than ended through selfdata, is refused within that time at most.
 *
 * <p>Every eviction moves the {@link #generation}. A lookup notes it before it reads the database and, once it has put
 * what it read, takes it out again if the generation moved meanwhile: a session ended while it was being read cannot
 * come back from that read.
 */
final class SessionCache {
    static final int CAPACITY = 10_000;
    static final Duration LONGEST_KEPT = Duration.ofMinutes(1);

    /** What the cache keeps of a session: whose it is, until when (vault clock), and when it was read (monotonic). */
    record Entry(PersonId person, long expiresAtMillis, long readAtNanos) {
        Entry {
            requireNonNull(person, "person is null");
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final int capacity;

    SessionCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a session cache holds at least one session, was " + capacity);
        }
        this.capacity = capacity;
    }

    /** The live session under this key, if kept and neither expired at {@code nowMillis} nor kept too long. */
    Optional<PersonId> find(String key, long nowMillis) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!isUsable(entry, nowMillis, System.nanoTime())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.person());
    }

    long generation() {
        return generation.get();
    }

    /** Keeps a session read from the database, unless something was evicted since {@code generationBefore}. */
    void put(String key, Entry entry, long generationBefore, long nowMillis) {
        if (entries.size() >= capacity) {
            makeRoom(nowMillis, System.nanoTime());
        }
        entries.put(key, entry);
        if (generation.get() != generationBefore) {
            entries.remove(key, entry);
        }
    }

    void evict(String key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    void evictPerson(PersonId person) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> entry.person().equals(person));
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private void makeRoom(long nowMillis, long nowNanos) {
        entries.values().removeIf(entry -> !isUsable(entry, nowMillis, nowNanos));
        int excess = entries.size() - capacity + Math.max(1, capacity / 8);
        Iterator<Entry> iterator = entries.values().iterator();
        while (excess > 0 && iterator.hasNext()) {
            iterator.next();
            iterator.remove();
            excess--;
        }
    }

    private static boolean isUsable(Entry entry, long nowMillis, long nowNanos) {
        return entry.expiresAtMillis() > nowMillis && nowNanos - entry.readAtNanos() <= LONGEST_KEPT.toNanos();
    }
}
