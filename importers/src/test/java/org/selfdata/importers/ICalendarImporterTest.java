package org.selfdata.importers;

import org.selfdata.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ICalendarImporterTest {
    private final ICalendarImporter importer = new ICalendarImporter();

    @Test
    void readsAllDayEventsAsTheirLocalDaysAndNamesTheCalendar() {
        Reading reading = Reading.of(importer, Corpus.file("icalendar/example.ics"));

        assertThat(reading.format()).isEqualTo("icalendar");
        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Calendar", "Holidays"));
        List<CalendarEvent> events = reading.payloads(CalendarEvent.class);
        assertThat(events).hasSize(3);
        assertThat(events.getFirst()).isEqualTo(new CalendarEvent("636a0cc1dbd5a1667894465@icalendar", "New Year's Day",
                Optional.of("Happy New Year!"), Optional.empty(), true, Optional.empty(), Optional.empty(),
                        Optional.of("CONFIRMED"),
                Optional.empty(), List.of()));
        assertThat(events.get(1).location()).contains("Russia");
        assertThat(events.getLast().summary()).isEqualTo("International Women's Day");
        assertThat(reading.records().getFirst().time())
                .isEqualTo(TimeSpan.between(Instant.parse("2021-12-31T23:00:00Z"), Instant.parse("2022-01-01T23:00:00Z")));
        assertThat(reading.records().getLast().time())
                .isEqualTo(TimeSpan.between(Instant.parse("2022-03-07T23:00:00Z"), Instant.parse("2022-03-08T23:00:00Z")));
        assertThat(reading.positions()).containsExactly("line 8", "line 19", "line 30");
    }

    @Test
    void honoursTheTimeZoneAnEventNames() {
        Reading reading = Reading.of(importer, Corpus.file("icalendar/timezoned.ics"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Calendar", "test create calendar"));
        assertThat(reading.payloads(CalendarEvent.class)).containsExactly(new CalendarEvent("123456", "artsprint 2012",
                Optional.of("sprinting at the artsprint"), Optional.of("aka bild, wien"), false, Optional.of("Europe/Vienna"),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
        assertThat(reading.records().getFirst().time())
                .isEqualTo(TimeSpan.between(Instant.parse("2012-02-13T09:00:00Z"), Instant.parse("2012-02-17T17:00:00Z")));
    }

    @Test
    void honoursAZoneDefinedOnlyInTheFile() {
        Reading reading = Reading.of(importer, Corpus.file("icalendar/america_new_york.ics"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Calendar", "iCalendar"));
        CalendarEvent event = reading.payloads(CalendarEvent.class).getFirst();
        assertThat(event.uid()).isEqualTo("noend123");
        assertThat(event.summary()).isEqualTo("an event with a custom tz name");
        assertThat(event.timeZone()).isEmpty();
        assertThat(reading.records().getFirst().time())
                .isEqualTo(TimeSpan.between(Instant.parse("2014-08-29T12:00:00Z"), Instant.parse("2014-08-29T14:00:00Z")));
    }

    @Test
    void readsFloatingTimesInThePersonsZoneAndKeepsTheRecurrenceRuleWithEachOccurrence() {
        String calendar = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:cours-1\nSUMMARY:Algèbre linéaire\n"
                + "DTSTART:20250915T081500\nDURATION:PT1H45M\nRRULE:FREQ=WEEKLY;UNTIL=20251219T230000Z\nLOCATION:Amphi Thémis\n"
                + "ORGANIZER;CN=Scolarité:mailto:scolarite@example.org\nATTENDEE;CN=Camille:mailto:camille@example.org\n"
                + "END:VEVENT\nEND:VCALENDAR\n";

        Reading reading = Reading.of(importer, calendar, StandardCharsets.UTF_8);

        // Mondays from 15 September to 15 December 2025: fourteen weeks, the last ones after the change to winter time.
        assertThat(reading.payloads(CalendarEvent.class)).hasSize(14).containsOnly(new CalendarEvent("cours-1",
                "Algèbre linéaire", Optional.empty(), Optional.of("Amphi Thémis"), false, Optional.empty(),
                Optional.of("FREQ=WEEKLY;UNTIL=20251219T230000Z"), Optional.empty(), Optional.of("scolarite@example.org"),
                List.of("camille@example.org")));
        assertThat(reading.records().getFirst().time())
                .isEqualTo(TimeSpan.between(Instant.parse("2025-09-15T06:15:00Z"), Instant.parse("2025-09-15T08:00:00Z")));
        assertThat(reading.records().getLast().time())
                .isEqualTo(TimeSpan.between(Instant.parse("2025-12-15T07:15:00Z"), Instant.parse("2025-12-15T09:00:00Z")));
        assertThat(reading.positions()).startsWith("line 3, occurrence 1", "line 3, occurrence 2")
                .endsWith("line 3, occurrence 14");
    }

    @Test
    void spansAMultiDayEventUpToItsExclusiveEndAndAnEventWithoutEndByItsDuration() {
        String calendar = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:vacances\nSUMMARY:Vacances de Noël\n"
                + "DTSTART;VALUE=DATE:20251220\nDTEND;VALUE=DATE:20260105\nEND:VEVENT\n"
                + "BEGIN:VEVENT\nUID:partiel\nSUMMARY:Partiel\nDTSTART:20260112T080000Z\nDURATION:P1DT2H\nEND:VEVENT\n"
                + "END:VCALENDAR\n";

        Reading reading = Reading.of(importer, calendar, StandardCharsets.UTF_8);

        assertThat(reading.records()).extracting(record -> record.time()).containsExactly(
                TimeSpan.between(Instant.parse("2025-12-19T23:00:00Z"), Instant.parse("2026-01-04T23:00:00Z")),
                TimeSpan.between(Instant.parse("2026-01-12T08:00:00Z"), Instant.parse("2026-01-13T10:00:00Z")));
        assertThat(reading.payloads(CalendarEvent.class).getLast().timeZone()).isEmpty();
    }

    @Test
    void givesAnEventWithoutUidTheSameIdentifierEachTime() {
        String calendar = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:Dentiste\nDTSTART:20251002T160000\n"
                + "END:VEVENT\nEND:VCALENDAR\n";

        String first = Reading.of(importer, calendar, StandardCharsets.UTF_8).payloads(CalendarEvent.class).getFirst().uid();
        String second = Reading.of(importer, calendar, StandardCharsets.UTF_8).payloads(CalendarEvent.class).getFirst().uid();

        assertThat(first).startsWith("sha256:").hasSize("sha256:".length() + 32).isEqualTo(second);
    }

    @Test
    void rejectsTheEventThatHasNoStartByItsLine() {
        String calendar = "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nSUMMARY:Sans date\nEND:VEVENT\nEND:VCALENDAR\n";

        assertThatThrownBy(() -> Reading.of(importer, calendar, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line 3: expected DTSTART in this VEVENT");
    }
}
