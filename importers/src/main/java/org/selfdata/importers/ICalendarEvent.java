package org.selfdata.importers;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.text.ICalReader;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.ICalProperty;
import biweekly.property.RecurrenceId;
import biweekly.property.ValuedProperty;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;

/**
 * One VEVENT, parsed by biweekly inside a small calendar of its own, with what its times mean.
 *
 * <p>Times follow RFC 5545: {@code Z} is UTC, {@code TZID} the named zone (see {@link ICalendarZones}), and a floating
 * time the person's zone. Local times are taken from the text as written (biweekly's raw components) and placed in
 * their zone here with java.time, so that the JVM's default zone never matters. An all-day event spans its local
 * days in the person's zone, its DTEND excluded; an all-day event whose end is not after its start lasts its start
 * day, as calendar applications show it. An event without DTEND lasts its DURATION, or one day when all-day, or no
 * time at all. An event without UID (vCalendar 1.0) gets one derived from its content, so that re-importing the same
 * file gives the same records.
 */
final class ICalendarEvent {
    private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \t]+\r\n");
    private static final Set<String> TIMING_PROPERTIES = Set.of("DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE",
            "RECURRENCE-ID");

    private final VObjectBlocks.Block block;
    private final ICalendar calendar;
    private final VEvent event;
    private final ICalendarZones zones;
    private final boolean allDay;
    private final LocalDateTime start;
    private final CalendarZone zone;
    private final Length length;

    /** How long each occurrence lasts: an exact duration (from DTEND), or nominal days and exact seconds (DURATION). */
    private record Length(long days, Duration exact) {}

    private ICalendarEvent(VObjectBlocks.Block block, ICalendar calendar, VEvent event, ICalendarZones zones) {
        this.block = block;
        this.calendar = calendar;
        this.event = event;
        this.zones = zones;
        DateStart dateStart = Optional.ofNullable(event.getDateStart()).filter(property -> property.getValue() != null)
                .orElseThrow(() -> InvalidInput.rejected(position(), Wording.of("error.calendar.noStart")));
        this.allDay = !dateStart.getValue().hasTime();
        this.start = local(dateStart.getValue());
        CalendarZone floating = CalendarZone.floating(zones.personZone());
        this.zone = allDay ? floating : zones.zoneOf(calendar, dateStart, dateStart.getValue().getRawComponents(), floating);
        this.length = length();
    }

    /** Parses one VEVENT block, with the calendar's own properties and the time zones its text names. */
    static ICalendarEvent parse(VObjectBlocks.Block block, List<String> calendarLines, ICalendarZones zones) {
        StringBuilder text = new StringBuilder("BEGIN:VCALENDAR\r\n");
        calendarLines.forEach(line -> text.append(line).append("\r\n"));
        if (Unfolding.value(calendarLines, "VERSION").isEmpty()) {
            text.append("VERSION:2.0\r\n");
        }
        text.append(zones.definitionsUsedBy(block.text()));
        long linesBefore = text.chars().filter(character -> character == '\n').count();
        // Trailing blanks are no part of a value, and biweekly refuses a rule or a duration that ends with one.
        text.append(TRAILING_BLANKS.matcher(block.text()).replaceAll("\r\n")).append("END:VCALENDAR\r\n");
        Position position = Position.line(block.firstLine());
        try (ICalReader reader = new ICalReader(text.toString())) {
            // Floating times, and TZIDs that name no zone at all, are the person's local time.
            reader.setDefaultTimezone(TimeZone.getTimeZone(zones.personZone()));
            ICalendar calendar = Optional.ofNullable(reader.readNext())
                    .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.calendar.unreadableEvent")));
            // biweekly skips what it cannot parse; a time or a rule skipped would make the event wrong, not just poorer.
            reader.getWarnings().stream()
                    .filter(warning -> warning.getLineNumber() != null && warning.getLineNumber() > linesBefore)
                    .map(warning -> Optional.ofNullable(warning.getPropertyName()).orElse("").toUpperCase(Locale.ROOT))
                    .filter(TIMING_PROPERTIES::contains)
                    .findFirst()
                    .ifPresent(property -> {
                        throw InvalidInput.rejected(position, Wording.of("error.calendar.unreadableProperty",
                                String.valueOf(property)));
                    });
            VEvent event = calendar.getEvents().stream().findFirst()
                    .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.calendar.unreadableEvent")));
            return new ICalendarEvent(block, calendar, event, zones);
        }
        catch (IOException e) {
            throw InvalidInput.rejected(position, Wording.of("error.calendar.unreadableEvent"));
        }
    }

    Position position() {
        return Position.line(block.firstLine());
    }

    long line() {
        return block.firstLine();
    }

    VEvent event() {
        return event;
    }

    boolean allDay() {
        return allDay;
    }

    LocalDateTime start() {
        return start;
    }

    CalendarZone zone() {
        return zone;
    }

    String uid() {
        return text(event.getUid()).orElseGet(() -> "sha256:" + digest(block.text()));
    }

    /** The instant an occurrence starting at this local time begins: for an all-day one, its day's start. */
    Instant instant(LocalDateTime local) {
        return zone.instant(local);
    }

    /**
     * The instant a date property of this event (RECURRENCE-ID, EXDATE, RDATE) stands for, read in its own TZID or,
     * without one, in the event's zone.
     */
    Instant instant(ICalProperty property, ICalDate date) {
        LocalDateTime local = local(date);
        if (allDay || !date.hasTime()) {
            return CalendarZone.floating(zones.personZone()).instant(local);
        }
        return zones.zoneOf(calendar, property, date.getRawComponents(), zone).instant(local);
    }

    Optional<Instant> recurrenceId() {
        RecurrenceId id = event.getRecurrenceId();
        return id == null || id.getValue() == null ? Optional.empty() : Optional.of(instant(id, id.getValue()));
    }

    /** This event's record, starting at one of its occurrences' local start. */
    RecordDraft record(LocalDateTime occurrence, Optional<String> recurrence, Position position) {
        TimeSpan span = InvalidInput.rejecting(position, () -> span(occurrence));
        CalendarEvent payload = InvalidInput.rejecting(position, () -> new CalendarEvent(uid(),
                text(event.getSummary()).orElse(""),
                text(event.getDescription()), text(event.getLocation()), allDay,
                allDay ? Optional.empty() : zone.name(), recurrence, text(event.getStatus()),
                Optional.ofNullable(event.getOrganizer()).flatMap(organizer -> firstText(organizer.getEmail(),
                        organizer.getCommonName())),
                event.getAttendees().stream().map(attendee -> firstText(attendee.getEmail(), attendee.getCommonName()))
                        .flatMap(Optional::stream).toList()));
        return RecordDraft.of(span, payload, position);
    }

    /** The raw RRULE of this event, kept with each occurrence as the recurrence it follows. */
    Optional<String> rule() {
        return Unfolding.value(Arrays.asList(block.text().split("\r\n")), "RRULE").map(String::strip)
                .filter(rule -> !rule.isEmpty());
    }

    private TimeSpan span(LocalDateTime occurrence) {
        Instant begin = instant(occurrence);
        if (allDay) {
            LocalDate first = occurrence.toLocalDate();
            return TimeSpan.between(begin, instant(first.plusDays(Math.max(1, length.days())).atStartOfDay()));
        }
        Instant end = length.days() == 0 ? begin : instant(occurrence.plusDays(length.days()));
        return TimeSpan.between(begin, end.plus(length.exact()));
    }

    private Length length() {
        DateEnd dateEnd = event.getDateEnd();
        if (dateEnd != null && dateEnd.getValue() != null) {
            if (allDay) {
                return new Length(Duration.between(start, local(dateEnd.getValue())).toDays(), Duration.ZERO);
            }
            Instant end = zones.zoneOf(calendar, dateEnd, dateEnd.getValue().getRawComponents(), zone)
                    .instant(local(dateEnd.getValue()));
            Duration exact = Duration.between(zone.instant(start), end);
            if (exact.isNegative()) {
                throw InvalidInput.rejected(position(), Wording.of("error.calendar.endsBeforeStart"));
            }
            return new Length(0, exact);
        }
        if (event.getDuration() != null && event.getDuration().getValue() != null) {
            biweekly.util.Duration duration = event.getDuration().getValue();
            if (duration.isPrior()) {
                throw InvalidInput.rejected(position(), Wording.of("error.calendar.negativeDuration"));
            }
            long days = 7L * Objects.requireNonNullElse(duration.getWeeks(), 0)
                    + Objects.requireNonNullElse(duration.getDays(), 0);
            long seconds = 3600L * Objects.requireNonNullElse(duration.getHours(), 0)
                    + 60L * Objects.requireNonNullElse(duration.getMinutes(), 0)
                    + Objects.requireNonNullElse(duration.getSeconds(), 0);
            return allDay ? new Length(days, Duration.ZERO) : new Length(days, Duration.ofSeconds(seconds));
        }
        return new Length(allDay ? 1 : 0, Duration.ZERO);
    }

    /** The local date and time as written; a leap second (60) is read as the second before it. */
    static LocalDateTime local(ICalDate date) {
        DateTimeComponents raw = date.getRawComponents();
        if (raw == null) {
            raw = new DateTimeComponents(date);
        }
        if (!date.hasTime() || !raw.hasTime()) {
            return LocalDate.of(raw.getYear(), raw.getMonth(), raw.getDate()).atStartOfDay();
        }
        return LocalDateTime.of(raw.getYear(), raw.getMonth(), raw.getDate(), raw.getHour(), raw.getMinute(),
                Math.min(raw.getSecond(), 59));
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

    static Optional<String> text(ValuedProperty<?> property) {
        return Optional.ofNullable(property).map(valued -> valued.getValue()).map(Object::toString).map(String::strip)
                .filter(text -> !text.isEmpty());
    }

    private static Optional<String> firstText(String... candidates) {
        return Arrays.stream(candidates).filter(Objects::nonNull).map(String::strip).filter(text -> !text.isEmpty()).findFirst();
    }
}
