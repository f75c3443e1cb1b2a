package org.selfdata.gate;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.GrantId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * How often a recipient may ask under one grant: a bucket of {@code perMinute} requests per grant, refilled
 * continuously, so that a recipient can page through what it is owed in a burst but cannot poll the person's vault, or
 * grow the person's log, without bound. Kept in memory: a restart gives every grant a full bucket, which costs a
 * minute's worth of requests at most.
 */
public final class RequestPace {
    /** What {@link Gate#over} allows: two requests a second on average, a minute's worth at once. */
    public static final int DEFAULT_PER_MINUTE = 120;

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<GrantId, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * What is left in a grant's bucket after its last request, and whether that request was let through. A request
     * costs one minute's worth of milliseconds ({@value #REQUEST}); the bucket gains {@code perMinute} for every
     * millisecond that passes, so that the arithmetic is exact.
     */
    private record Bucket(long units, long atMillis, boolean admitted) {}

    private static final long REQUEST = 60_000;

    public RequestPace(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.gate.paceMinimum", Integer.toString(perMinute)));
        }
        this.perMinute = perMinute;
        this.clock = requireNonNull(clock, "clock is null");
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes one request from the grant's bucket, or says how long to wait until one is there. */
    Optional<Duration> admit(GrantId grant) {
        long now = clock.millis();
        long capacity = perMinute * REQUEST;
        Bucket after = buckets.compute(grant, (id, bucket) -> {
            long units = bucket == null ? capacity
                    : Math.min(capacity, bucket.units() + Math.max(0, now - bucket.atMillis()) * perMinute);
            return units >= REQUEST ? new Bucket(units - REQUEST, now, true) : new Bucket(units, now, false);
        });
        if (after.admitted()) {
            return Optional.empty();
        }
        long missing = REQUEST - after.units();
        return Optional.of(Duration.ofMillis((missing + perMinute - 1) / perMinute));
    }
}
