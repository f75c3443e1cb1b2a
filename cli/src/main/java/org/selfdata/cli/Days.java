package org.selfdata.cli;

import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Words;

import java.time.LocalDate;
import java.time.ZoneId;

/** Time spans as the days a person lived them: in their zone, the end day being the last one touched. */
final class Days {
    private Days() {}

    /** The day a span covers, or its first and last days, in the words of the reader's language. */
    static String covered(TimeSpan span, ZoneId zone, Words words) {
        LocalDate first = first(span, zone);
        LocalDate last = last(span, zone);
        return first.equals(last) ? first.toString() : words.say("command.status.days", first.toString(), last.toString());
    }

    static LocalDate first(TimeSpan span, ZoneId zone) {
        return span.start().atZone(zone).toLocalDate();
    }

    static LocalDate last(TimeSpan span, ZoneId zone) {
        // A span's end is exclusive: a record covering the whole of 5 March ends at midnight on the 6th.
        return span.isInstant() ? first(span, zone) : span.end().minusMillis(1).atZone(zone).toLocalDate();
    }
}
