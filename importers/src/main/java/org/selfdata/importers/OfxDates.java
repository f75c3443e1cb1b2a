package org.selfdata.importers;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads OFX dates ({@code YYYYMMDD[HHMMSS[.XXX]][gmt offset[:tz name]]}) as calendar dates only.
 *
 * <p>The time and the offset are read past, not applied. Banks stamp booking dates with whatever time their system
 * uses (midnight GMT, noon, the batch run), and the date they mean is the one written: converting midnight GMT to
 * New York time would move every transaction to the day before.
 */
final class OfxDates {
    private static final Pattern DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(\\d{2,6}([.:]\\d{1,6})?)?\\s*(\\[[^\\]]*])?");

    private OfxDates() {}

    static Optional<LocalDate> parse(String text) {
        return PatternDates.matching(DATE, text);
    }
}
