package org.selfdata.importers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a calendar date out of a text that a format's pattern must match whole, its first three groups being the
 * year, the month and the day. What follows the day (a time, an offset) is read past, not applied: the formats that
 * use this (camt, OFX) mean the date written, whatever time the bank stamped on it.
 */
final class PatternDates {
    private PatternDates() {}

    /** The date, unless the text does not match or names a day that does not exist (2024-02-30). */
    static Optional<LocalDate> matching(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                    Integer.parseInt(matcher.group(3))));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
