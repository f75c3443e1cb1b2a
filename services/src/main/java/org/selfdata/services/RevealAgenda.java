package org.selfdata.services;

import org.selfdata.model.CalendarEvent;
import org.selfdata.model.Contact;
import org.selfdata.model.RecordId;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What a person's calendar and address book reveal, gathered in one pass: the rhythm of their week, their regular
 * appointments ({@link RevealAppointments}) and what their address book holds ({@link RevealAddressBook}). Events
 * and contacts are kept in short until the conclusions are drawn.
 */
final class RevealAgenda {
    /** An event in short: when it starts in the person's zone, whether it is all-day, its title and place. */
    record Event(RecordId id, LocalDateTime start, boolean allDay, String title, Optional<String> location) {
        LocalDate day() {
            return start.toLocalDate();
        }
    }

    private final RevealAgendaSettings settings;
    private final ZoneId zone;
    private final List<Event> events = new ArrayList<>();
    private final RevealAddressBook addressBook = new RevealAddressBook();

    RevealAgenda(RevealAgendaSettings settings, ZoneId zone) {
        this.settings = requireNonNull(settings, "settings is null");
        this.zone = requireNonNull(zone, "zone is null");
    }

    void add(StoredRecord record) {
        switch (record.payload()) {
            case CalendarEvent event when record.time() instanceof TimeSpan span -> add(record.id(), span.start(), event);
            case Contact contact -> add(record.id(), contact);
            default -> {
                // An event without a time cannot be placed in a week.
            }
        }
    }

    void add(RecordId id, Instant start, CalendarEvent event) {
        events.add(new Event(id, LocalDateTime.ofInstant(start, zone), event.allDay(), event.summary(), event.location()));
    }

    void add(RecordId id, Contact contact) {
        addressBook.add(id, contact);
    }

    RevealedSource source() {
        List<Event> inOrder = events.stream().sorted(Comparator.comparing(Event::start)).toList();
        List<RevealFinding> findings = new ArrayList<>();
        findings.add(rhythm(inOrder.stream().filter(event -> !event.allDay()).toList()));
        findings.addAll(new RevealAppointments(settings, inOrder).findings());
        findings.addAll(addressBook.findings());
        return new RevealedSource(RevealedSource.Source.AGENDA, events.size() + addressBook.contacts(), findings);
    }

    /** On which weekdays the events with hours fall, most and least, and between which hours most of them begin. */
    private RevealFinding rhythm(List<Event> timed) {
        if (timed.isEmpty()) {
            return RevealFinding.unknown(RevealFinding.Kind.RHYTHM, Wording.of("reveal.agenda.rhythm.none"));
        }
        TreeSet<LocalDate> weeks = weeks(timed);
        if (weeks.size() < settings.minimumWeeks()) {
            return RevealFinding.unknown(RevealFinding.Kind.RHYTHM,
                    Wording.of("reveal.agenda.rhythm.few", weeks.size(), settings.minimumWeeks()));
        }
        Map<DayOfWeek, Long> perDay = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            perDay.put(day, 0L);
        }
        timed.forEach(event -> perDay.merge(event.start().getDayOfWeek(), 1L, Long::sum));
        DayOfWeek busiest = most(perDay, Map.Entry.comparingByValue());
        DayOfWeek quietest = most(perDay, Map.Entry.<DayOfWeek, Long>comparingByValue().reversed());
        List<LocalTime> starts = timed.stream().map(event -> event.start().toLocalTime()).sorted().toList();
        double margin = (1 - settings.hoursShare()) / 2;
        LocalTime from = starts.get((int) Math.floor(starts.size() * margin));
        LocalTime until = starts.get(Math.max(0, (int) Math.ceil(starts.size() * (1 - margin)) - 1));
        long spanned = ChronoUnit.WEEKS.between(weeks.first(), weeks.last()) + 1;
        Wording says = Wording.of("reveal.agenda.rhythm", weekday(busiest), perDay.get(busiest), spanned,
                weekday(quietest), perDay.get(quietest), time(from), time(until),
                (int) Math.round(settings.hoursShare() * 100));
        return RevealFinding.found(RevealFinding.Kind.RHYTHM, says, settings.confidence((double) weeks.size() / spanned),
                evidence(timed, weeks.size(), spanned, RevealEvidence.Unit.WEEKS), Optional.empty());
    }

    /** The key with the greatest value by the order given, the first in the week among equals. */
    private static DayOfWeek most(Map<DayOfWeek, Long> perDay, Comparator<Map.Entry<DayOfWeek, Long>> order) {
        return perDay.entrySet().stream().max(order.thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }

    /** The Mondays of the weeks the events fall in, earliest first. */
    static TreeSet<LocalDate> weeks(List<Event> events) {
        return events.stream().map(event -> event.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Wording weekday(DayOfWeek day) {
        String key = "rights.weekday." + day.getValue();
        return Wording.of(key);
    }

    static Wording time(LocalTime time) {
        return Wording.of("reveal.time", time.getHour(), time.getMinute());
    }

    /** The evidence of events in time order: their first and last days and the first of them. */
    static RevealEvidence evidence(List<Event> events, long count, long outOf, RevealEvidence.Unit unit) {
        return new RevealEvidence(count, outOf, unit, Optional.of(events.getFirst().day()),
                Optional.of(events.getLast().day()), events.stream().map(Event::id).limit(RevealEvidence.RECORDS).toList());
    }

    /** The most frequent value, the least by its natural order among equals. */
    static <T extends Comparable<T>> T mostFrequent(List<Event> events, Function<Event, T> value) {
        return events.stream().collect(Collectors.groupingBy(value, Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<T, Long>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }
}
