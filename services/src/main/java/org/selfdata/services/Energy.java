package org.selfdata.services;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeLimits;
import org.selfdata.texts.Wording;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The energy service: electricity (or gas) used over time, in kilowatt-hours per step of the person's calendar, and
 * one period against another, from the meter readings the gate gives their owner, read once.
 *
 * <p>A page asks for what it shows: the readings themselves only over a short range, a number of points bounded
 * otherwise, so a long range comes added up by day, week or month.
 */
public final class Energy {
    public static final Duration LONGEST_RAW = Duration.ofDays(31);
    public static final int MOST_POINTS = 1500;
    /** How far around the period indexes are read, so that the consumption between two of them that span its edge counts. */
    static final Duration INDEX_MARGIN = Duration.ofDays(7);

    private final Gate gate;

    public Energy(Gate gate) {
        this.gate = requireNonNull(gate, "gate is null");
    }

    public EnergySeries series(Person person, Instant from, Instant to, EnergyStep step) {
        TimeLimits.require(from, ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.time.periodStart"));
        TimeLimits.require(to, ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.time.periodEnd"));
        List<Instant> bounds = bounds(from, to, step, person.zone());
        List<EnergyUse.Span> spans = read(person, from, to);
        return step == EnergyStep.RAW ? raw(from, to, spans) : added(from, to, step, bounds, spans);
    }

    public EnergyComparison comparison(Person person, Instant from, Instant to, Instant againstFrom, Instant againstTo,
            EnergyStep step) {
        return EnergyComparison.of(series(person, from, to, step), series(person, againstFrom, againstTo, step));
    }

    /** The steps' limits from {@code from} to {@code to}, both included, refusing a range that would make too many points. */
    static List<Instant> bounds(Instant from, Instant to, EnergyStep step, ZoneId zone) {
        if (!from.isBefore(to)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.services.periodEndsBeforeStart"));
        }
        if (step == EnergyStep.RAW) {
            if (Duration.between(from, to).compareTo(LONGEST_RAW) > 0) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.services.rawReadingsSpan", LONGEST_RAW.toDays()));
            }
            return List.of(from, to);
        }
        List<Instant> bounds = new ArrayList<>();
        bounds.add(from);
        ZonedDateTime next = step.next(step.startOf(from.atZone(zone)));
        while (next.toInstant().isBefore(to)) {
            if (bounds.size() >= MOST_POINTS) {
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.services.mostPoints", Integer.toString(MOST_POINTS)));
            }
            bounds.add(next.toInstant());
            next = step.next(next);
        }
        bounds.add(to);
        return bounds;
    }

    private List<EnergyUse.Span> read(Person person, Instant from, Instant to) {
        EnergyUse use = new EnergyUse();
        RecordQuery query = RecordQuery.ofType(RecordType.ENERGY_READING)
                .between(Optional.of(from.minus(INDEX_MARGIN)), Optional.of(to.plus(INDEX_MARGIN)));
        try (Stream<StoredRecord> records = gate.records(new Accessor.Owner(person.id()), query)) {
            // The query's window leaves out readings without a time, which use could not place.
            records.forEach(record -> record.time().span().ifPresent(span -> use.add(span, (EnergyReading) record.payload())));
        }
        return use.spans();
    }

    /** The readings as they came, those of the same span added (several meters), for spans starting in the period. */
    private static EnergySeries raw(Instant from, Instant to, List<EnergyUse.Span> spans) {
        TreeMap<List<Long>, Double> bySpan = new TreeMap<>((one, other) -> one.get(0).equals(other.get(0))
                ? Long.compare(one.get(1), other.get(1)) : Long.compare(one.get(0), other.get(0)));
        for (EnergyUse.Span span : spans) {
            if (span.startMillis() >= from.toEpochMilli() && span.startMillis() < to.toEpochMilli()) {
                bySpan.merge(List.of(span.startMillis(), span.endMillis()), span.wattHours(), Double::sum);
            }
        }
        List<EnergySeries.Point> points = bySpan.entrySet().stream()
                .map(entry -> new EnergySeries.Point(Instant.ofEpochMilli(entry.getKey().get(0)),
                        Instant.ofEpochMilli(entry.getKey().get(1)), kilowattHours(entry.getValue())))
                .toList();
        return new EnergySeries(from, to, EnergyStep.RAW, points, total(points));
    }

    /** Each span's energy shared among the steps it overlaps, in proportion to the time it spends in each. */
    private static EnergySeries added(Instant from, Instant to, EnergyStep step, List<Instant> bounds,
            List<EnergyUse.Span> spans) {
        long[] limits = bounds.stream().mapToLong(Instant::toEpochMilli).toArray();
        double[] wattHours = new double[limits.length - 1];
        for (EnergyUse.Span span : spans) {
            if (span.endMillis() == span.startMillis()) {
                int at = Arrays.binarySearch(limits, span.startMillis());
                int bucket = at >= 0 ? at : -at - 2;
                if (bucket >= 0 && bucket < wattHours.length) {
                    wattHours[bucket] += span.wattHours();
                }
                continue;
            }
            double perMilli = span.wattHours() / (span.endMillis() - span.startMillis());
            int at = Arrays.binarySearch(limits, span.startMillis());
            for (int bucket = Math.max(0, at >= 0 ? at : -at - 2); bucket < wattHours.length
                    && limits[bucket] < span.endMillis(); bucket++) {
                long overlap = Math.min(limits[bucket + 1], span.endMillis()) - Math.max(limits[bucket], span.startMillis());
                if (overlap > 0) {
                    wattHours[bucket] += perMilli * overlap;
                }
            }
        }
        List<EnergySeries.Point> points = new ArrayList<>();
        for (int bucket = 0; bucket < wattHours.length; bucket++) {
            points.add(new EnergySeries.Point(bounds.get(bucket), bounds.get(bucket + 1), kilowattHours(wattHours[bucket])));
        }
        return new EnergySeries(from, to, step, points, total(points));
    }

    private static double total(List<EnergySeries.Point> points) {
        return Math.round(points.stream().mapToDouble(EnergySeries.Point::kilowattHours).sum() * 1000) / 1000.0;
    }

    /** To the watt-hour, so that sums read as a person would add them. */
    private static double kilowattHours(double wattHours) {
        return Math.round(wattHours) / 1000.0;
    }
}
