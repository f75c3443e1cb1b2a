package org.selfdata.importers;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.io.text.ICalReader;
import biweekly.property.DateStart;
import biweekly.property.ICalProperty;
import biweekly.property.ValuedProperty;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Reads the VEVENTs of a calendar one at a time with biweekly, which never touches the network (it has no time-zone
 * updater: zones come from the file's VTIMEZONEs or from the JDK's own database).
 *
 * <p>The file is cut into components by {@link VObjectBlocks}; each event is handed to biweekly inside a small calendar
 * holding the calendar's own properties and the VTIMEZONEs the event names, so memory stays flat whatever the number
 * of events. Times follow RFC 5545: {@code Z} is UTC, {@code TZID} the named zone, and a floating time the person's zone.
 * An all-day event spans its local days in the person's zone, its DTEND excluded; an all-day event whose end is not
 * after its start lasts its start day, as calendar applications show it. An event without DTEND lasts its DURATION,
 * or one day when all-day, or no time at all. An event without UID (vCalendar 1.0) gets one derived from its content,
 * so that re-importing the same file gives the same records.
 */
final class ICalendarEvents implements RecordReader {
    private final VObjectBlocks blocks;
    private final ZoneId zone;
    private final Map<String, String> timezones = new LinkedHashMap<>();
    private Optional<VObjectBlocks.Block> firstEvent = Optional.empty();

    ICalendarEvents(VObjectBlocks blocks, ZoneId zone) {
        this.blocks = requireNonNull(blocks, "blocks is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    /** Reads up to the first event, past the calendar's properties, to name the calendar. */
    SourceDescriptor source() {
        firstEvent = nextEvent();
        String name = Unfolding.value(blocks.looseLines(), "X-WR-CALNAME").map(String::strip).filter(text -> !text.isEmpty())
                .orElse("iCalendar");
        return SourceDescriptor.file("Calendar", name.length() > 200 ? name.substring(0, 200) : name);
    }

    @Override
    public Optional<RecordDraft> read() {
        Optional<VObjectBlocks.Block> event = firstEvent.isPresent() ? firstEvent : nextEvent();
        firstEvent = Optional.empty();
        return event.map(this::event);
    }

    private Optional<VObjectBlocks.Block> nextEvent() {
        for (Optional<VObjectBlocks.Block> next = blocks.next(); next.isPresent(); next = blocks.next()) {
            VObjectBlocks.Block block = next.get();
            switch (block.name()) {
                case "VEVENT" -> {
                    return next;
                }
                case "VTIMEZONE" -> Unfolding.value(lines(block), "TZID")
                        .ifPresent(tzid -> timezones.put(tzid.strip(), block.text()));
                default -> { }
            }
        }
        return Optional.empty();
    }

    private RecordDraft event(VObjectBlocks.Block block) {
        String position = "line " + block.firstLine();
        ICalendar calendar = parse(block, position);
        VEvent event = calendar.getEvents().stream().findFirst()
                .orElseThrow(() -> InvalidInput.at(position, "expected a readable VEVENT"));
        DateStart start = Optional.ofNullable(event.getDateStart()).filter(property -> property.getValue() != null)
                .orElseThrow(() -> InvalidInput.at(position, "expected DTSTART in this VEVENT"));
        boolean allDay = !start.getValue().hasTime();
        Optional<ZoneId> eventZone = eventZone(calendar, start);
        TimeSpan span = allDay ? days(event, start) : times(event, start, eventZone.orElse(zone), position);
        CalendarEvent payload = InvalidInput.building(position, () -> new CalendarEvent(uid(event, block),
                text(event.getSummary()).orElse(""),
                text(event.getDescription()), text(event.getLocation()), allDay,
                allDay ? Optional.empty() : eventZone.filter(id -> !id.equals(ZoneOffset.UTC)).map(ZoneId::getId),
                Unfolding.value(lines(block), "RRULE").map(String::strip), text(event.getStatus()),
                Optional.ofNullable(event.getOrganizer()).flatMap(organizer -> firstText(organizer.getEmail(),
                        organizer.getCommonName())),
                event.getAttendees().stream().map(attendee -> firstText(attendee.getEmail(), attendee.getCommonName()))
                        .flatMap(Optional::stream).toList()));
        return RecordDraft.of(span, payload, Position.line(block.firstLine()));
    }

    private ICalendar parse(VObjectBlocks.Block event, String position) {
        StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\n");
        blocks.looseLines().forEach(line -> text.append(line).append("\r\n"));
        if (Unfolding.value(blocks.looseLines(), "VERSION").isEmpty()) {
            text.append("VERSION:2.0\r\n");
        }
        timezones.forEach((tzid, definition) -> {
            if (event.text().contains(tzid)) {
                text.append(definition);
            }
        });
        text.append(event.text()).append("END:VCALENDAR\r\n");
        try (ICalReader reader = new ICalReader(text.toString())) {
            // Floating times, and TZIDs that name no zone at all, are the person's local time.
            reader.setDefaultTimezone(TimeZone.getTimeZone(zone));
            return Optional.ofNullable(reader.readNext())
                    .orElseThrow(() -> InvalidInput.at(position, "expected a readable VEVENT"));
        }
        catch (IOException e) {
            throw InvalidInput.unreadable(position, e);
        }
    }

    private TimeSpan days(VEvent event, DateStart start) {
        LocalDate first = localDate(start.getValue());
        LocalDate end = Optional.ofNullable(event.getDateEnd()).map(dateEnd -> dateEnd.getValue()).map(ICalendarEvents::localDate)
                .or(() -> Optional.ofNullable(event.getDuration()).map(property -> property.getValue())
                        .map(duration -> first.plusDays(days(duration))))
                .filter(last -> last.isAfter(first))
                .orElse(first.plusDays(1));
        return TimeSpan.between(first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
    }

    private static TimeSpan times(VEvent event, DateStart start, ZoneId eventZone, String position) {
        Instant begin = start.getValue().toInstant();
        Instant end = Optional.ofNullable(event.getDateEnd()).map(dateEnd -> dateEnd.getValue()).map(ICalDate::toInstant)
                .or(() -> Optional.ofNullable(event.getDuration()).map(property -> property.getValue())
                        .map(duration -> begin.atZone(eventZone).plusDays(days(duration)).toInstant()
                                .plusSeconds(seconds(duration))))
                .orElse(begin);
        if (end.isBefore(begin)) {
            throw InvalidInput.at(position, "expected the VEVENT to end after it starts");
        }
        return TimeSpan.between(begin, end);
    }

    /** The zone a timed event was planned in: its TZID's when the TZID names a known zone, UTC for Z times. */
    private static Optional<ZoneId> eventZone(ICalendar calendar, ICalProperty start) {
        if (start instanceof DateStart dateStart && dateStart.getValue().getRawComponents() != null
                && dateStart.getValue().getRawComponents().isUtc()) {
            return Optional.of(ZoneOffset.UTC);
        }
        TimezoneAssignment assignment = calendar.getTimezoneInfo().getTimezone(start);
        if (assignment == null) {
            return Optional.empty();
        }
        return Stream.of(assignment.getGlobalId(),
                        assignment.getComponent() == null ? null
                                : ValuedProperty.getValue(assignment.getComponent().getTimezoneId()))
                .filter(Objects::nonNull)
                .flatMap(ICalendarEvents::zoneId)
                .findFirst();
    }

    private static Stream<ZoneId> zoneId(String id) {
        try {
            return Stream.of(ZoneId.of(id.strip()));
        }
        catch (DateTimeException e) {
            return Stream.empty();
        }
    }

    private static LocalDate localDate(ICalDate date) {
        DateTimeComponents components = date.getRawComponents();
        return LocalDate.of(components.getYear(), components.getMonth(), components.getDate());
    }

    private static long days(biweekly.util.Duration duration) {
        long days = 7L * Objects.requireNonNullElse(duration.getWeeks(), 0) + Objects.requireNonNullElse(duration.getDays(), 0);
        return duration.isPrior() ? -days : days;
    }

    private static long seconds(biweekly.util.Duration duration) {
        long seconds = 3600L * Objects.requireNonNullElse(duration.getHours(), 0)
                + 60L * Objects.requireNonNullElse(duration.getMinutes(), 0)
                + Objects.requireNonNullElse(duration.getSeconds(), 0);
        return duration.isPrior() ? -seconds : seconds;
    }

    private static String uid(VEvent event, VObjectBlocks.Block block) {
        return text(event.getUid()).orElseGet(() -> "sha256:" + digest(block.text()));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(hash, 16));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Optional<String> text(ValuedProperty<?> property) {
        return Optional.ofNullable(property).map(valued -> valued.getValue()).map(Object::toString).map(String::strip)
                .filter(text -> !text.isEmpty());
    }

    private static Optional<String> firstText(String... candidates) {
        return Arrays.stream(candidates).filter(Objects::nonNull).map(String::strip).filter(text -> !text.isEmpty()).findFirst();
    }

    private static List<String> lines(VObjectBlocks.Block block) {
        return Unfolding.unfold(Arrays.asList(block.text().split("\r\n")));
    }
}
