package org.selfdata.services;

import org.selfdata.model.Person;
import org.selfdata.model.PlaceCorrection;
import org.selfdata.model.RecordId;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What no single organization's app can work out, because each holds only its own half: the person's locations set
 * beside their meter readings (the electricity used while they were away) and beside their bank lines (subscriptions
 * to places they do not go to). Worked out as the owner, from one pass over each source through the gate, each read
 * logged like any other.
 */
public final class AcrossSources {
    /** Sports places one subscribes to, as bank lines name them; a payee naming one is a place the person would go to. */
    private static final Pattern VENUE = Pattern.compile("\\b(FITNESS|GYM|BASIC ?FIT|KEEP ?COOL|ORANGE BLEUE|NEONESS"
            + "|CROSSFIT|SPORT|MUSCULATION|PISCINE|AQUA|ESCALADE|CLIMB|CLIMBING|YOGA|PILATES|DANSE|DANCE|GOLF|TENNIS"
            + "|SQUASH|PADEL)");
    /** Words of a payee that tell nothing of which place it is. */
    private static final Set<String> PLAIN_WORDS = Set.of("PRLV", "SEPA", "CARTE", "CB", "VIR", "ABONNEMENT", "CLUB",
            "SAS", "SARL", "THE", "LES", "DES");
    /** The most days of readings looked at, within what one series may hold. */
    private static final int MOST_DAYS = Energy.MOST_POINTS - 1;

    private final Reveal reveal;
    private final Energy energy;
    private final Recurring recurring;
    private final Supplier<TariffTable> tariffs;
    private final Carbon carbon;

    public AcrossSources(Reveal reveal, Energy energy, Recurring recurring, Supplier<TariffTable> tariffs, Carbon carbon) {
        this.reveal = requireNonNull(reveal, "reveal is null");
        this.energy = requireNonNull(energy, "energy is null");
        this.recurring = requireNonNull(recurring, "recurring is null");
        this.tariffs = requireNonNull(tariffs, "tariffs is null");
        this.carbon = requireNonNull(carbon, "carbon is null");
    }

    /** Reads the locations once, for what they reveal and for the trips' legs the commute is made of. */
    public AcrossFindings findings(Person person) {
        CarbonTrips trips = new CarbonTrips(person.zone());
        RevealedLocations locations = reveal.locations(person.id(), person.zone(), trips::add);
        List<RecurringFlow> flows = recurring.flows(person).flows();
        return new AcrossFindings(away(person, locations), venues(flows, locations), unchecked(locations),
                new Commuting(carbon).commute(person, locations, trips.legs(), flows));
    }

    private RevealInference<AwayUse> away(Person person, RevealedLocations locations) {
        if (locations.home() instanceof RevealInference.Unknown<RevealedPlace> unknown) {
            return new RevealInference.Unknown<>(Wording.of("across.away.noHome", unknown.reason()));
        }
        List<RevealInference.Found<RevealedAway>> periods = locations.periodsAway().stream()
                .filter(period -> period.finding().nights() >= 2)
                .toList();
        if (periods.isEmpty()) {
            return new RevealInference.Unknown<>(Wording.of("across.away.never"));
        }
        LocalDate last = periods.getLast().finding().lastNight();
        LocalDate first = Stream.of(periods.getFirst().finding().firstNight().plusDays(1), last.minusDays(MOST_DAYS - 1))
                .max(LocalDate::compareTo).orElseThrow();
        ZoneId zone = person.zone();
        EnergySeries days = energy.series(person, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(), EnergyStep.DAY);
        AwayDays away = new AwayDays(days, zone);
        List<AwayUse.Period> used = new ArrayList<>();
        Set<LocalDate> awayDays = new HashSet<>();
        Set<LocalDate> travelDays = new HashSet<>();
        List<RecordId> evidence = new ArrayList<>();
        for (RevealInference.Found<RevealedAway> period : periods) {
            RevealedAway found = period.finding();
            travelDays.add(found.firstNight());
            travelDays.add(found.lastNight().plusDays(1));
            away.period(found.firstNight().plusDays(1), found.lastNight()).ifPresent(measured -> {
                used.add(measured);
                found.firstNight().plusDays(1).datesUntil(found.lastNight().plusDays(1)).forEach(awayDays::add);
                period.evidence().records().stream().limit(RevealEvidence.RECORDS - evidence.size()).forEach(evidence::add);
            });
        }
        int measuredDays = used.stream().mapToInt(AwayUse.Period::days).sum();
        if (measuredDays == 0) {
            return new RevealInference.Unknown<>(Wording.of("across.away.noReadings", periods.size()));
        }
        long daysAway = periods.stream().mapToLong(period -> period.finding().nights() - 1).sum();
        double kilowattHours = used.stream().mapToDouble(AwayUse.Period::kilowattHours).sum();
        double hours = used.stream().mapToDouble(period -> period.kilowattHours() * 1000 / period.meanWatts()).sum();
        double meanWatts = kilowattHours * 1000 / hours;
        Optional<TariffTable> table = readable();
        AwayUse use = new AwayUse(measuredDays, kilowattHours, meanWatts, away.homeMeanWatts(awayDays, travelDays),
                meanWatts > AwayUse.ALWAYS_ON_WATTS,
                table.map(found -> found.price(TariffSlot.ALL).multiply(BigDecimal.valueOf(kilowattHours))
                        .setScale(2, RoundingMode.HALF_EVEN)),
                table.map(TariffTable::source), used);
        double share = (double) measuredDays / Math.max(daysAway, measuredDays);
        return new RevealInference.Found<>(use, RevealConfidence.of(share, 0.5, 0.8),
                new RevealEvidence(measuredDays, daysAway, RevealEvidence.Unit.DAYS, Optional.of(used.getFirst().first()),
                        Optional.of(used.getLast().last()), evidence));
    }

    private Optional<TariffTable> readable() {
        try {
            return Optional.of(tariffs.get());
        }
        catch (SelfdataException unreadable) {
            return Optional.empty();
        }
    }

    private static List<RevealInference.Found<VenueSubscription>> venues(List<RecurringFlow> flows,
            RevealedLocations locations) {
        List<RevealedPlace> places = new ArrayList<>();
        locations.regularPlaces().forEach(found -> places.add(found.finding()));
        if (locations.study() instanceof RevealInference.Found<RevealedPlace> study) {
            places.add(study.finding());
        }
        // The nights placed at home tell from when to when the locations follow the person.
        Optional<List<LocalDate>> covered = locations.home() instanceof RevealInference.Found<RevealedPlace> home
                ? Optional.of(List.of(home.evidence().first().orElse(LocalDate.MIN),
                        home.evidence().last().orElse(LocalDate.MAX)))
                : Optional.empty();
        List<RevealInference.Found<VenueSubscription>> venues = new ArrayList<>();
        for (RecurringFlow flow : flows) {
            if (flow.income() || flow.status() == RecurringFlow.Status.ENDED || !VENUE.matcher(flow.payee()).find()) {
                continue;
            }
            List<RecurringFlow.Occurrence> payments = flow.occurrences();
            BigDecimal paid = payments.stream().map(RecurringFlow.Occurrence::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            Optional<RevealedPlace> place = places.stream().filter(candidate -> named(candidate, flow.payee())).findFirst();
            long seen = covered.map(span -> payments.stream().filter(payment -> !payment.day().isBefore(span.get(0))
                    && !payment.day().isAfter(span.get(1))).count()).orElse(0L);
            double share = place.isPresent() ? 1 : (double) seen / payments.size();
            venues.add(new RevealInference.Found<>(
                    new VenueSubscription(flow.payee(), flow.currency(), flow.period(), flow.typical(),
                            payments.getFirst().day(), payments.size(), paid, place),
                    RevealConfidence.of(share, 0.5, 0.8),
                    new RevealEvidence(seen, payments.size(), RevealEvidence.Unit.TRANSACTIONS,
                            Optional.of(payments.getFirst().day()), Optional.of(payments.getLast().day()),
                            payments.stream().map(RecurringFlow.Occurrence::id).limit(RevealEvidence.RECORDS).toList())));
        }
        return venues;
    }

    private static Optional<Wording> unchecked(RevealedLocations locations) {
        return locations.points() == 0 && locations.visits() == 0
                ? Optional.of(Wording.of("across.venues.noLocations"))
                : Optional.empty();
    }

    /**
     * Whether the place bears the payee's name: the person's name for it, else its source's, sharing with the payee two
     * words that tell which place it is (or the only one, when the name has one), whatever their case and accents.
     */
    static boolean named(RevealedPlace place, String payee) {
        Optional<String> name = place.yours().flatMap(PlaceCorrection::name).or(place::name);
        if (name.isEmpty()) {
            return false;
        }
        Set<String> payeeWords = words(payee);
        Set<String> nameWords = words(name.get());
        long shared = nameWords.stream().filter(payeeWords::contains).count();
        return shared >= Math.min(2, nameWords.size()) && shared > 0;
    }

    private static Set<String> words(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        Set<String> words = new HashSet<>();
        for (String word : plain.split("[^A-Z0-9]+")) {
            if (word.length() >= 3 && !PLAIN_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /** The daily readings over the days looked at, told apart into days away and days at home. */
    private static final class AwayDays {
        private final List<EnergySeries.Point> points;
        private final ZoneId zone;

        AwayDays(EnergySeries series, ZoneId zone) {
            this.points = series.points();
            this.zone = zone;
        }

        /** The period's days with readings, none when none of them has any: a day with none reads nought. */
        Optional<AwayUse.Period> period(LocalDate first, LocalDate last) {
            double kilowattHours = 0;
            double hours = 0;
            int days = 0;
            for (EnergySeries.Point point : points) {
                LocalDate day = point.start().atZone(zone).toLocalDate();
                if (!day.isBefore(first) && !day.isAfter(last) && point.kilowattHours() > 0) {
                    kilowattHours += point.kilowattHours();
                    hours += hours(point);
                    days++;
                }
            }
            if (days == 0) {
                return Optional.empty();
            }
            double meanWatts = kilowattHours * 1000 / hours;
            return Optional.of(new AwayUse.Period(first, last, days, kilowattHours, meanWatts,
                    meanWatts > AwayUse.ALWAYS_ON_WATTS));
        }

        /** The mean power of the days with readings that are neither away nor the days of leaving or coming back. */
        Optional<Double> homeMeanWatts(Set<LocalDate> away, Set<LocalDate> travel) {
            double kilowattHours = 0;
            double hours = 0;
            for (EnergySeries.Point point : points) {
                LocalDate day = point.start().atZone(zone).toLocalDate();
                if (!away.contains(day) && !travel.contains(day) && point.kilowattHours() > 0) {
                    kilowattHours += point.kilowattHours();
                    hours += hours(point);
                }
            }
            return hours == 0 ? Optional.empty() : Optional.of(kilowattHours * 1000 / hours);
        }

        private static double hours(EnergySeries.Point point) {
            return Duration.between(point.start(), point.end()).toMillis() / 3_600_000.0;
        }
    }
}
