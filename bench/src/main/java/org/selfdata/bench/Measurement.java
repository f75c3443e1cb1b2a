package org.selfdata.bench;

import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One figure of a benchmark run, and the baseline measured beside it in the same run: the machines selfdata runs on
 * are shared and noisy, so a figure means something only next to its baseline.
 *
 * @param unit what the value counts, such as {@code records/s} or {@code MB/s}
 * @param higherIsBetter whether the ratio to the baseline should be high (throughput) or low (time)
 * @param detail what a single figure cannot say and belongs beside it, such as latency percentiles or errors
 */
public record Measurement(String name, double value, String unit, Optional<Baseline> baseline, boolean higherIsBetter,
                          Optional<String> detail) {
    public record Baseline(String name, double value) {}

    public Measurement {
        requireNonNull(name, "name is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(baseline, "baseline is null");
        requireNonNull(detail, "detail is null");
    }

    public Measurement(String name, double value, String unit, Optional<Baseline> baseline, boolean higherIsBetter) {
        this(name, value, unit, baseline, higherIsBetter, Optional.empty());
    }

    public static Measurement of(String name, double value, String unit) {
        return new Measurement(name, value, unit, Optional.empty(), true);
    }

    public static Measurement beside(String name, double value, String unit, String baselineName, double baselineValue) {
        return new Measurement(name, value, unit, Optional.of(new Baseline(baselineName, baselineValue)), true);
    }

    public Measurement withDetail(String newDetail) {
        return new Measurement(name, value, unit, baseline, higherIsBetter, Optional.of(newDetail));
    }

    public Optional<Double> ratio() {
        return baseline.map(base -> value / base.value());
    }

    public String line() {
        String figure = String.format(Locale.ROOT, "%-44s %,14.0f %-10s", name, value, unit);
        String compared = baseline.map(base -> figure + String.format(Locale.ROOT, "  %5.2f × %s (%,.0f %s)",
                value / base.value(), base.name(), base.value(), unit)).orElse(figure);
        return detail.map(text -> compared + "  " + text).orElse(compared);
    }
}
