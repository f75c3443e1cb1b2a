package org.selfdata.importers;

/**
 * Google's location exports give probabilities as fractions (0.85) in some versions and as percentages (85.0) in
 * others, sometimes both within one file. selfdata keeps fractions.
 */
final class Probabilities {
    private Probabilities() {}

    /**
     * A probability as a fraction. Whether the exporter wrote percentages is told by the caller, which knows the
     * field and its neighbours: a single value of 0.5 may be a fraction or half a percent.
     */
    static double fraction(double value, boolean percentages) {
        return percentages ? value / 100 : value;
    }

    /** Whether a value can only be a percentage: fractions never exceed 1. */
    static boolean isPercentage(double value) {
        return value > 1;
    }
}
