package org.selfdata.services;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The weekly routine: for each day of the week, when the person usually leaves home and comes back. */
public record RevealedRoutine(List<Day> days) {
    /**
     * @param seen the days of this weekday on which the person was seen leaving home and coming back
     * @param leaves the median time of leaving, when {@code seen} reaches {@link RevealSettings#minimumWeeks()}
     * @param returns the median time of coming back, likewise
     */
    public record Day(DayOfWeek day, int seen, Optional<LocalTime> leaves, Optional<LocalTime> returns) {
        public Day {
            requireNonNull(day, "day is null");
            requireNonNull(leaves, "leaves is null");
            requireNonNull(returns, "returns is null");
        }
    }

    public RevealedRoutine {
        days = List.copyOf(days);
    }
}
