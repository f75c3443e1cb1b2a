package org.selfdata.importers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
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
        Matcher matcher = DATE.matcher(text);
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
