package org.selfdata.services;

import org.selfdata.model.PersonId;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What a recipient could work out through a lens, compared with what the person's exact data says: the same
 * conclusions ({@link Reveal}) drawn from the exact records and from the records as received, side by side. The exact
 * records are read once for all the lenses compared.
 *
 * <p>A regular place is still told apart when a place found from the received data lies over it (within that place's
 * radius and the stay radius) and over none of the person's other places, home and work or study included: at
 * coarse precisions several places fall in one cell, and the recipient sees one place where there were several.
 *
 * <p>Bank transactions, calendar and contacts are compared by the kinds of conclusion they allow (where the person
 * shops, their income, the rhythm of their week…), drawn from the exact records and from the records as received.
 */
public final class RevealComparison {
    private final Reveal reveal;
    private final RevealSettings settings;

    public RevealComparison(Reveal reveal) {
        this(reveal, RevealSettings.STANDARD);
    }

    public RevealComparison(Reveal reveal, RevealSettings settings) {
        this.reveal = requireNonNull(reveal, "reveal is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** For each lens, in order, what it lets a recipient work out beside the exact data, days told in the zone. */
    public List<RevealedComparison> compare(PersonId person, ZoneId zone, List<RevealLens> lenses) {
        List<RevealLens> asked = List.copyOf(lenses);
        if (asked.isEmpty()) {
            return List.of();
        }
        RevealedLocations exact = reveal.seen(person, zone, RevealLens.exact(), false).locations();
        Lazy money = new Lazy(() -> reveal.money(person, zone, RevealLens.exact()).orElseThrow());
        Lazy agenda = new Lazy(() -> reveal.agenda(person, zone, RevealLens.exact()).orElseThrow());
        return asked.stream().map(lens -> {
            List<RevealedComparison.Source> sources = new ArrayList<>();
            reveal.money(person, zone, lens).ifPresent(received -> sources.add(source(money.get(), received)));
            reveal.agenda(person, zone, lens).ifPresent(received -> sources.add(source(agenda.get(), received)));
            return compared(exact, reveal.seen(person, zone, lens, false), sources);
        }).toList();
    }

    /** A source's conclusions from the exact data, drawn once and only when a lens needs them. */
    private static final class Lazy {
        private final Supplier<RevealedSource> source;
        private Optional<RevealedSource> drawn = Optional.empty();

        Lazy(Supplier<RevealedSource> source) {
            this.source = source;
        }

        RevealedSource get() {
            if (drawn.isEmpty()) {
                drawn = Optional.of(source.get());
            }
            return drawn.get();
        }
    }

    private static RevealedComparison.Source source(RevealedSource exact, RevealedSource received) {
        return new RevealedComparison.Source(received.source(), received.records(), found(exact), found(received));
    }

    /** The kinds of conclusion a source's findings draw, those that are only reasons for finding nothing left out. */
    private static Set<RevealFinding.Kind> found(RevealedSource source) {
        return source.findings().stream().filter(finding -> finding.inference() instanceof RevealInference.Found<?>)
                .map(RevealFinding::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(RevealFinding.Kind.class)));
    }

    private RevealedComparison compared(RevealedLocations exact, Reveal.Seen seen, List<RevealedComparison.Source> sources) {
        RevealedLocations received = seen.locations();
        return new RevealedComparison(seen.covered(), received.points() + received.visits(),
                place(received.home(), exact.home()), place(received.study(), exact.study()),
                exact.regularPlaces().size(), toldApart(exact, received),
                received.routine() instanceof RevealInference.Found<RevealedRoutine>, seen.nightsArea(), sources);
    }

    private static RevealedComparison.Place place(RevealInference<RevealedPlace> received,
            RevealInference<RevealedPlace> exact) {
        return switch (received) {
            case RevealInference.Unknown<RevealedPlace> unknown -> RevealedComparison.Place.NOT_FOUND;
            case RevealInference.Found<RevealedPlace> found -> new RevealedComparison.Place(true,
                    found(exact).map(real -> steps(metres(found.finding(), real))), found.finding().withinMetres());
        };
    }

    /** The exact regular places a received place stands for alone. */
    private int toldApart(RevealedLocations exact, RevealedLocations received) {
        List<RevealedPlace> seen = new ArrayList<>();
        found(received.home()).ifPresent(seen::add);
        found(received.study()).ifPresent(seen::add);
        received.regularPlaces().forEach(place -> seen.add(place.finding()));
        List<RevealedPlace> real = new ArrayList<>();
        found(exact.home()).ifPresent(real::add);
        found(exact.study()).ifPresent(real::add);
        int firstRegular = real.size();
        exact.regularPlaces().forEach(place -> real.add(place.finding()));
        List<Optional<Integer>> over = real.stream().map(place -> nearest(place, seen)).toList();
        Map<Integer, Integer> standsFor = new HashMap<>();
        over.forEach(index -> index.ifPresent(found -> standsFor.merge(found, 1, Integer::sum)));
        return (int) over.subList(firstRegular, over.size()).stream()
                .filter(index -> index.isPresent() && standsFor.get(index.get()) == 1).count();
    }

    /** The received place nearest the real one among those lying over it. */
    private Optional<Integer> nearest(RevealedPlace real, List<RevealedPlace> seen) {
        Optional<Integer> nearest = Optional.empty();
        double least = Double.MAX_VALUE;
        for (int index = 0; index < seen.size(); index++) {
            double metres = metres(seen.get(index), real);
            if (metres <= seen.get(index).withinMetres() + settings.placeRadiusMetres() && metres < least) {
                least = metres;
                nearest = Optional.of(index);
            }
        }
        return nearest;
    }

    private static Optional<RevealedPlace> found(RevealInference<RevealedPlace> inference) {
        return inference instanceof RevealInference.Found<RevealedPlace> found ? Optional.of(found.finding())
                : Optional.empty();
    }

    private static double metres(RevealedPlace from, RevealedPlace to) {
        return PlacesStays.metres(from.latitude(), from.longitude(), to.latitude(), to.longitude());
    }

    /** Metres rounded up to the next step, at least one step. */
    private static long steps(double metres) {
        long step = RevealedComparison.STEP_METRES;
        return Math.max(step, (long) Math.ceil(metres / step) * step);
    }
}
