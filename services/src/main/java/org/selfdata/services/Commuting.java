package org.selfdata.services;

import org.selfdata.model.Person;
import org.selfdata.model.RecordId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Finds the person's commute ({@link Commute}) over the year of locations that ends with their latest night at home (or
 * since the first, when they began later): the legs of their trips ({@link CarbonTrips}) chained into journeys, those
 * between home and the place of study or work kept, weighed with the factors file, and the transport pass among the
 * recurring payments shared among the rides it paid.
 */
final class Commuting {
    /** How far from a place's own radius a journey may begin or end and still be from or to it: a stop, a gate. */
    static final double MARGIN_METRES = 500;
    private static final Set<CarbonMode> PUBLIC_TRANSPORT = Set.of(CarbonMode.TRAM_METRO, CarbonMode.BUS,
            CarbonMode.TRAIN_REGIONAL);

    private final Carbon carbon;

    Commuting(Carbon carbon) {
        this.carbon = requireNonNull(carbon, "carbon is null");
    }

    private record Journey(List<CarbonLeg> legs, CarbonMode mode, double kilometres, double recognized) {}

    /** @param all the legs of all the person's trips, in time order */
    RevealInference<Commute> commute(Person person, RevealedLocations locations, List<CarbonLeg> all,
            List<RecurringFlow> flows) {
        if (!(locations.home() instanceof RevealInference.Found<RevealedPlace> home)) {
            return new RevealInference.Unknown<>(Wording.of("across.commute.noHome"));
        }
        if (!(locations.study() instanceof RevealInference.Found<RevealedPlace> study)) {
            return new RevealInference.Unknown<>(Wording.of("across.commute.noStudy"));
        }
        LocalDate to = home.evidence().last().orElseThrow();
        LocalDate from = Stream.of(to.minusYears(1).plusDays(1), home.evidence().first().orElseThrow())
                .max(LocalDate::compareTo).orElseThrow();
        ZoneId zone = person.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<CarbonLeg> legs = all.stream().filter(leg -> !leg.start().isBefore(start) && leg.start().isBefore(end)).toList();
        List<Journey> journeys = new ArrayList<>();
        int trips = 0;
        List<CarbonLeg> chain = new ArrayList<>();
        for (CarbonLeg leg : legs) {
            if (!chain.isEmpty() && leg.start().isAfter(chain.getLast().end().plus(Commute.LONGEST_CHANGE))) {
                trips++;
                between(chain, home.finding(), study.finding()).ifPresent(journeys::add);
                chain.clear();
            }
            chain.add(leg);
        }
        if (!chain.isEmpty()) {
            trips++;
            between(chain, home.finding(), study.finding()).ifPresent(journeys::add);
        }
        if (journeys.isEmpty()) {
            return new RevealInference.Unknown<>(Wording.of("across.commute.none", trips));
        }
        return found(journeys, trips, from, to, flows);
    }

    private RevealInference<Commute> found(List<Journey> journeys, int trips, LocalDate from, LocalDate to,
            List<RecurringFlow> flows) {
        Optional<CarbonFactors> factors = readable();
        Map<CarbonMode, List<Journey>> byMode = new EnumMap<>(CarbonMode.class);
        journeys.forEach(journey -> byMode.computeIfAbsent(journey.mode(), mode -> new ArrayList<>()).add(journey));
        List<Commute.Way> ways = new ArrayList<>();
        byMode.forEach((mode, made) -> {
            double kilometres = made.stream().mapToDouble(Journey::kilometres).sum();
            Optional<CarbonFactor> factor = factors.map(read -> read.travel(mode));
            ways.add(new Commute.Way(mode, made.size(), kilometres, factor.map(used -> used.times(kilometres)), factor));
        });
        double kilometres = journeys.stream().mapToDouble(Journey::kilometres).sum();
        Optional<Double> kilograms = factors.map(read -> ways.stream()
                .mapToDouble(way -> way.kilograms().orElse(0.0)).sum());
        int byPublicTransport = journeys.stream().filter(journey -> PUBLIC_TRANSPORT.contains(journey.mode()))
                .mapToInt(journey -> 1).sum();
        Optional<Commute.Pass> pass = pass(flows, from, to, byPublicTransport);
        double recognized = journeys.stream().mapToDouble(Journey::recognized).sum();
        List<RecordId> records = journeys.stream().flatMap(journey -> journey.legs().getFirst().records().stream())
                .limit(RevealEvidence.RECORDS).toList();
        return new RevealInference.Found<>(new Commute(from, to, journeys.size(), kilometres, ways, kilograms, pass),
                RevealConfidence.of(kilometres == 0 ? 0 : recognized / kilometres, 0.5, 0.8),
                new RevealEvidence(journeys.size(), trips, RevealEvidence.Unit.TRIPS, Optional.of(from), Optional.of(to),
                        records));
    }

    /** The chain as a journey, when it leaves from near one of the places and arrives near the other. */
    private static Optional<Journey> between(List<CarbonLeg> chain, RevealedPlace home, RevealedPlace study) {
        CarbonLeg.Ends first = chain.getFirst().ends();
        CarbonLeg.Ends last = chain.getLast().ends();
        boolean out = near(first.fromLatitude(), first.fromLongitude(), home)
                && near(last.toLatitude(), last.toLongitude(), study);
        boolean back = near(first.fromLatitude(), first.fromLongitude(), study)
                && near(last.toLatitude(), last.toLongitude(), home);
        if (!out && !back) {
            return Optional.empty();
        }
        CarbonLeg longest = chain.stream().max(Comparator.comparingDouble(CarbonLeg::metres)).orElseThrow();
        double kilometres = chain.stream().mapToDouble(CarbonLeg::kilometres).sum();
        double recognized = chain.stream().filter(CarbonLeg::recognized).mapToDouble(CarbonLeg::kilometres).sum();
        return Optional.of(new Journey(List.copyOf(chain), longest.mode(), kilometres, recognized));
    }

    private static boolean near(double latitude, double longitude, RevealedPlace place) {
        return PlacesStays.metres(latitude, longitude, place.latitude(), place.longitude())
                <= place.withinMetres() + MARGIN_METRES;
    }

    /** The transport pass among the recurring payments, what was paid for it over the days, and that per ride. */
    private static Optional<Commute.Pass> pass(List<RecurringFlow> flows, LocalDate from, LocalDate to, int rides) {
        return flows.stream()
                .filter(flow -> !flow.income() && MoneyCategory.guess(flow.payee(), false) == MoneyCategory.TRANSPORT)
                .map(flow -> {
                    List<RecurringFlow.Occurrence> paid = flow.occurrences().stream()
                            .filter(payment -> !payment.day().isBefore(from) && !payment.day().isAfter(to)).toList();
                    BigDecimal total = paid.stream().map(RecurringFlow.Occurrence::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    return new Commute.Pass(flow.payee(), flow.currency(), total, paid.size(), rides == 0
                            ? Optional.empty()
                            : Optional.of(total.divide(BigDecimal.valueOf(rides), 2, RoundingMode.HALF_EVEN)));
                })
                .filter(pass -> pass.payments() > 0)
                .max(Comparator.comparing(Commute.Pass::paid));
    }

    private Optional<CarbonFactors> readable() {
        try {
            return Optional.of(carbon.factors());
        }
        catch (SelfdataException unreadable) {
            return Optional.empty();
        }
    }
}
