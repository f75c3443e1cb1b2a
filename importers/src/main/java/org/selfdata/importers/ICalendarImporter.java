package org.selfdata.importers;

import java.io.InputStream;
import java.util.Locale;

/**
 * Calendars exported as iCalendar (RFC 5545, with RFC 7986's properties and RFC 6868's parameter escapes): one
 * {@code calendar.event} per occurrence of each VEVENT, a recurring event expanded within a bounded horizon and its
 * rule kept with each occurrence. See {@link ICalendarEvents} and {@link ICalendarSeries}.
 */
public final class ICalendarImporter implements Importer {
    @Override
    public String format() {
        return "icalendar";
    }

    @Override
    public Detection detect(Sniff sniff) {
        if (sniff.headText().stripLeading().toUpperCase(Locale.ROOT).startsWith("BEGIN:VCALENDAR")) {
            return Detection.BY_CONTENT;
        }
        return sniff.nameEndsWith(".ics") || sniff.nameEndsWith(".ical") ? Detection.BY_NAME : Detection.NO;
    }

    @Override
    public ParsedFile open(InputStream in, ImportContext context) {
        NumberedLines lines = new NumberedLines(new Utf8OrCp1252Reader(in));
        return Opening.closingOnFailure(lines, () -> {
            ICalendarEvents events = new ICalendarEvents(new VObjectBlocks(lines, 1), context.zone());
            return new RecordFile(format(), events.source(), events, lines);
        });
    }
}
