package org.selfdata.importers;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Turns the local times of a file's rows, written without an offset, into instants, using the rows' order where a
 * time alone is ambiguous.
 *
 * <p>When clocks go back (in Paris, the last Sunday of October, 03:00 becomes 02:00 again), every time from 02:00 to
 * 02:59 happens twice. Rows follow the clock, so the second {@code 02:30} of the night is the one after the first:
 * in a file in ascending order, an ambiguous time is the earlier of its two instants unless that would not move past
 * the previous row, and then it is the later one; in descending order, the other way round. The order is the one of
 * the first two rows. A time that never happened (in the hour skipped when clocks go forward) is moved forward by the
 * length of the gap, as {@link ZonedDateTime#ofLocal} does.
 */
final class LocalTimeline {
    private final ZoneId zone;
    private Optional<LocalDateTime> first = Optional.empty();
    private boolean descending;
    private boolean orderKnown;
    private Optional<Instant> previous = Optional.empty();

    LocalTimeline(ZoneId zone) {
        this.zone = requireNonNull(zone, "zone is null");
    }

    /** The instant of the next row's time. */
    Instant next(LocalDateTime local) {
        learnOrder(local);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        Instant chosen;
        if (offsets.size() < 2) {
            chosen = ZonedDateTime.ofLocal(local, zone, null).toInstant();
        }
        else {
            Instant one = local.toInstant(offsets.get(0));
            Instant other = local.toInstant(offsets.get(1));
            Instant earlier = one.isBefore(other) ? one : other;
            Instant later = one.isBefore(other) ? other : one;
            chosen = choose(earlier, later);
        }
        previous = Optional.of(chosen);
        return chosen;
    }

    /** The first instant of {@code local} after {@code start}: where an interval that starts at {@code start} ends. */
    Optional<Instant> firstAfter(LocalDateTime local, Instant start) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            Instant shifted = ZonedDateTime.ofLocal(local, zone, null).toInstant();
            return shifted.isAfter(start) ? Optional.of(shifted) : Optional.empty();
        }
        return offsets.stream().map(local::toInstant).filter(instant -> instant.isAfter(start)).min(Instant::compareTo);
    }

    private void learnOrder(LocalDateTime local) {
        if (orderKnown) {
            return;
        }
        if (first.isEmpty()) {
            first = Optional.of(local);
        }
        else if (!local.equals(first.get())) {
            descending = local.isBefore(first.get());
            orderKnown = true;
        }
    }

    private Instant choose(Instant earlier, Instant later) {
        if (previous.isEmpty()) {
            return descending ? later : earlier;
        }
        if (descending) {
            return later.isBefore(previous.get()) ? later : earlier;
        }
        return earlier.isAfter(previous.get()) ? earlier : later;
    }
}
