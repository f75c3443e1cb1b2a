package org.selfdata.importers;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.GregorianCalendar;
import java.util.Optional;
import java.util.TimeZone;

import static java.util.Objects.requireNonNull;

/**
 * What the local times of one calendar event mean: a known zone (an IANA name, whose rules the JDK holds), a zone
 * defined only by the file's own VTIMEZONE, UTC, or the person's zone for floating times. Only a known zone has a
 * name worth keeping with the event.
 */
final class CalendarZone {
    private final Optional<ZoneId> zone;
    private final Optional<TimeZone> defined;
    private final Optional<String> name;

    private CalendarZone(Optional<ZoneId> zone, Optional<TimeZone> defined, Optional<String> name) {
        this.zone = zone;
        this.defined = defined;
        this.name = name;
    }

    static CalendarZone utc() {
        return new CalendarZone(Optional.of(ZoneOffset.UTC), Optional.empty(), Optional.empty());
    }

    static CalendarZone named(ZoneId zone) {
        return new CalendarZone(Optional.of(zone), Optional.empty(), Optional.of(zone.getId()));
    }

    /** A floating time: the same wall-clock time wherever the person is, read in the person's zone. */
    static CalendarZone floating(ZoneId personZone) {
        return new CalendarZone(Optional.of(personZone), Optional.empty(), Optional.empty());
    }

    static CalendarZone defined(TimeZone definition) {
        return new CalendarZone(Optional.empty(), Optional.of(requireNonNull(definition, "definition is null")),
                Optional.empty());
    }

    Optional<String> name() {
        return name;
    }

    Instant instant(LocalDateTime local) {
        if (zone.isPresent()) {
            return local.atZone(zone.get()).toInstant();
        }
        GregorianCalendar calendar = new GregorianCalendar(defined.orElseThrow());
        calendar.clear();
        calendar.set(local.getYear(), local.getMonthValue() - 1, local.getDayOfMonth(), local.getHour(), local.getMinute(),
                local.getSecond());
        return Instant.ofEpochMilli(calendar.getTimeInMillis());
    }

    LocalDateTime local(Instant instant) {
        if (zone.isPresent()) {
            return LocalDateTime.ofInstant(instant, zone.get());
        }
        int offsetMillis = defined.orElseThrow().getOffset(instant.toEpochMilli());
        return LocalDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(offsetMillis / 1000));
    }
}
