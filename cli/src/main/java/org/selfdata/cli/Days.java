package org.selfdata.cli;

import org.selfdata.model.TimeSpan;

import java.time.ZoneId;

/** Time spans as the days a person lived them: in their zone, the end day being the last one touched. */
final class Days {
    private Days() {}

    static String covered(TimeSpan span, ZoneId zone) {
        var first = span.start().atZone(zone).toLocalDate();
        // A span's end is exclusive: a record covering the whole of 5 March ends at midnight on the 6th.
        var last = span.isInstant() ? first : span.end().minusMillis(1).atZone(zone).toLocalDate();
        return first.equals(last) ? first.toString() : first + " to " + last;
    }
}
