package org.selfdata.importers;

import biweekly.ICalendar;
import biweekly.io.TimezoneAssignment;
import biweekly.property.ICalProperty;
import biweekly.property.ValuedProperty;
import biweekly.util.DateTimeComponents;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The time zones of one calendar file: the VTIMEZONE definitions read so far, and what a {@code TZID} means.
 *
 * <p>A {@code TZID} is looked up, in order, as an IANA name (also with the leading {@code /} RFC 5545 gives global
 * names, and the JDK's short aliases), as the IANA name its VTIMEZONE gives in {@code X-LIC-LOCATION}, as a Windows
 * name ({@link WindowsZones}), as the file's own VTIMEZONE rules, and last as the IANA name at the end of a path
 * ({@code /softwarestudio.org/Tzfile/America/Chicago}, which Evolution writes, sometimes after the events that use
 * it). A TZID that is none of these names no zone at all: its times are read as floating, in the person's zone.
 */
final class ICalendarZones {
    private static final int MAXIMUM_DEFINITIONS = 200;
    private static final int MAXIMUM_DEFINITION_CHARACTERS = 4 * 1024 * 1024;

    private final ZoneId personZone;
    private final Map<String, String> definitions = new LinkedHashMap<>();
    private long definitionCharacters;

    ICalendarZones(ZoneId personZone) {
        this.personZone = requireNonNull(personZone, "personZone is null");
    }

    ZoneId personZone() {
        return personZone;
    }

    /**
     * Keeps a VTIMEZONE for the events that name it. Past {@value #MAXIMUM_DEFINITIONS} zones or 4 MB of them (a
     * calendar needs a handful), further definitions are left out and their TZIDs read by name only.
     */
    void define(String tzid, String vtimezone) {
        if (definitions.size() < MAXIMUM_DEFINITIONS && !definitions.containsKey(tzid)
                && definitionCharacters + vtimezone.length() <= MAXIMUM_DEFINITION_CHARACTERS) {
            definitions.put(tzid, vtimezone);
            definitionCharacters += vtimezone.length();
        }
    }

    /** The VTIMEZONEs an event's text refers to, to parse along with it. */
    String definitionsUsedBy(String eventText) {
        StringBuilder used = new StringBuilder();
        definitions.forEach((tzid, definition) -> {
            if (eventText.contains(tzid)) {
                used.append(definition);
            }
        });
        return used.toString();
    }

    /**
     * The zone of a date property: UTC for {@code Z} times, its TZID's zone, or {@code inherited} when it has no
     * TZID (a floating DTSTART inherits the person's zone; an EXDATE or a DTEND without TZID inherits its event's).
     */
    CalendarZone zoneOf(ICalendar calendar, ICalProperty property, DateTimeComponents raw, CalendarZone inherited) {
        if (raw != null && raw.isUtc()) {
            return CalendarZone.utc();
        }
        TimezoneAssignment assignment = calendar.getTimezoneInfo().getTimezone(property);
        Optional<String> tzid = assignment == null ? Optional.ofNullable(property.getParameters().getTimezoneId())
                : Optional.ofNullable(assignment.getGlobalId())
                        .or(() -> Optional.ofNullable(assignment.getComponent())
                                .map(component -> ValuedProperty.getValue(component.getTimezoneId())));
        Optional<String> cleaned = tzid.map(id -> id.strip().replace("\"", "")).filter(id -> !id.isEmpty());
        if (cleaned.isEmpty()) {
            return inherited;
        }
        String id = cleaned.get();
        return known(id)
                .or(() -> Optional.ofNullable(definitions.get(id))
                        .flatMap(definition -> Unfolding.value(Arrays.asList(definition.split("\r\n")), "X-LIC-LOCATION"))
                        .flatMap(ICalendarZones::iana))
                .or(() -> WindowsZones.zone(id))
                .map(CalendarZone::named)
                .or(() -> Optional.ofNullable(assignment).filter(found -> found.getComponent() != null)
                        .map(found -> CalendarZone.defined(found.getTimeZone())))
                .or(() -> trailingName(id).map(CalendarZone::named))
                .orElseGet(() -> CalendarZone.floating(personZone));
    }

    private static Optional<ZoneId> known(String id) {
        return iana(id.startsWith("/") ? id.substring(1) : id);
    }

    private static Optional<ZoneId> iana(String id) {
        if (id.isBlank() || id.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.strip(), ZoneId.SHORT_IDS));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> trailingName(String id) {
        List<String> segments = Arrays.asList(id.split("/"));
        for (int first = 1; first < segments.size() - 1; first++) {
            Optional<ZoneId> zone = iana(String.join("/", segments.subList(first, segments.size())));
            if (zone.isPresent()) {
                return zone;
            }
        }
        return Optional.empty();
    }
}
