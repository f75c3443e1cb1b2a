package org.selfdata.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Camille's two academic years day by day: term time or not, and where she is. Every file the demo writes reads the
 * same schedule, so that a weekend in Annecy shows in the location history, the train tickets on the bank statement,
 * the agenda, and a flat that draws no heating.
 *
 * <p>Terms follow a Lyon university: lectures from early September to mid-December and from mid-January to mid-May,
 * with a week off at All Saints', in winter and in spring. Christmas is spent with family in Vannes, three summer weeks
 * in Marseille; about one term weekend in seven is a trip to Annecy or Grenoble.
 */
final class Schedule {
    private static final MonthDay CHRISTMAS_LEAVE = MonthDay.of(12, 21);
    private static final MonthDay CHRISTMAS_RETURN = MonthDay.of(1, 3);
    private static final MonthDay SUMMER_LEAVE = MonthDay.of(7, 12);
    private static final MonthDay SUMMER_RETURN = MonthDay.of(8, 2);

    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final Map<LocalDate, Whereabouts> trips = new HashMap<>();

    Schedule(LocalDate firstDay, LocalDate lastDay, long seed) {
        this.firstDay = requireNonNull(firstDay, "firstDay is null");
        this.lastDay = requireNonNull(lastDay, "lastDay is null");
        SplittableRandom random = new SplittableRandom(seed);
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY && isTerm(day) && random.nextInt(7) == 0) {
                Whereabouts trip = random.nextBoolean() ? Whereabouts.ANNECY : Whereabouts.GRENOBLE;
                trips.put(day, trip);
                trips.put(day.plusDays(1), trip);
            }
        }
    }

    LocalDate firstDay() {
        return firstDay;
    }

    LocalDate lastDay() {
        return lastDay;
    }

    /** Where Camille sleeps the night after this day. */
    Whereabouts whereabouts(LocalDate day) {
        MonthDay monthDay = MonthDay.from(day);
        if (!monthDay.isBefore(CHRISTMAS_LEAVE) || monthDay.isBefore(CHRISTMAS_RETURN)) {
            return Whereabouts.BRITTANY;
        }
        if (!monthDay.isBefore(SUMMER_LEAVE) && monthDay.isBefore(SUMMER_RETURN)) {
            return Whereabouts.MARSEILLE;
        }
        return trips.getOrDefault(day, Whereabouts.LYON);
    }

    /** True on a day of lectures: a weekday of a term, outside the week-long breaks. */
    boolean isLectureDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return isTerm(day) && weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** True in term time, weekends included. */
    boolean isTerm(LocalDate day) {
        int year = day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1;
        LocalDate autumnStart = LocalDate.of(year, 9, 9);
        LocalDate autumnEnd = LocalDate.of(year, 12, 20);
        LocalDate springStart = LocalDate.of(year + 1, 1, 13);
        LocalDate springEnd = LocalDate.of(year + 1, 5, 22);
        boolean inTerm = !day.isBefore(autumnStart) && !day.isAfter(autumnEnd) || !day.isBefore(springStart)
                && !day.isAfter(springEnd);
        return inTerm && !isBreak(day, LocalDate.of(year, 10, 26)) && !isBreak(day, LocalDate.of(year + 1, 2, 22))
                && !isBreak(day, LocalDate.of(year + 1, 4, 19));
    }

    /** Camille works at the bookshop on Saturdays and Wednesday evenings, whenever she is in Lyon. */
    boolean isShift(LocalDate day) {
        if (whereabouts(day) != Whereabouts.LYON || whereabouts(day.minusDays(1)) != Whereabouts.LYON) {
            return false;
        }
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.WEDNESDAY && isTerm(day);
    }

    /** True when the heating season has the flat's convectors on (if anyone is home). */
    static boolean isHeatingSeason(LocalDate day) {
        return day.getMonthValue() >= 11 || day.getMonthValue() <= 3;
    }

    // A break is the nine days from the Saturday on or before the given day.
    private static boolean isBreak(LocalDate day, LocalDate around) {
        LocalDate start = around.minusDays((around.getDayOfWeek().getValue() + 1) % 7);
        return !day.isBefore(start) && day.isBefore(start.plusDays(9));
    }
}
