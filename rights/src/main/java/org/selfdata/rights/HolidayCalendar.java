package org.selfdata.rights;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The public holidays and working days of a region of France, computed rather than listed, so that any year counts.
 *
 * <p>selfdata computes Easter itself instead of depending on a holiday library: the one on Maven Central that covers
 * France's départements (Jollyday 1.5.6) gives Moselle 26 December but not Good Friday, and brings an XML and Jackson
 * stack for thirteen dates. The fixed days and the Easter offsets below are the law's as it stands; they are applied to
 * every year, the earlier history of 8 May or Whit Monday aside, since deadlines are counted for requests of today.
 */
public final class HolidayCalendar {
    private static final Map<MonthDay, PublicHoliday> FIXED = Map.of(
            MonthDay.of(1, 1), PublicHoliday.NEW_YEAR,
            MonthDay.of(5, 1), PublicHoliday.LABOUR_DAY,
            MonthDay.of(5, 8), PublicHoliday.VICTORY_IN_EUROPE,
            MonthDay.of(7, 14), PublicHoliday.NATIONAL_DAY,
            MonthDay.of(8, 15), PublicHoliday.ASSUMPTION,
            MonthDay.of(11, 1), PublicHoliday.ALL_SAINTS,
            MonthDay.of(11, 11), PublicHoliday.ARMISTICE,
            MonthDay.of(12, 25), PublicHoliday.CHRISTMAS);
    private static final MonthDay SAINT_STEPHEN = MonthDay.of(12, 26);

    private final HolidayRegion region;

    public HolidayCalendar(HolidayRegion region) {
        this.region = requireNonNull(region, "region is null");
    }

    public HolidayRegion region() {
        return region;
    }

    /**
     * Easter Sunday of a year of the Gregorian calendar, by the anonymous Gregorian computus (Meeus, Jones, Butcher):
     * the Sunday after the ecclesiastical full moon on or after 21 March.
     */
    public static LocalDate easterSunday(int year) {
        int goldenNumber = year % 19;
        int century = year / 100;
        int yearOfCentury = year % 100;
        int leapCenturies = century / 4;
        int centuryRemainder = century % 4;
        int moonCorrection = (century + 8) / 25;
        int moonOrbitCorrection = (century - moonCorrection + 1) / 3;
        int epact = (19 * goldenNumber + century - leapCenturies - moonOrbitCorrection + 15) % 30;
        int leapYears = yearOfCentury / 4;
        int yearRemainder = yearOfCentury % 4;
        int weekday = (32 + 2 * centuryRemainder + 2 * leapYears - epact - yearRemainder) % 7;
        int lateMoon = (goldenNumber + 11 * epact + 22 * weekday) / 451;
        int monthAndDay = epact + weekday - 7 * lateMoon + 114;
        return LocalDate.of(year, monthAndDay / 31, monthAndDay % 31 + 1);
    }

    /** The holiday a day is, if it is one here. */
    public Optional<PublicHoliday> holiday(LocalDate day) {
        requireNonNull(day, "day is null");
        return Optional.ofNullable(holidays(day.getYear()).get(day));
    }

    /**
     * Whether a day is a working day as Regulation No 1182/71 counts them (art. 2(2)): neither a Saturday, a Sunday nor
     * a public holiday.
     */
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = requireNonNull(day, "day is null").getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && holiday(day).isEmpty();
    }

    /**
     * The public holidays of a year here, in the order of the calendar. When Ascension falls on 1 May (as in 2008), the
     * day is named Labour Day.
     */
    public SortedMap<LocalDate, PublicHoliday> holidays(int year) {
        SortedMap<LocalDate, PublicHoliday> holidays = new TreeMap<>();
        FIXED.forEach((monthDay, holiday) -> holidays.put(monthDay.atYear(year), holiday));
        LocalDate easter = easterSunday(year);
        holidays.put(easter.plusDays(1), PublicHoliday.EASTER_MONDAY);
        holidays.putIfAbsent(easter.plusDays(39), PublicHoliday.ASCENSION);
        holidays.put(easter.plusDays(50), PublicHoliday.WHIT_MONDAY);
        switch (region) {
            case METROPOLITAN_FRANCE -> {
            }
            case ALSACE_MOSELLE -> {
                holidays.put(easter.minusDays(2), PublicHoliday.GOOD_FRIDAY);
                holidays.put(SAINT_STEPHEN.atYear(year), PublicHoliday.SAINT_STEPHEN);
            }
        }
        return Collections.unmodifiableSortedMap(holidays);
    }
}
