package org.selfdata.services;

import java.math.BigDecimal;
import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * An emission factor as the factors file gives it, shown beside every figure computed with it so that the person sees
 * what was multiplied by what, and where the multiplier comes from.
 *
 * @param key what it is the factor of, such as {@code electricity}, {@code train-regional} or {@code spending-groceries}
 * @param kilograms kilograms of CO2 equivalent per {@code unit}
 * @param unit {@code kWh}, {@code passenger-km} or {@code euro}
 * @param published the day the figure was published or read
 * @param source where it comes from
 */
public record CarbonFactor(String key, BigDecimal kilograms, String unit, LocalDate published, String source) {
    public CarbonFactor {
        requireNonNull(key, "key is null");
        requireNonNull(kilograms, "kilograms is null");
        requireNonNull(unit, "unit is null");
        requireNonNull(published, "published is null");
        requireNonNull(source, "source is null");
    }

    /** Whether the factor is a rough ratio per euro spent rather than a measure of what was used. */
    public boolean rough() {
        return CarbonFactors.EURO.equals(unit);
    }

    /** The kilograms of CO2 equivalent for that many units. */
    public double times(double units) {
        return kilograms.doubleValue() * units;
    }
}
