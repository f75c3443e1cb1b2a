package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Locale;

/**
 * How precisely a recipient may learn an amount of money.
 *
 * <p>Ordered from exact to none. {@code rounded:N} rounds to the nearest N currency units (1, 10 or 100);
 * {@code banded} replaces the amount by a band such as 50–100, with its sign kept so that spending and income stay
 * apart; {@code none} leaves the amount out.
 *
 * @param level the kind of reduction
 * @param step the rounding step in currency units for {@link Level#ROUNDED}: 1, 10 or 100; 0 otherwise
 */
public record AmountPrecision(Level level, int step) {
    public static final AmountPrecision EXACT = new AmountPrecision(Level.EXACT, 0);
    public static final AmountPrecision BANDED = new AmountPrecision(Level.BANDED, 0);
    public static final AmountPrecision NONE = new AmountPrecision(Level.NONE, 0);

    public enum Level {
        EXACT, ROUNDED, BANDED, NONE
    }

    public AmountPrecision {
        if (level == null) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.amountPrecisionLevelMissing"));
        }
        if (level == Level.ROUNDED ? step != 1 && step != 10 && step != 100 : step != 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.amountStep"));
        }
    }

    public static AmountPrecision rounded(int step) {
        return new AmountPrecision(Level.ROUNDED, step);
    }

    /** Reads a term: {@code exact}, {@code rounded:1}, {@code rounded:10}, {@code rounded:100}, {@code banded}, {@code none}. */
    public static AmountPrecision parse(String term) {
        String text = term.strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "exact" -> EXACT;
            case "rounded", "rounded:1" -> rounded(1);
            case "rounded:10" -> rounded(10);
            case "rounded:100" -> rounded(100);
            case "banded" -> BANDED;
            case "none" -> NONE;
            default -> throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.amountPrecisionUnknown", Terms.bounded(term)));
        };
    }

    public String term() {
        return level == Level.ROUNDED ? "rounded:" + step : level.name().toLowerCase(Locale.ROOT);
    }

    private int rank() {
        return switch (level) {
            case EXACT -> 0;
            case ROUNDED -> step == 1 ? 1 : step == 10 ? 2 : 3;
            case BANDED -> 4;
            case NONE -> 5;
        };
    }

    /** True when this precision tells no more than {@code ceiling}. */
    public boolean isAtMost(AmountPrecision ceiling) {
        return rank() >= ceiling.rank();
    }

    @Override
    public String toString() {
        return term();
    }
}
