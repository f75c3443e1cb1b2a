package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.CalendarEvent;
import org.selfdata.model.ImportItem;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.Corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every calendar of the corpus, its values read off the files by hand; the occurrence counts of recurring events
 * were worked out independently with python-dateutil's rrule over the same horizon (five years after the latest date
 * the calendar names).
 */
class ICalendarCorpusTest {
    private final ICalendarImporter importer = new ICalendarImporter();

    @Test
    void expandsADailySeriesLessItsExcludedDatesInItsOwnZone() {
        Reading reading = Reading.of(importer, Corpus.file("icalendar/ical4j__EXDATE.ics"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Calendar", "EXDATE Example"));
        // COUNT=7 from 1 January 2006 at noon in Brisbane (UTC+10), less the 3rd and the 4th.
        assertThat(reading.records()).extracting(RecordDraft::time).containsExactly(
                hour("2006-01-01T02:00:00Z"), hour("2006-01-02T02:00:00Z"), hour("2006-01-05T02:00:00Z"),
                hour("2006-01-06T02:00:00Z"), hour("2006-01-07T02:00:00Z"));
        assertThat(reading.payloads(CalendarEvent.class)).allSatisfy(event -> {
            assertThat(event.uid()).isEqualTo("DDC5B090-1B46-4C1D-8A3C-D305516A0B90");
            assertThat(event.summary()).isEqualTo("Repeating Event");
            assertThat(event.description()).contains("This is a simple repeating event with a couple of days excluded.");
            assertThat(event.timeZone()).contains("Australia/Brisbane");
            assertThat(event.recurrence()).contains("FREQ=DAILY;INTERVAL=1;COUNT=7");
        });
        assertThat(reading.positions()).containsExactly("line 103, occurrence 1", "line 103, occurrence 2",
                "line 103, occurrence 3", "line 103, occurrence 4", "line 103, occurrence 5");
    }

    @Test
    void expandsAnEndlessWeekdaySeriesUpToFiveYearsAfterTheCalendarsLatestDate() {
        Reading reading = Reading.of(importer, Corpus.file("icalendar/x_location.ics"));

        assertThat(reading.source()).isEqualTo(SourceDescriptor.file("Calendar", "ITC"));
        // Weekdays from Friday 28 October 2016 to Friday 29 October 2021: the latest date is the DTSTAMP, 31 October 2016.
        assertThat(reading.records()).hasSize(1306);
        assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.between(Instant.parse("2016-10-28T12:00:00Z"),
                Instant.parse("2016-10-28T12:30:00Z")));
        assertThat(reading.records().get(1).time()).isEqualTo(TimeSpan.between(Instant.parse("2016-10-31T13:00:00Z"),
                Instant.parse("2016-10-31T13:30:00Z")));
        assertThat(reading.records().getLast().time()).isEqualTo(TimeSpan.between(Instant.parse("2021-10-29T12:00:00Z"),
                Instant.parse("2021-10-29T12:30:00Z")));
        CalendarEvent first = reading.payloads(CalendarEvent.class).getFirst();
        assertThat(first.summary()).isEqualTo("Daily Sync");
        assertThat(first.location()).contains("Roadstar 16\n12764 Happyville\nDenmark");
        assertThat(first.status()).contains("CONFIRMED");
        assertThat(first.timeZone()).contains("Europe/Zurich");
        assertThat(first.recurrence()).contains("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR");
    }

    @Test
    void readsAnAppleEventWithEscapedSemicolonsAndNewlines() {
        Reading reading = Reading.of(importer, Corpus.file("icalendar/ical4j__apple-iphone-os-26-structured-location.ics"));

        assertThat(reading.payloads(CalendarEvent.class)).containsExactly(new CalendarEvent(
                "af64eb20-7d10-4482-8b22-921f7656390a", "Antrag auf ID Austria", Optional.of("Passwesen\nAntrag auf ID Austria"),
                Optional.of("Hauptstraße 1-5; 4041 Linz"), false, Optional.of("Europe/Vienna"), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of()));
        assertThat(reading.records().getFirst().time()).isEqualTo(TimeSpan.between(Instant.parse("2026-05-22T08:30:00Z"),
                Instant.parse("2026-05-22T08:40:00Z")));
    }

    @Test
    void readsAnEvolutionZonePathWhoseDefinitionComesAfterTheEvent() {
        Reading reading = Reading.of(importer, Corpus.file("icalendar/ical4j__evolution.ics"));

        CalendarEvent event = reading.payloads(CalendarEvent.class).getFirst();
        assertThat(event.uid()).isEqualTo("20080624T213648Z-4959-1000-1-6@randy-ubuntu");
        assertThat(event.summary()).isEqualTo("test");
        assertThat(event.location()).contains("test location");
        assertThat(event.timeZone()).contains("America/Chicago");
        assertThat(reading.records()).extracting(RecordDraft::time).containsExactly(TimeSpan.between(
                Instant.parse("2008-06-24T18:00:00Z"), Instant.parse("2008-06-24T19:30:00Z")));
    }

    @Test
    void readsUtcAndZonedEventsWithAlarmsLeftAside() {
        Reading google = Reading.of(importer, Corpus.file("icalendar/alarm_google_future.ics"));
        Reading thunderbird = Reading.of(importer, Corpus.file("icalendar/alarm_thunderbird_snoozed_until_1457.ics"));

        assertThat(google.source()).isEqualTo(SourceDescriptor.file("Calendar", "Nicco Kunzmann"));
        assertThat(google.payloads(CalendarEvent.class)).containsExactly(new CalendarEvent(
                "79fs7pkqvht9m5igs0vjv1sfra@google.com", "event with alarms", Optional.empty(), Optional.empty(), false,
                Optional.empty(), Optional.empty(), Optional.of("CONFIRMED"), Optional.empty(), List.of()));
        assertThat(google.records().getFirst().time()).isEqualTo(TimeSpan.between(Instant.parse("2024-10-04T18:15:00Z"),
                Instant.parse("2024-10-04T19:00:00Z")));
        assertThat(thunderbird.payloads(CalendarEvent.class)).extracting(CalendarEvent::uid, CalendarEvent::timeZone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b9a23b47-f109-4e7a-908c-75e925b27def",
                        Optional.of("Europe/London")));
        assertThat(thunderbird.records().getFirst().time()).isEqualTo(TimeSpan.between(Instant.parse("2024-10-23T14:00:00Z"),
                Instant.parse("2024-10-23T15:00:00Z")));
        assertThat(thunderbird.positions()).containsExactly("line 603");
    }

    @Test
    void readsTheEventsOfEveryCalendarInAFileOfSeveralWithOddlyFoldedProperties() {
        Reading reading = Reading.of(importer, Corpus.file("icalendar/multiple_calendar_components.ics"));

        assertThat(reading.payloads(CalendarEvent.class)).extracting(CalendarEvent::uid, CalendarEvent::summary,
                CalendarEvent::allDay).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("956630271", "Christmas Day", true),
                        org.assertj.core.groups.Tuple.tuple("911737808", "Boxing Day", true),
                        org.assertj.core.groups.Tuple.tuple("wh4t3v3r", "Christmas again!", true));
        assertThat(reading.records()).extracting(RecordDraft::time).containsExactly(
                TimeSpan.between(Instant.parse("2003-12-24T23:00:00Z"), Instant.parse("2003-12-25T23:00:00Z")),
                TimeSpan.between(Instant.parse("2003-04-30T22:00:00Z"), Instant.parse("2003-05-01T22:00:00Z")),
                TimeSpan.between(Instant.parse("2003-12-24T23:00:00Z"), Instant.parse("2003-12-25T23:00:00Z")));
        assertThat(reading.positions()).containsExactly("line 11", "line 53", "line 74");
    }

    @Test
    void readsCalendarsWithoutEventsAndNamesThemInUnicode() {
        Reading unicode = Reading.of(importer, Corpus.file("icalendar/calendar_with_unicode.ics"));
        Reading byteOrderMark = Reading.of(importer, Corpus.file("icalendar/bom_calendar.ics"));

        assertThat(unicode.source()).isEqualTo(SourceDescriptor.file("Calendar", "äöü ÄÖÜ €"));
        assertThat(unicode.records()).isEmpty();
        assertThat(byteOrderMark.format()).isEqualTo("icalendar");
        assertThat(byteOrderMark.records()).isEmpty();
    }

    @Test
    void rejectsTheRfc6868SampleEventForItsMissingStartAndNamesItsLine() {
        Path sample = Corpus.file("icalendar/rfc_6868.ics");
        List<ImportItem> items = items(sample);

        assertThat(items).singleElement().isInstanceOfSatisfying(Rejection.class,
                rejection -> assertThat(rejection.message()).isEqualTo("line 3: expected DTSTART in this VEVENT"));
        assertThatThrownBy(() -> Reading.of(importer, sample))
                .isInstanceOf(SelfdataException.class).hasMessage("line 3: expected DTSTART in this VEVENT");
    }

    @Test
    void readsWhatCanBeReadOfTheInvalidPhpicalendarSampleAndRejectsTheRest() {
        List<ImportItem> items = items(Corpus.file("icalendar/ical4j__phpicalendar_sample.ics"));
        List<RecordDraft> records = items.stream().filter(RecordDraft.class::isInstance).map(RecordDraft.class::cast).toList();
        List<Rejection> rejections = items.stream().filter(Rejection.class::isInstance).map(Rejection.class::cast).toList();

        Map<String, Long> perEvent = records.stream().collect(Collectors.groupingBy(
                record -> ((CalendarEvent) record.payload()).uid(), Collectors.counting()));
        // The horizon is five years after 14 November 2003 (the latest date in the file): up to 14 November 2008.
        assertThat(perEvent).containsEntry("99730450-92C7-11D7-A4A2-000A95690022", 1L)
                .containsEntry("99730748-92C7-11D7-A4A2-000A95690022", 1L)
                .containsEntry("9973090E-92C7-11D7-A4A2-000A95690022", 74L)
                .containsEntry("99730AB4-92C7-11D7-A4A2-000A95690022", 322L)
                .containsEntry("99730E40-92C7-11D7-A4A2-000A95690022", 2247L)
                .containsEntry("99730FF6-92C7-11D7-A4A2-000A95690022", 5L)
                .containsEntry("997311A2-92C7-11D7-A4A2-000A95690022", 4L)
                .containsEntry("99731350-92C7-11D7-A4A2-000A95690022", 481L)
                .containsEntry("99731CF6-92C7-11D7-A4A2-000A95690022", 1L)
                .containsEntry("holiday0013@icaldates.com", 256L)
                .containsEntry("D9040425-RID", 62L)
                .containsEntry("20030425T023455Z-5454-500-1-0@lbt-laplinux.voiping.com", 66L)
                .containsEntry("holiday0009@icaldates.com", 256L)
                .containsEntry("holiday0010@icaldates.com", 256L);
        // The DTEND of the event at line 182 has a digit missing and reads before its start: the series is rejected.
        assertThat(rejections).extracting(Rejection::message)
                .containsExactly("line 182: expected the VEVENT to end after it starts");
        assertThat(records.size() + rejections.size()).isEqualTo(perEvent.values().stream().mapToLong(Long::longValue).sum()
                + rejections.size());
    }

    @Test
    void replacesTheOccurrencesThatOverridesNameInThePhpicalendarSample() {
        List<RecordDraft> records = items(Corpus.file("icalendar/ical4j__phpicalendar_sample.ics")).stream()
                .filter(RecordDraft.class::isInstance).map(RecordDraft.class::cast).toList();
        Function<String, List<RecordDraft>> series = uid -> records.stream()
                .filter(record -> ((CalendarEvent) record.payload()).uid().equals(uid)).toList();

        List<RecordDraft> weekly = series.apply("99730AB4-92C7-11D7-A4A2-000A95690022");
        // The Friday of 22 November 2002 at noon in California moved to 10:45.
        RecordDraft moved = weekly.stream().filter(record -> record.position().value().equals("line 116")).findFirst()
                .orElseThrow();
        assertThat(moved.time()).isEqualTo(TimeSpan.between(Instant.parse("2002-11-22T18:45:00Z"),
                Instant.parse("2002-11-22T20:15:00Z")));
        assertThat(weekly).extracting(record -> record.time().span().orElseThrow().start())
                .doesNotContain(Instant.parse("2002-11-22T20:00:00Z"));
        assertThat(weekly.get(9)).isSameAs(moved);
        assertThat(((CalendarEvent) moved.payload()).recurrence()).contains("FREQ=WEEKLY;INTERVAL=1;BYDAY=FR");
        List<RecordDraft> fortnightly = series.apply("99731350-92C7-11D7-A4A2-000A95690022");
        assertThat(fortnightly).filteredOn(record -> record.position().value().equals("line 107")).singleElement()
                .satisfies(record -> assertThat(record.time().span().orElseThrow().start())
                        .isEqualTo(Instant.parse("2002-11-15T23:00:00Z")));
        assertThat(records.getFirst().time()).isEqualTo(TimeSpan.between(Instant.parse("2002-08-23T00:00:00Z"),
                Instant.parse("2002-08-23T03:00:00Z")));
        assertThat(((CalendarEvent) records.getFirst().payload()).timeZone()).contains("US/Pacific");
        List<RecordDraft> election = series.apply("holiday0013@icaldates.com");
        assertThat(election.getLast().time()).isEqualTo(TimeSpan.between(Instant.parse("2008-11-03T23:00:00Z"),
                Instant.parse("2008-11-04T23:00:00Z")));
        assertThat(((CalendarEvent) election.getLast().payload()).allDay()).isTrue();
    }

    private static TimeSpan hour(String start) {
        Instant begin = Instant.parse(start);
        return TimeSpan.between(begin, begin.plusSeconds(3600));
    }

    private List<ImportItem> items(Path file) {
        try (InputStream in = Files.newInputStream(file); ParsedFile parsed = importer.open(in, Reading.PARIS)) {
            return parsed.items().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
