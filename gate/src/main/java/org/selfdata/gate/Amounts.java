package org.selfdata.gate;

import org.selfdata.model.AmountPrecision;
import tools.jackson.core.JsonGenerator;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static java.util.Objects.requireNonNull;

/**
 * Reduces amounts of money to an amount precision.
 *
 * <p>Rounding goes to the nearest step, halves away from zero. Bands follow a 1-2-5 series of sizes, 0 to 10, 10 to
 * 20, 20 to 50 and so on up to 10,000 and more, each band holding its lower bound and not its upper one; the sign is
 * kept apart ({@code -1} money out, {@code 1} money in, {@code 0} nothing), so that spending and income stay apart
 * while the band says only how large.
 */
public final class Amounts {
    private static final long[] BAND_BOUNDS = {0, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000};

    private final AmountPrecision precision;

    Amounts(AmountPrecision precision) {
        this.precision = requireNonNull(precision, "precision is null");
    }

    /**
     * The most a recipient can say of one amount at this precision: the amount itself, rounded to the step, the lower
     * bound of its band with its sign, or zero when amounts are not shared. For what selfdata works out, inside the
     * vault, from amounts as a recipient would receive them.
     */
    public static BigDecimal asReceived(AmountPrecision precision, BigDecimal amount) {
        return switch (precision.level()) {
            case EXACT -> amount;
            case ROUNDED -> rounded(precision, amount);
            case BANDED -> BigDecimal.valueOf(BAND_BOUNDS[band(amount.abs())] * amount.signum());
            case NONE -> BigDecimal.ZERO;
        };
    }

    /** Writes the property {@code name} with the amount reduced, or nothing at all when amounts are not shared. */
    void write(JsonGenerator json, String name, BigDecimal amount) {
        switch (precision.level()) {
            case EXACT -> {
                json.writeName(name);
                json.writeNumber(amount.toPlainString());
            }
            case ROUNDED -> {
                json.writeName(name);
                json.writeNumber(rounded(precision, amount).toBigIntegerExact());
            }
            case BANDED -> {
                json.writeName(name);
                writeBand(json, amount);
            }
            case NONE -> { }
        }
    }

    private static BigDecimal rounded(AmountPrecision precision, BigDecimal amount) {
        BigDecimal step = BigDecimal.valueOf(precision.step());
        return amount.divide(step).setScale(0, RoundingMode.HALF_UP).multiply(step);
    }

    /** The band an amount's size falls in, by the index of its lower bound. */
    private static int band(BigDecimal size) {
        int band = BAND_BOUNDS.length - 1;
        while (size.compareTo(BigDecimal.valueOf(BAND_BOUNDS[band])) < 0) {
            band--;
        }
        return band;
    }

    private static void writeBand(JsonGenerator json, BigDecimal amount) {
        int band = band(amount.abs());
        json.writeStartObject();
        json.writeNumberProperty("sign", amount.signum());
        json.writeNumberProperty("from", BAND_BOUNDS[band]);
        if (band + 1 < BAND_BOUNDS.length) {
            json.writeNumberProperty("to", BAND_BOUNDS[band + 1]);
        }
        json.writeEndObject();
    }
}
