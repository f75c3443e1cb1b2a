package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.ImportItem;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.Corpus;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The iCalendar pitfalls of FORMATS.md that the corpus lacks, on calendars written for the purpose. */
class ICalendarRecurrenceAndZonesTest {
    private static final String SERIES = """
            BEGIN:VEVENT
            UID:yoga@example.org
            DTSTAMP:20250101T000000Z
            SUMMARY:Yoga
            DTSTART;TZID=Europe/Paris:20250106T180000
            DTEND;TZID=Europe/Paris:20250106T190000
            RRULE:FREQ=WEEKLY;COUNT=4
            END:VEVENT
            """;
    private static final String MOVED = """
            BEGIN:VEVENT
            UID:yoga@example.org
            DTSTAMP:20250101T000000Z
            RECURRENCE-ID;TZID=Europe/Paris:20250113T180000
            SUMMARY:Yoga (salle B)
            DTSTART;TZID=Europe/Paris:20250114T190000
            DTEND;TZID=Europe/Paris:20250114T200000
            END:VEVENT
            """;

    private final ICalendarImporter importer = new ICalendarImporter();

    @Test
    void replacesTheOccurrenceAnOverrideNamesWhetherItComesAfterOrBeforeItsSeries() {
        for (String events : List.of(SERIES + MOVED, MOVED + SERIES)) {
            Reading reading = read("BEGIN:VCALENDAR\nVERSION:2.0\n" + events + "END:VCALENDAR\n");

            assertThat(reading.records()).extracting(record -> record.time().span().orElseThrow().start()).containsExactly(
                    Instant.parse("2025-01-06T17:00:00Z"), Instant.parse("2025-01-14T18:00:00Z"),
                    Instant.parse("2025-01-20T17:00:00Z"), Instant.parse("2025-01-27T17:00:00Z"));
            assertThat(reading.payloads(CalendarEvent.class)).extracting(CalendarEvent::summary)
                    .containsExactly("Yoga", "Yoga (salle B)", "Yoga", "Yoga");
            assertThat(reading.payloads(CalendarEvent.class)).extracting(CalendarEvent::recurrence)
                    .allSatisfy(recurrence -> assertThat(recurrence).contains("FREQ=WEEKLY;COUNT=4"));
        }
    }

    @Test
    void readsAnOverrideWithoutItsSeriesAsAnEventOfItsOwn() {
        Reading reading = read("BEGIN:VCALENDAR\nVERSION:2.0\n" + MOVED + "END:VCALENDAR\n");

        assertThat(reading.payloads(CalendarEvent.class)).extracting(CalendarEvent::summary).containsExactly("Yoga (salle B)");
        assertThat(reading.positions()).containsExactly("line 3");
    }

    @Test
    void readsWindowsZoneNamesAsTheirIanaZones() {
        Reading reading = read("""
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:outlook-1
                SUMMARY:Réunion
                DTSTART;TZID=Romance Standard Time:20250704T100000
                DTEND;TZID="Romance Standard Time":20250704T113000
                END:VEVENT
                BEGIN:VEVENT
                UID:outlook-2
                SUMMARY:Call
                DTSTART;TZID=Eastern Standard Time:20250115T090000
                DURATION:PT30M
                END:VEVENT
                END:VCALENDAR
                """);

        assertThat(reading.records()).extracting(RecordDraft::time).containsExactly(
                TimeSpan.between(Instant.parse("2025-07-04T08:00:00Z"), Instant.parse("2025-07-04T09:30:00Z")),
                TimeSpan.between(Instant.parse("2025-01-15T14:00:00Z"), Instant.parse("2025-01-15T14:30:00Z")));
        assertThat(reading.payloads(CalendarEvent.class)).extracting(CalendarEvent::timeZone).containsExactly(
                java.util.Optional.of("Europe/Paris"), java.util.Optional.of("America/New_York"));
    }

    @Test
    void boundsAnEndlessRuleByItsCountLimit() {
        Reading reading = read("""
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:every-minute
                SUMMARY:Tick
                DTSTART:20250101T000000Z
                RRULE:FREQ=MINUTELY
                END:VEVENT
                END:VCALENDAR
                """);

        assertThat(reading.records()).hasSize(ICalendarSeries.MAXIMUM_OCCURRENCES);
        assertThat(reading.records().getLast().time()).isEqualTo(TimeSpan.at(Instant.parse("2025-01-04T11:19:00Z")));
    }

    @Test
    void boundsAnEndlessDailyRuleAtFiveYearsAfterTheLatestDateOfItsCalendar() {
        Reading reading = read("""
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:pill
                DTSTAMP:20240229T120000Z
                SUMMARY:Pilule
                DTSTART:20240101T080000
                RRULE:FREQ=DAILY
                END:VEVENT
                END:VCALENDAR
                """);

        // 1 January 2024 to 28 February 2029 (the horizon, five years after 29 February 2024): 1,886 days.
        assertThat(reading.records()).hasSize(1_886);
        assertThat(reading.records().getLast().time()).isEqualTo(TimeSpan.at(Instant.parse("2029-02-28T07:00:00Z")));
    }

    @Test
    void expandsAnAllDaySeriesWithExtraAndExcludedDates() {
        Reading reading = read("""
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:poubelles
                SUMMARY:Poubelles
                DTSTART;VALUE=DATE:20250303
                DTEND;VALUE=DATE:20250304
                RRULE:FREQ=WEEKLY;UNTIL=20250324
                EXDATE;VALUE=DATE:20250310
                RDATE;VALUE=DATE:20250312,20250401
                END:VEVENT
                END:VCALENDAR
                """);

        assertThat(reading.records()).extracting(RecordDraft::time).containsExactly(
                day("2025-03-02T23:00:00Z", "2025-03-03T23:00:00Z"), day("2025-03-11T23:00:00Z", "2025-03-12T23:00:00Z"),
                day("2025-03-16T23:00:00Z", "2025-03-17T23:00:00Z"), day("2025-03-23T23:00:00Z", "2025-03-24T23:00:00Z"),
                day("2025-03-31T22:00:00Z", "2025-04-01T22:00:00Z"));
        assertThat(reading.payloads(CalendarEvent.class)).allSatisfy(event -> assertThat(event.allDay()).isTrue());
    }

    @Test
    void unescapesTextAndParametersAndJoinsACharacterThatAFoldCutInTwo() throws IOException {
        ByteArrayOutputStream calendar = new ByteArrayOutputStream();
        calendar.writeBytes(Fuzzing.bytes("""
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                BEGIN:VEVENT\r
                UID:escapes\r
                DTSTART:20250601T120000Z\r
                SUMMARY:D\\, E\\; F\\\\G\\nH\r
                ATTENDEE;CN=George Herman ^'Babe^' Ruth:urn:uuid:9b1a2c3d-0000-4000-8000-000000000001\r
                DESCRIPTION:Caf"""));
        calendar.write(new byte[] {(byte) 0xC3, '\r', '\n', ' ', (byte) 0xA9, '\r', '\n'});
        calendar.writeBytes(Fuzzing.bytes("END:VEVENT\r\nEND:VCALENDAR\r\n"));

        Reading reading = Reading.of(importer, new ByteArrayInputStream(calendar.toByteArray()));

        CalendarEvent event = reading.payloads(CalendarEvent.class).getFirst();
        assertThat(event.summary()).isEqualTo("D, E; F\\G\nH");
        assertThat(event.attendees()).containsExactly("George Herman \"Babe\" Ruth");
        assertThat(event.description()).contains("Café");
        assertThat(event.timeZone()).isEmpty();
    }

    @Test
    void rejectsAnEventWithAnImpossibleDateAndReadsTheNextInALenientImport() {
        String calendar = """
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                UID:impossible
                DTSTART:20259001T100000Z
                END:VEVENT
                BEGIN:VEVENT
                UID:fine
                SUMMARY:Possible
                DTSTART:20250901T100000Z
                END:VEVENT
                END:VCALENDAR
                """;

        InputStream in = new ByteArrayInputStream(calendar.getBytes(StandardCharsets.UTF_8));
        try (ParsedFile file = importer.open(in, Reading.PARIS)) {
            List<ImportItem> items = file.items().toList();

            assertThat(items).hasSize(2);
            assertThat(items.getFirst()).isInstanceOfSatisfying(Rejection.class,
                    rejection -> assertThat(rejection.message()).startsWith("line 3: expected a readable"));
            assertThat(((CalendarEvent) ((RecordDraft) items.getLast()).payload()).summary()).isEqualTo("Possible");
        }
    }

    @Test
    void refusesACalendarHoldingMoreRecurringEventsThanItsLimit() {
        StringBuilder calendar = new StringBuilder("BEGIN:VCALENDAR\nVERSION:2.0\n");
        for (int index = 0; index <= ICalendarEvents.MAXIMUM_HELD_EVENTS; index++) {
            calendar.append("BEGIN:VEVENT\nUID:").append(index).append("\nDTSTART:20250101T100000Z\nRRULE:FREQ=YEARLY;COUNT=2\n")
                    .append("END:VEVENT\n");
        }
        calendar.append("END:VCALENDAR\n");
        long lastEventLine = 3 + 5L * ICalendarEvents.MAXIMUM_HELD_EVENTS;

        assertThatThrownBy(() -> read(calendar.toString()))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("line " + lastEventLine + ": expected at most 5000 recurring events and changed occurrences, "
                        + "of at most 16 MB, in one calendar");
    }

    @Test
    void isPickedForEveryCorpusCalendarAndClaimsNoAddressBook() throws IOException {
        for (String name : List.of("alarm_google_future.ics", "alarm_thunderbird_snoozed_until_1457.ics", "america_new_york.ics",
                "bom_calendar.ics", "calendar_with_unicode.ics", "example.ics", "ical4j__EXDATE.ics",
                "ical4j__apple-iphone-os-26-structured-location.ics", "ical4j__evolution.ics", "ical4j__phpicalendar_sample.ics",
                "multiple_calendar_components.ics", "rfc_6868.ics", "timezoned.ics", "x_location.ics")) {
            byte[] head = Files.readAllBytes(Corpus.file("icalendar/" + name));
            assertThat(importer.detect(new Sniff("export.dat", head))).isEqualTo(Detection.BY_CONTENT);
            assertThat(Importers.standard().detect(new Sniff("export.dat", head))).map(Importer::format).contains("icalendar");
        }
        byte[] card = Files.readAllBytes(Corpus.file("vcard/rfc6350-example.vcf"));
        assertThat(importer.detect(new Sniff("card.vcf", card))).isEqualTo(Detection.NO);
    }

    private Reading read(String calendar) {
        InputStream in = new ByteArrayInputStream(calendar.getBytes(StandardCharsets.UTF_8));
        return Reading.of(importer, in);
    }

    private static TimeSpan day(String start, String end) {
        return TimeSpan.between(Instant.parse(start), Instant.parse(end));
    }
}
