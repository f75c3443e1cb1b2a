package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeLimits;
import org.selfdata.texts.Wording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The one reader of the times that routes take in their query strings: instants, days, months, and the day or instant
 * the energy routes take. Each is read by {@link TimeLimits}, so that a time too far out to be kept (a billion years,
 * which Java reads) is refused like a time that cannot be read at all: with a 400 problem that names the parameter and
 * says what it must be.
 */
final class TimeParameters {
    private static final String INSTANT = "error.server.expectedInstant";
    private static final String DAY = "error.server.expectedDay";
    private static final String MONTH = "error.server.expectedMonth";
    private static final String DAY_OR_INSTANT = "error.server.expectedDayOrInstant";

    private TimeParameters() {}

    static Instant instant(String name, String value) {
        return TimeLimits.instant(value).orElseThrow(() -> invalid(name, INSTANT));
    }

    static LocalDate day(String name, String value) {
        return TimeLimits.day(value).orElseThrow(() -> invalid(name, DAY));
    }

    static YearMonth month(String name, String value) {
        return TimeLimits.month(value).orElseThrow(() -> invalid(name, MONTH));
    }

    /** An instant, or a day taken from its start in the person's time zone, which must be within the range too. */
    static Instant dayOrInstant(String name, String value, ZoneId zone) {
        return TimeLimits.dayOrInstant(value, zone).orElseThrow(() -> invalid(name, DAY_OR_INSTANT));
    }

    /** The refusal of a parameter, saying what it must be (the key of a wording such as "a day such as 2025-03-01"). */
    private static SelfdataException invalid(String name, String expectedKey) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.server.parameterTime", name, Wording.of(expectedKey)));
    }
}
