package org.selfdata.services;

import org.selfdata.texts.Wording;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The regular appointments in a calendar: the events of one title (compared without case or accents) that fall in
 * several distinct weeks and usually follow each other by a week, or by a month or so. A lecture, a weekly sport
 * session and a monthly doctor's appointment are; an exam, a birthday or a trip are not.
 */
final class RevealAppointments {
    /** The events of one title, in time order, and the days they fall on. */
    private record Series(String title, List<RevealAgenda.Event> events, TreeSet<LocalDate> days) {
        /** The median number of days between two days of the series, the lower middle of an even number. */
        long usualInterval() {
            List<Long> intervals = new ArrayList<>();
            LocalDate previous = null;
            for (LocalDate day : days) {
                if (previous != null) {
                    intervals.add(ChronoUnit.DAYS.between(previous, day));
                }
                previous = day;
            }
            return intervals.isEmpty() ? Long.MAX_VALUE : intervals.stream().sorted().toList().get((intervals.size() - 1) / 2);
        }
    }

    /** When in the week an occurrence begins; earlier in the week first, then earlier in the day. */
    private record Slot(DayOfWeek day, LocalTime time) implements Comparable<Slot> {
        @Override
        public int compareTo(Slot other) {
            return Comparator.comparing(Slot::day).thenComparing(Slot::time).compare(this, other);
        }
    }

    private final RevealAgendaSettings settings;
    private final List<RevealAgenda.Event> events;

    /**
     * An event without a title cannot be told from another, nor two appointments apart: such events, which is how a
     * recipient not given the titles receives them, make no appointment.
     */
    RevealAppointments(RevealAgendaSettings settings, List<RevealAgenda.Event> inOrder) {
        this.settings = requireNonNull(settings, "settings is null");
        this.events = inOrder.stream().filter(event -> !event.title().isBlank()).toList();
    }

    List<RevealFinding> findings() {
        if (events.isEmpty()) {
            return List.of(RevealFinding.unknown(RevealFinding.Kind.APPOINTMENT,
                    Wording.of("reveal.agenda.appointment.none")));
        }
        Map<String, List<RevealAgenda.Event>> byTitle = events.stream().collect(Collectors.groupingBy(
                event -> RevealSpecialCategory.plain(event.title()), TreeMap::new, Collectors.toList()));
        List<Series> series = byTitle.values().stream().map(titled -> new Series(titled.getFirst().title(), titled,
                titled.stream().map(RevealAgenda.Event::day).collect(Collectors.toCollection(TreeSet::new)))).toList();
        List<RevealFinding> found = series.stream()
                .filter(one -> RevealAgenda.weeks(one.events()).size() >= settings.minimumWeeks()
                        && one.usualInterval() <= settings.longestInterval())
                .sorted(Comparator.comparingInt((Series one) -> -one.events().size()).thenComparing(Series::title))
                .map(this::finding)
                .toList();
        if (found.isEmpty()) {
            int most = series.stream().mapToInt(one -> RevealAgenda.weeks(one.events()).size()).max().orElseThrow();
            return List.of(RevealFinding.unknown(RevealFinding.Kind.APPOINTMENT, Wording.of(
                    "reveal.agenda.appointment.few", most, settings.minimumWeeks(), settings.longestInterval())));
        }
        return found;
    }

    /**
     * A weekly series counts the weeks it falls in among those from its first to its last; a monthly one, the months.
     */
    private RevealFinding finding(Series series) {
        boolean weekly = series.usualInterval() <= settings.weeklyInterval();
        List<RevealAgenda.Event> events = series.events();
        long count;
        long outOf;
        if (weekly) {
            TreeSet<LocalDate> weeks = RevealAgenda.weeks(events);
            count = weeks.size();
            outOf = ChronoUnit.WEEKS.between(weeks.first(), weeks.last()) + 1;
        }
        else {
            Set<YearMonth> months = series.days().stream().map(YearMonth::from).collect(Collectors.toSet());
            count = months.size();
            outOf = ChronoUnit.MONTHS.between(YearMonth.from(series.days().first()), YearMonth.from(series.days().last()))
                    + 1;
        }
        String cadence = weekly ? "weekly" : "monthly";
        List<RevealAgenda.Event> timed = events.stream().filter(event -> !event.allDay()).toList();
        Wording says;
        if (timed.isEmpty()) {
            says = Wording.of("reveal.agenda.appointment.allDay", series.title(), cadence,
                    RevealAgenda.weekday(RevealAgenda.mostFrequent(events, event -> event.start().getDayOfWeek())),
                    events.size());
        }
        else {
            // The weekday and the time together: a shift on Wednesday evenings and Saturday mornings is never on
            // Wednesday morning.
            Slot slot = RevealAgenda.mostFrequent(timed, event -> new Slot(event.start().getDayOfWeek(),
                    event.start().toLocalTime()));
            says = Wording.of("reveal.agenda.appointment", series.title(), cadence, RevealAgenda.weekday(slot.day()),
                    RevealAgenda.time(slot.time()), events.size());
        }
        Optional<RevealSpecialCategory> special = RevealSpecialCategory.of(series.title() + " "
                + events.getFirst().location().orElse(""));
        return RevealFinding.found(RevealFinding.Kind.APPOINTMENT, says, settings.confidence((double) count / outOf),
                RevealAgenda.evidence(events, count, outOf, weekly ? RevealEvidence.Unit.WEEKS : RevealEvidence.Unit.MONTHS),
                special);
    }
}
