package org.selfdata.services;

import org.selfdata.model.RecordId;
import org.selfdata.texts.Wording;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The weekly routine, from the stays at home in time order: an absence is a time of at least {@link #ABSENCE} between
 * two of them; a day's leaving is the start of its first absence, its coming back the end of its last (wherever the
 * person went: a campus, where stays are hard to find, is an absence as much as a shop). For each day of
 * the week seen on at least {@link RevealSettings#minimumWeeks()} days, the usual times are the medians. How regular
 * the routine is (its confidence) is the share of those days whose leaving lies within an hour of its weekday's median.
 */
final class RevealRoutine {
    private static final long HOUR_SECONDS = 3_600;
    /** Shorter than this, a time away from home is a walk round the block or a gap in the points. */
    static final Duration ABSENCE = Duration.ofHours(1);

    private final RevealSettings settings;
    private final ZoneId zone;
    private final TreeMap<LocalDate, LocalTime> leaving = new TreeMap<>();
    private final TreeMap<LocalDate, LocalTime> returning = new TreeMap<>();

    RevealRoutine(RevealSettings settings, ZoneId zone, List<RevealPass.Stay> stays, int home) {
        this.settings = requireNonNull(settings, "settings is null");
        this.zone = requireNonNull(zone, "zone is null");
        List<RevealPass.Stay> atHome = stays.stream().filter(stay -> stay.place() == home).toList();
        for (int index = 1; index < atHome.size(); index++) {
            RevealPass.Stay before = atHome.get(index - 1);
            RevealPass.Stay after = atHome.get(index);
            if (after.start() - before.end() >= ABSENCE.toMillis()) {
                LocalDateTime left = local(before.end());
                LocalDateTime back = local(after.start());
                leaving.putIfAbsent(left.toLocalDate(), left.toLocalTime());
                returning.put(back.toLocalDate(), back.toLocalTime());
            }
        }
    }

    RevealInference<RevealedRoutine> inference(List<RecordId> records) {
        Map<DayOfWeek, List<LocalDate>> seen = new EnumMap<>(DayOfWeek.class);
        leaving.forEach((day, left) -> {
            LocalTime back = returning.get(day);
            if (back != null && back.isAfter(left)) {
                seen.computeIfAbsent(day.getDayOfWeek(), weekday -> new ArrayList<>()).add(day);
            }
        });
        int mostSeen = seen.values().stream().mapToInt(List::size).max().orElse(0);
        if (mostSeen < settings.minimumWeeks()) {
            return new RevealInference.Unknown<>(Wording.of("reveal.routine.fewWeeks", mostSeen, settings.minimumWeeks()));
        }
        List<RevealedRoutine.Day> days = new ArrayList<>();
        long regular = 0;
        long counted = 0;
        List<LocalDate> dates = new ArrayList<>();
        for (DayOfWeek weekday : DayOfWeek.values()) {
            List<LocalDate> of = seen.getOrDefault(weekday, List.of());
            if (of.size() < settings.minimumWeeks()) {
                days.add(new RevealedRoutine.Day(weekday, of.size(), Optional.empty(), Optional.empty()));
                continue;
            }
            LocalTime leaves = median(of.stream().map(leaving::get).toList());
            days.add(new RevealedRoutine.Day(weekday, of.size(), Optional.of(leaves),
                    Optional.of(median(of.stream().map(returning::get).toList()))));
            regular += of.stream().filter(day -> Math.abs(leaving.get(day).toSecondOfDay() - leaves.toSecondOfDay())
                    <= HOUR_SECONDS).count();
            counted += of.size();
            dates.addAll(of);
        }
        double share = (double) regular / counted;
        LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
        return new RevealInference.Found<>(new RevealedRoutine(days), settings.confidence(share),
                new RevealEvidence(regular, counted, RevealEvidence.Unit.DAYS, Optional.of(first), Optional.of(last),
                        records));
    }

    /** The middle time, the earlier of the two middle ones for an even count, to the minute. */
    private static LocalTime median(List<LocalTime> times) {
        return times.stream().sorted().toList().get((times.size() - 1) / 2).truncatedTo(ChronoUnit.MINUTES);
    }

    private LocalDateTime local(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), zone);
    }
}
