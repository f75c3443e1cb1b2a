package org.selfdata.services;

import org.selfdata.texts.Wording;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What a recipient could work out from what it receives, beside what the person's exact data says: whether it finds
 * their home and their place of work or study and how far from the real ones, how many of their regular places it
 * still tells apart, whether their weekly routine still shows, and, when positions are only areas, the area of most
 * nights. Said in plain sentences in {@link #finds()} and {@link #cannotFind()}.
 *
 * @param locations whether the recipient receives any locations at all
 * @param received how many points and visits it receives
 * @param regularPlaces the person's regular places, found from their exact data
 * @param toldApart how many of those a place found from the received data stands for alone
 * @param nightsArea the area of most nights, when positions are told only as areas
 * @param sources for each other source the recipient receives (bank transactions, calendar and contacts), which
 *     conclusions it could draw beside those the exact data gives
 */
public record RevealedComparison(boolean locations, long received, Place home, Place study, int regularPlaces,
        int toldApart, boolean routineVisible, Optional<String> nightsArea, List<Source> sources) {
    /** Distances are said to the next ten metres: a finer figure would claim more than a place's radius allows. */
    static final long STEP_METRES = 10;

    /**
     * A place as found from the received data.
     *
     * @param metresFromExact how far it lies from the place found from the exact data, when both are found, rounded up
     *     to the next {@link #STEP_METRES} metres and never below them
     * @param withinMetres how far from its position the place may be, from what the received data tells
     */
    public record Place(boolean found, Optional<Long> metresFromExact, long withinMetres) {
        public Place {
            requireNonNull(metresFromExact, "metresFromExact is null");
        }

        public static final Place NOT_FOUND = new Place(false, Optional.empty(), 0);

        /** How close it comes, as said to the person: the distance from the real place, or else its own radius. */
        long metres() {
            return metresFromExact.orElse(withinMetres);
        }
    }

    /**
     * What a source other than locations lets a recipient conclude: the kinds of conclusion found from the exact data
     * and those found from the records as received.
     *
     * @param records how many of the source's records the recipient receives
     */
    public record Source(RevealedSource.Source source, long records, Set<RevealFinding.Kind> exact,
            Set<RevealFinding.Kind> received) {
        public Source {
            requireNonNull(source, "source is null");
            exact = Collections.unmodifiableSet(EnumSet.copyOf(withNone(exact)));
            received = Collections.unmodifiableSet(EnumSet.copyOf(withNone(received)));
        }

        /** The kinds of conclusion the exact data gives that the received records no longer do. */
        public Set<RevealFinding.Kind> missed() {
            EnumSet<RevealFinding.Kind> missed = EnumSet.copyOf(withNone(exact));
            missed.removeAll(received);
            return Collections.unmodifiableSet(missed);
        }

        private static Collection<RevealFinding.Kind> withNone(Set<RevealFinding.Kind> kinds) {
            return kinds.isEmpty() ? EnumSet.noneOf(RevealFinding.Kind.class) : kinds;
        }
    }

    public RevealedComparison {
        requireNonNull(home, "home is null");
        requireNonNull(study, "study is null");
        requireNonNull(nightsArea, "nightsArea is null");
        sources = List.copyOf(sources);
    }

    /** Locations alone. */
    public RevealedComparison(boolean locations, long received, Place home, Place study, int regularPlaces,
            int toldApart, boolean routineVisible, Optional<String> nightsArea) {
        this(locations, received, home, study, regularPlaces, toldApart, routineVisible, nightsArea, List.of());
    }

    /** What the recipient could find, each said as a thing about the person: "your home, to within 10 m". */
    public List<Wording> finds() {
        List<Wording> finds = new ArrayList<>();
        if (home.found()) {
            finds.add(Wording.of("reveal.compare.find.home", home.metres()));
        }
        else {
            nightsArea.ifPresent(area -> finds.add(Wording.of("reveal.compare.find.area", area)));
        }
        if (study.found()) {
            finds.add(Wording.of("reveal.compare.find.study", study.metres()));
        }
        if (toldApart > 0) {
            finds.add(Wording.of("reveal.compare.find.places", toldApart, regularPlaces));
        }
        if (routineVisible) {
            finds.add(Wording.of("reveal.compare.find.routine"));
        }
        sources.forEach(source -> source.received().forEach(kind -> finds.add(kind(source, kind))));
        return finds;
    }

    /** What it could not find, likewise: "your weekly routine". */
    public List<Wording> cannotFind() {
        List<Wording> missed = new ArrayList<>();
        if (!locations) {
            missed.add(Wording.of("reveal.compare.miss.locations"));
            sources.forEach(source -> source.missed().forEach(kind -> missed.add(kind(source, kind))));
            return missed;
        }
        if (!home.found()) {
            missed.add(Wording.of("reveal.compare.miss.home"));
        }
        if (!study.found()) {
            missed.add(Wording.of("reveal.compare.miss.study"));
        }
        if (toldApart < regularPlaces) {
            missed.add(Wording.of("reveal.compare.miss.places", regularPlaces - toldApart, regularPlaces));
        }
        if (!routineVisible) {
            missed.add(Wording.of("reveal.compare.miss.routine"));
        }
        sources.forEach(source -> source.missed().forEach(kind -> missed.add(kind(source, kind))));
        return missed;
    }

    /** A kind of conclusion about the person, said as a thing about them: "where you shop". */
    private static Wording kind(Source source, RevealFinding.Kind kind) {
        String key = "reveal.compare." + source.source().term() + "." + kind.term();
        return Wording.of(key);
    }
}
