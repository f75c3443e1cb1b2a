package org.selfdata.services;

import com.uber.h3core.util.LatLng;
import org.selfdata.gate.Area;
import org.selfdata.gate.Geography;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.RecordId;
import org.selfdata.texts.Wording;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The conclusions drawn from the stays a {@link RevealPass} found: each night and each weekday votes for the place
 * where most of it was spent, and home, work or study, the regular places, the routine and the periods away are
 * counted from the votes, as {@link RevealSettings} describes; the towns visited are the areas the stays fall in.
 */
final class RevealFindings {
    private static final Geography COARSE = Geography.bundled();

    private final RevealSettings settings;
    private final ZoneId zone;
    private final RevealPass pass;
    private final List<RevealPass.Stay> stays;
    private final TreeMap<LocalDate, Integer> nights;

    RevealFindings(RevealSettings settings, ZoneId zone, RevealPass pass) {
        this.settings = requireNonNull(settings, "settings is null");
        this.zone = requireNonNull(zone, "zone is null");
        this.pass = requireNonNull(pass, "pass is null");
        this.stays = pass.stays().stream().sorted(Comparator.comparingLong(RevealPass.Stay::start)).toList();
        this.nights = votes(settings.nightStart(), settings.nightEnd(), 1, day -> true, place -> true);
    }

    /** A place concluded on, by its number, or why none was. */
    private record Concluded(RevealInference<RevealedPlace> inference, Optional<Integer> place) {
        static Concluded unknown(Wording reason) {
            return new Concluded(new RevealInference.Unknown<>(reason), Optional.empty());
        }
    }

    RevealedLocations locations() {
        Concluded home = home();
        StudyConcluded study = study(home.place());
        return new RevealedLocations(pass.points(), pass.visits(), stays.size(), home.inference(), study.inference(),
                regularPlaces(home.place(), study.area()), routine(home.place()),
                home.place().map(this::periodsAway).orElse(List.of()), towns());
    }

    /**
     * The towns the stays fall in, as the gate's geography names them: communes when it knows them, otherwise
     * départements (countries outside France); through a lens of named areas, the areas the positions are told as.
     * Each counts the distinct days with a stay in it (or a position, for named areas); most days first.
     */
    private List<RevealedTown> towns() {
        Map<String, Set<LocalDate>> days = new HashMap<>();
        pass.areaDays().forEach((area, seen) -> days.put(area, new TreeSet<>(seen)));
        Geography geography = pass.geography();
        LocationPrecision precision = geography.knowsCommunes() ? LocationPrecision.COMMUNE : LocationPrecision.DEPARTMENT;
        Map<Integer, Optional<String>> towns = new HashMap<>();
        for (RevealPass.Stay stay : stays) {
            Optional<String> town = towns.computeIfAbsent(stay.place(), place -> geography.area(
                    pass.places().latitude(place), pass.places().longitude(place), precision) instanceof Area.Named named
                    ? Optional.of(named.name()) : Optional.empty());
            town.ifPresent(name -> {
                Set<LocalDate> seen = days.computeIfAbsent(name, key -> new TreeSet<>());
                for (LocalDate day = date(stay.start()); !day.isAfter(date(stay.end())); day = day.plusDays(1)) {
                    seen.add(day);
                }
            });
        }
        return days.entrySet().stream().map(town -> new RevealedTown(town.getKey(), town.getValue().size()))
                .sorted(Comparator.comparingInt(RevealedTown::days).reversed().thenComparing(RevealedTown::name))
                .toList();
    }

    private Concluded home() {
        Optional<Wording> blind = blindness();
        if (blind.isPresent()) {
            return Concluded.unknown(blind.get());
        }
        if (nights.size() < settings.minimumNights()) {
            return Concluded.unknown(Wording.of("reveal.home.fewNights", nights.size(), settings.minimumNights()));
        }
        Map.Entry<Integer, Long> most = most(nights);
        double share = (double) most.getValue() / nights.size();
        if (share < settings.minimumShare()) {
            return Concluded.unknown(Wording.of("reveal.home.noMajority", nights.size(), percent(share),
                    percent(settings.minimumShare())));
        }
        return new Concluded(found(most.getKey(), share, evidence(most.getKey(), nights, RevealEvidence.Unit.NIGHTS)),
                Optional.of(most.getKey()));
    }

    /**
     * Work or study: the area of weekday daytime presence, away from home, where most weekdays are spent. Its place
     * number is none of the stays' places, so it is given as the area itself.
     */
    private StudyConcluded study(Optional<Integer> home) {
        Optional<Wording> blind = blindness();
        if (blind.isPresent()) {
            return new StudyConcluded(new RevealInference.Unknown<>(blind.get()), Optional.empty());
        }
        List<RevealDaytime.Area> areas = pass.daytime().areas(cell -> home.map(place -> PlacesStays.metres(
                cell.latitude(), cell.longitude(), pass.places().latitude(place), pass.places().longitude(place))
                >= settings.minimumMetresFromHome()).orElse(true));
        TreeMap<LocalDate, Integer> days = new TreeMap<>();
        Map<LocalDate, Long> longest = new HashMap<>();
        for (int index = 0; index < areas.size(); index++) {
            for (Map.Entry<LocalDate, Long> day : areas.get(index).millis().entrySet()) {
                if (day.getValue() >= settings.minimumPresence().toMillis()
                        && day.getValue() > longest.getOrDefault(day.getKey(), 0L)) {
                    longest.put(day.getKey(), day.getValue());
                    days.put(day.getKey(), index);
                }
            }
        }
        long most = days.isEmpty() ? 0 : most(days).getValue();
        if (most < settings.minimumDays()) {
            return StudyConcluded.unknown(Wording.of("reveal.study.fewDays", most, settings.minimumDays()));
        }
        int best = most(days).getKey();
        RevealDaytime.Area area = areas.get(best);
        double share = (double) most / days.size();
        if (share < settings.minimumShare()) {
            return StudyConcluded.unknown(Wording.of("reveal.study.noMajority", days.size(), percent(share),
                    percent(settings.minimumShare())));
        }
        List<LocalDate> voted = days.entrySet().stream().filter(vote -> vote.getValue() == best)
                .map(Map.Entry::getKey).toList();
        RevealedPlace place = new RevealedPlace(area.latitude(), area.longitude(),
                withinMetres(area.latitude(), area.longitude(), settings.placeRadiusMetres()), Optional.empty(),
                Optional.empty(), Optional.empty(), key(area.latitude(), area.longitude()), Optional.empty());
        return new StudyConcluded(new RevealInference.Found<>(place, settings.confidence(share),
                new RevealEvidence(voted.size(), days.size(), RevealEvidence.Unit.DAYS, Optional.of(voted.getFirst()),
                        Optional.of(voted.getLast()), area.records())), Optional.of(area));
    }

    /** Work or study concluded on, by its area, or why none was. */
    private record StudyConcluded(RevealInference<RevealedPlace> inference, Optional<RevealDaytime.Area> area) {
        static StudyConcluded unknown(Wording reason) {
            return new StudyConcluded(new RevealInference.Unknown<>(reason), Optional.empty());
        }
    }

    /** Why no night or day can be placed through this lens, if none can. */
    private Optional<Wording> blindness() {
        if (!pass.timesTellHours()) {
            return Optional.of(Wording.of("reveal.imprecise.time"));
        }
        if (pass.lens() instanceof RevealLens.Received received
                && received.precision().location().level() != LocationPrecision.Level.EXACT
                && received.precision().location().level() != LocationPrecision.Level.H3) {
            return Optional.of(nightsArea().map(name -> Wording.of("reveal.imprecise.area", name))
                    .orElse(Wording.of("reveal.imprecise.location")));
        }
        return Optional.empty();
    }

    /** The named area most nights fall in, when positions are told only as named areas; the first name among equals. */
    Optional<String> nightsArea() {
        return pass.areaNights().entrySet().stream()
                .max(Comparator.comparingInt((Map.Entry<String, Set<LocalDate>> entry) -> entry.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }

    private List<RevealInference.Found<RevealedPlace>> regularPlaces(Optional<Integer> home,
            Optional<RevealDaytime.Area> study) {
        IntPredicate inStudy = place -> study.map(area -> PlacesStays.metres(area.latitude(), area.longitude(),
                pass.places().latitude(place), pass.places().longitude(place)) <= settings.minimumMetresFromHome())
                .orElse(false);
        Map<Integer, TreeSet<LocalDate>> weeks = new HashMap<>();
        Set<LocalDate> allWeeks = new TreeSet<>();
        for (RevealPass.Stay stay : stays) {
            LocalDate week = date(stay.start()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            allWeeks.add(week);
            weeks.computeIfAbsent(stay.place(), place -> new TreeSet<>()).add(week);
        }
        return weeks.entrySet().stream()
                .filter(entry -> entry.getValue().size() >= settings.minimumWeeks())
                .filter(entry -> !home.equals(Optional.of(entry.getKey())) && !inStudy.test(entry.getKey()))
                .sorted(Comparator.comparingInt((Map.Entry<Integer, TreeSet<LocalDate>> entry) -> -entry.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(Places.TOP)
                .map(entry -> {
                    double share = (double) entry.getValue().size() / allWeeks.size();
                    return found(entry.getKey(), share, new RevealEvidence(entry.getValue().size(), allWeeks.size(),
                            RevealEvidence.Unit.WEEKS, Optional.of(entry.getValue().first()),
                            Optional.of(entry.getValue().last()), records(entry.getKey())));
                })
                .toList();
    }

    private RevealInference<RevealedRoutine> routine(Optional<Integer> home) {
        if (home.isEmpty()) {
            return new RevealInference.Unknown<>(Wording.of("reveal.routine.noHome"));
        }
        RevealRoutine routine = new RevealRoutine(settings, zone, stays, home.get());
        return routine.inference(records(home.get()));
    }

    private List<RevealInference.Found<RevealedAway>> periodsAway(int home) {
        List<RevealInference.Found<RevealedAway>> periods = new ArrayList<>();
        List<LocalDate> away = new ArrayList<>();
        for (LocalDate night = nights.firstKey(); !night.isAfter(nights.lastKey()); night = night.plusDays(1)) {
            Integer place = nights.get(night);
            if (place != null && place == home) {
                away(away).ifPresent(periods::add);
                away.clear();
            }
            else if (place != null || !away.isEmpty()) {
                away.add(night);
            }
        }
        away(away).ifPresent(periods::add);
        return periods;
    }

    /** A period of the nights not at home, trimmed of the nights with no place at its end, if it is long enough. */
    private Optional<RevealInference.Found<RevealedAway>> away(List<LocalDate> run) {
        List<LocalDate> located = run.stream().filter(nights::containsKey).toList();
        if (located.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = located.getFirst();
        LocalDate last = located.getLast();
        int length = (int) ChronoUnit.DAYS.between(first, last) + 1;
        if (length < settings.minimumNightsAway()) {
            return Optional.empty();
        }
        List<Integer> placesAway = located.stream().map(nights::get).distinct().toList();
        List<String> areas = placesAway.stream().flatMap(place -> area(place).stream()).distinct().toList();
        List<RecordId> records = stays.stream().filter(stay -> placesAway.contains(stay.place()))
                .filter(stay -> !date(stay.end()).isBefore(first) && !date(stay.start()).isAfter(last.plusDays(1)))
                .map(RevealPass.Stay::record).limit(RevealEvidence.RECORDS).toList();
        double share = (double) located.size() / length;
        return Optional.of(new RevealInference.Found<>(new RevealedAway(first, last, length, areas),
                settings.confidence(share), new RevealEvidence(located.size(), length, RevealEvidence.Unit.NIGHTS,
                        Optional.of(first), Optional.of(last), records)));
    }

    /**
     * For each day the window begins on (a night begins in the evening and ends the next morning: {@code nextDay} 1),
     * the place where most of the window was spent, if at least the minimum presence, among the days and places
     * allowed.
     */
    private TreeMap<LocalDate, Integer> votes(LocalTime from, LocalTime until, int nextDay,
            Predicate<LocalDate> dayAllowed, IntPredicate placeAllowed) {
        Map<LocalDate, Map<Integer, Long>> millis = new HashMap<>();
        for (RevealPass.Stay stay : stays) {
            if (!placeAllowed.test(stay.place())) {
                continue;
            }
            for (LocalDate day = date(stay.start()).minusDays(nextDay); !day.isAfter(date(stay.end())); day = day.plusDays(1)) {
                long start = Math.max(stay.start(), instant(day, from));
                long end = Math.min(stay.end(), instant(day.plusDays(nextDay), until));
                if (end > start && dayAllowed.test(day)) {
                    millis.computeIfAbsent(day, key -> new HashMap<>()).merge(stay.place(), end - start, Long::sum);
                }
            }
        }
        TreeMap<LocalDate, Integer> votes = new TreeMap<>();
        millis.forEach((day, byPlace) -> byPlace.entrySet().stream()
                .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .filter(most -> most.getValue() >= settings.minimumPresence().toMillis())
                .ifPresent(most -> votes.put(day, most.getKey())));
        return votes;
    }

    /** The place with the most votes, and their number; the first place found among equals. */
    private static Map.Entry<Integer, Long> most(Map<LocalDate, Integer> votes) {
        return votes.values().stream().collect(Collectors.groupingBy(place -> place, TreeMap::new, Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow();
    }

    private RevealEvidence evidence(int place, TreeMap<LocalDate, Integer> votes, RevealEvidence.Unit unit) {
        List<LocalDate> days = votes.entrySet().stream().filter(vote -> vote.getValue() == place)
                .map(Map.Entry::getKey).toList();
        return new RevealEvidence(days.size(), votes.size(), unit, Optional.of(days.getFirst()),
                Optional.of(days.getLast()), records(place));
    }

    private List<RecordId> records(int place) {
        return stays.stream().filter(stay -> stay.place() == place).map(RevealPass.Stay::record)
                .limit(RevealEvidence.RECORDS).toList();
    }

    private RevealInference.Found<RevealedPlace> found(int place, double share, RevealEvidence evidence) {
        PlacesGrouping places = pass.places();
        Optional<String> kind = pass.kind(place);
        RevealedPlace found = new RevealedPlace(places.latitude(place), places.longitude(place),
                withinMetres(places.latitude(place), places.longitude(place), settings.placeRadiusMetres()),
                places.name(place), kind, RevealSpecialCategory.of(kind, places.name(place)),
                key(places.latitude(place), places.longitude(place)), Optional.empty());
        return new RevealInference.Found<>(found, settings.confidence(share), evidence);
    }

    /** The given radius for exact positions; for H3 cells, the farthest corner of the position's cell from its centre. */
    private long withinMetres(double latitude, double longitude, double exactRadius) {
        if (pass.lens() instanceof RevealLens.Received received
                && received.precision().location().level() == LocationPrecision.Level.H3) {
            long cell = pass.h3().latLngToCell(latitude, longitude, received.precision().location().resolution());
            LatLng centre = pass.h3().cellToLatLng(cell);
            return Math.round(pass.h3().cellToBoundary(cell).stream()
                    .mapToDouble(corner -> PlacesStays.metres(centre.lat, centre.lng, corner.lat, corner.lng))
                    .max().orElseThrow());
        }
        return Math.round(exactRadius);
    }

    private String key(double latitude, double longitude) {
        return new PlaceKeys(pass.h3()).key(latitude, longitude);
    }

    /** Where a place is, coarsely: its département, or its country outside France; nothing at sea. */
    private Optional<String> area(int place) {
        Area area = COARSE.area(pass.places().latitude(place), pass.places().longitude(place), LocationPrecision.DEPARTMENT);
        return area instanceof Area.Named named ? Optional.of(named.name()) : Optional.empty();
    }

    private LocalDate date(long millis) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(millis), zone);
    }

    private long instant(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(zone).toInstant().toEpochMilli();
    }

    private static int percent(double share) {
        return (int) Math.round(share * 100);
    }
}
