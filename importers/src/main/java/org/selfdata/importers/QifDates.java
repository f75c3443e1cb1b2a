package org.selfdata.importers;

import org.selfdata.texts.Wording;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads QIF dates, whose order of day and month no file declares: US software writes {@code 12/31/10}, European
 * software {@code 31/12/10}, Quicken pads with spaces and marks years of this century with an apostrophe
 * ({@code 1/ 1'10}).
 *
 * <p>The order is one for the whole file. A date whose first number is over 12 settles it as day first, one whose
 * second is over 12 as month first. A file where no date settles it (every day of the month at most 12) takes the
 * order that makes its dates follow each other most closely, since a statement's transactions are days, not months,
 * apart; when even that cannot tell (a single transaction), the person's zone decides: month first in the Americas,
 * day first elsewhere.
 *
 * <p>Two-digit years from 00 to 49 are read in this century and from 50 to 99 in the last; an apostrophe always
 * means this century. The pivot is fixed, not taken from today's date, so that a file always reads the same.
 */
final class QifDates {
    enum Order { MONTH_FIRST, DAY_FIRST }

    /** A date split into its numbers, before the order is known. */
    record Parts(int first, int second, int year) {
        /** The order this date alone proves, if it proves one. */
        Optional<Order> evidence() {
            if (first > 12 && second <= 12) {
                return Optional.of(Order.DAY_FIRST);
            }
            if (second > 12 && first <= 12) {
                return Optional.of(Order.MONTH_FIRST);
            }
            return Optional.empty();
        }

        Optional<LocalDate> date(Order order) {
            try {
                return Optional.of(order == Order.MONTH_FIRST
                        ? LocalDate.of(year, first, second)
                        : LocalDate.of(year, second, first));
            }
            catch (DateTimeException e) {
                return Optional.empty();
            }
        }
    }

    static final Wording EXPECTED = Wording.of("error.qif.date");

    private static final Pattern DAY_AND_MONTH = Pattern.compile(
            "\\s*(\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*([/.'-])\\s*(\\d{4}|\\d{2})\\s*");
    private static final Pattern YEAR_FIRST = Pattern.compile("\\s*(\\d{4})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})\\s*");
    private static final int LAST_YEAR_OF_THIS_CENTURY_WRITTEN_SHORT = 49;

    private QifDates() {}

    /** The numbers of a date, or nothing when the text is not a date in any order. */
    static Optional<Parts> split(String text) {
        Matcher yearFirst = YEAR_FIRST.matcher(text);
        if (yearFirst.matches()) {
            // ISO order: month then day, written as a month-first date of the same year.
            return Optional.of(new Parts(Integer.parseInt(yearFirst.group(3)), Integer.parseInt(yearFirst.group(4)),
                    Integer.parseInt(yearFirst.group(1)))).filter(parts -> parts.first() <= 12);
        }
        Matcher matcher = DAY_AND_MONTH.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String yearText = matcher.group(5);
        int year = Integer.parseInt(yearText);
        if (yearText.length() == 2) {
            boolean thisCentury = matcher.group(4).equals("'") || year <= LAST_YEAR_OF_THIS_CENTURY_WRITTEN_SHORT;
            year += thisCentury ? 2000 : 1900;
        }
        return Optional.of(new Parts(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(3)), year));
    }

    /** The order for a file none of whose dates settles it, from the dates it holds, in file order. */
    static Order guess(List<Parts> dates, ZoneId zone) {
        long monthFirstSpread = spread(dates, Order.MONTH_FIRST);
        long dayFirstSpread = spread(dates, Order.DAY_FIRST);
        if (monthFirstSpread != dayFirstSpread) {
            return monthFirstSpread < dayFirstSpread ? Order.MONTH_FIRST : Order.DAY_FIRST;
        }
        return inTheAmericas(zone) ? Order.MONTH_FIRST : Order.DAY_FIRST;
    }

    /** The days between consecutive dates read in the given order, added up. */
    private static long spread(List<Parts> dates, Order order) {
        long days = 0;
        Optional<LocalDate> previous = Optional.empty();
        for (Parts parts : dates) {
            Optional<LocalDate> date = parts.date(order);
            if (date.isPresent() && previous.isPresent()) {
                days += Math.abs(ChronoUnit.DAYS.between(previous.get(), date.get()));
            }
            if (date.isPresent()) {
                previous = date;
            }
        }
        return days;
    }

    private static boolean inTheAmericas(ZoneId zone) {
        String id = zone.getId();
        return id.startsWith("America/") || id.startsWith("US/") || id.startsWith("Canada/");
    }
}
