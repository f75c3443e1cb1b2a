package org.selfdata.services;

import org.selfdata.model.EnergyReading;
import org.selfdata.model.TimeSpan;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Meter readings turned into energy used over spans of time, in watt-hours, whatever they measured: energy over a span
 * as it is; an average power over a span times the span's length; the difference between two successive indexes of a
 * meter's register over the time between them.
 *
 * <p>A meter that gave both a curve (energy or power) and indexes would be counted twice: its indexes are then left
 * aside, the curve being the finer. A reading at an instant with an interval is taken to end at that instant, as Enedis
 * dates its readings; one with neither span nor interval says nothing about how long it lasted and is left aside.
 */
final class EnergyUse {
    /** Energy used from {@code startMillis} to {@code endMillis}. */
    record Span(long startMillis, long endMillis, double wattHours) {}

    private record Index(long millis, BigDecimal wattHours) {}

    private final List<Span> spans = new ArrayList<>();
    private final Set<String> metersWithCurves = new HashSet<>();
    private final Map<String, Map<String, List<Index>>> indexes = new HashMap<>();

    void add(TimeSpan time, EnergyReading reading) {
        switch (reading.quantity()) {
            case ENERGY -> span(time, reading.intervalMinutes()).ifPresent(span -> curve(reading, span,
                    reading.value().doubleValue()));
            case POWER -> span(time, reading.intervalMinutes()).ifPresent(span -> curve(reading, span,
                    reading.value().doubleValue() * (span[1] - span[0]) / Duration.ofHours(1).toMillis()));
            case INDEX -> indexes.computeIfAbsent(reading.meter(), meter -> new HashMap<>())
                    .computeIfAbsent(reading.register().orElse(""), register -> new ArrayList<>())
                    .add(new Index(time.startMillis(), reading.value()));
        }
    }

    /** Every span read, those from indexes last, once every reading is in. */
    List<Span> spans() {
        List<Span> all = new ArrayList<>(spans);
        indexes.forEach((meter, registers) -> {
            if (!metersWithCurves.contains(meter)) {
                registers.values().forEach(series -> between(series, all));
            }
        });
        return all;
    }

    private void curve(EnergyReading reading, long[] span, double wattHours) {
        metersWithCurves.add(reading.meter());
        spans.add(new Span(span[0], span[1], wattHours));
    }

    private static void between(List<Index> series, List<Span> into) {
        List<Index> sorted = series.stream().sorted((one, other) -> Long.compare(one.millis(), other.millis())).toList();
        for (int index = 1; index < sorted.size(); index++) {
            Index before = sorted.get(index - 1);
            Index after = sorted.get(index);
            double used = after.wattHours().subtract(before.wattHours()).doubleValue();
            // A meter replaced or reset starts again from a lower index: that drop is no consumption.
            if (after.millis() > before.millis() && used >= 0) {
                into.add(new Span(before.millis(), after.millis(), used));
            }
        }
    }

    private static Optional<long[]> span(TimeSpan time, Optional<Integer> intervalMinutes) {
        if (!time.isInstant()) {
            return Optional.of(new long[] {time.startMillis(), time.endMillis()});
        }
        return intervalMinutes.filter(minutes -> minutes > 0)
                .map(minutes -> new long[] {time.startMillis() - Duration.ofMinutes(minutes).toMillis(), time.startMillis()});
    }
}
