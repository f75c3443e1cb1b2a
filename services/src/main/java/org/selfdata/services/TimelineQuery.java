package org.selfdata.services;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeLimits;
import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What a timeline counts: records of some types (all when empty) starting on the days from {@code from} (inclusive) to
 * {@code to} (exclusive), in the person's time zone, per step.
 *
 * <p>Without a step, the narrowest that keeps the answer small is chosen: days up to {@value #LONGEST_DAILY} days, weeks
 * up to {@value #LONGEST_WEEKLY}, months beyond or when either end is open. A step given explicitly over a span longer
 * than it allows is refused rather than coarsened, so that the answer is always in the step that was asked for.
 */
public record TimelineQuery(Optional<LocalDate> from, Optional<LocalDate> to, Optional<TimelineStep> step,
        Set<RecordType> types) {
    static final int LONGEST_DAILY = 92;
    static final int LONGEST_WEEKLY = 731;

    public TimelineQuery {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        from.ifPresent(start -> TimeLimits.require(start, ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.services.time.timelineFrom")));
        to.ifPresent(end -> TimeLimits.require(end, ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.time.timelineTo")));
        requireNonNull(step, "step is null");
        types = types.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(types));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.timelineToAfterFrom"));
        }
        if (step.isPresent() && step.get() != TimelineStep.MONTH) {
            long longest = step.get().longestSpanInDays();
            if (spanInDays(from, to).orElse(Long.MAX_VALUE) > longest) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.services.timelineSpan", step.get().term(), Long.toString(longest)));
            }
        }
    }

    /** Every record, by month. */
    public static TimelineQuery everything() {
        return new TimelineQuery(Optional.empty(), Optional.empty(), Optional.empty(), Set.of());
    }

    /** The step asked for, or else the narrowest that keeps the answer small. */
    public TimelineStep resolvedStep() {
        if (step.isPresent()) {
            return step.get();
        }
        long days = spanInDays(from, to).orElse(Long.MAX_VALUE);
        if (days <= LONGEST_DAILY) {
            return TimelineStep.DAY;
        }
        return days <= LONGEST_WEEKLY ? TimelineStep.WEEK : TimelineStep.MONTH;
    }

    private static Optional<Long> spanInDays(Optional<LocalDate> from, Optional<LocalDate> to) {
        return from.flatMap(start -> to.map(end -> ChronoUnit.DAYS.between(start, end)));
    }
}
