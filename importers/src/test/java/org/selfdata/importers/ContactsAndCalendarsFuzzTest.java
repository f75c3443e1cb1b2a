package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.testing.Corpus;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the vCard and iCalendar importers from mutations of real address books and calendars: each ends in records,
 * rejections of single cards or events, or a clear error, and never hangs or exhausts the bounded heap.
 */
class ContactsAndCalendarsFuzzTest {
    @Test
    void vCardsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("vcard/John_Doe_ANDROID.vcf")),
                Fuzzing.read(Corpus.file("vcard/rfc6350-example.vcf")));

        assertThat(Fuzzing.of(new VCardImporter(), seeds).run(20_251_201L)).isGreaterThan(seeds.size());
    }

    @Test
    void iCalendarsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = List.of(Fuzzing.read(Corpus.file("icalendar/america_new_york.ics")),
                Fuzzing.read(Corpus.file("icalendar/ical4j__EXDATE.ics")),
                Fuzzing.bytes("""
                        BEGIN:VCALENDAR
                        VERSION:2.0
                        BEGIN:VEVENT
                        UID:minimal-1
                        DTSTART:20250915T081500
                        DURATION:PT1H45M
                        RRULE:FREQ=WEEKLY;COUNT=3
                        SUMMARY:Cours
                        END:VEVENT
                        BEGIN:VEVENT
                        UID:minimal-1
                        RECURRENCE-ID:20250922T081500
                        DTSTART:20250922T100000
                        DURATION:PT1H
                        SUMMARY:Cours déplacé
                        END:VEVENT
                        END:VCALENDAR
                        """));

        assertThat(Fuzzing.of(new ICalendarImporter(), seeds).run(20_251_202L)).isGreaterThan(seeds.size());
    }
}
