package org.selfdata.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * The one way an instant is written in receipts and in the API: ISO-8601 in UTC with exactly three decimals of the
 * second, as in {@code 2026-12-06T18:40:12.345Z}.
 *
 * <p>{@link Instant#toString()} writes as few decimals as the value needs, so the same field read {@code ...:12Z} in
 * one answer and {@code ...:12.345678901Z} in the next, and a value kept in the vault (in milliseconds) read differently
 * from the one just created. A fixed width compares as text and sorts as text; milliseconds are what the vault keeps,
 * so what is written is what a later read gives back; and it is the form {@code xsd:dateTime} and JavaScript's
 * {@code Date.toISOString()} both read and write.
 */
public final class InstantText {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private InstantText() {}

    /** The instant written the one way, cut (never rounded) to the millisecond, as the vault keeps it. */
    public static String of(Instant instant) {
        requireNonNull(instant, "instant is null");
        return FORMAT.format(kept(instant));
    }

    /** The instant as the vault keeps it: to the millisecond, so that what is answered now is what is read later. */
    public static Instant kept(Instant instant) {
        requireNonNull(instant, "instant is null");
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
