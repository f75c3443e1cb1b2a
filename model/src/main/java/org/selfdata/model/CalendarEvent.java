package org.selfdata.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Optional;

/**
 * An event of the person's calendar; the record's time span is the event's.
 *
 * @param timeZone the zone the event was planned in (an IANA name), when it was not floating or UTC
 * @param recurrence the recurrence rule (RFC 5545 RRULE) of the series this occurrence belongs to, if any
 */
public record CalendarEvent(
        String uid,
        String summary,
        Optional<String> description,
        Optional<String> location,
        @JsonProperty(required = true) boolean allDay,
        Optional<String> timeZone,
        Optional<String> recurrence,
        Optional<String> status,
        Optional<String> organizer,
        List<String> attendees) implements Payload {
    public CalendarEvent {
        Fields.requiredText(uid, "uid", 255);
        Fields.text(summary, "summary", Fields.SHORT_TEXT);
        description = Fields.optionalText(description, "description", Fields.LONG_TEXT);
        location = Fields.optionalText(location, "location", Fields.SHORT_TEXT);
        timeZone = Fields.optionalText(timeZone, "timeZone", 64);
        recurrence = Fields.optionalText(recurrence, "recurrence", Fields.SHORT_TEXT);
        status = Fields.optionalText(status, "status", 32);
        organizer = Fields.optionalText(organizer, "organizer", 320);
        attendees = Fields.texts(attendees, "attendees", 320);
    }

    @Override
    public RecordType type() {
        return RecordType.CALENDAR_EVENT;
    }
}
