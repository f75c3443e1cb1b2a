package org.selfdata.services;

import org.selfdata.texts.Wording;

import static java.util.Objects.requireNonNull;

/**
 * How sure a conclusion is, in numbers and in words.
 *
 * @param share the part of the evidence that points to the conclusion, from 0 to 1, such as the share of located
 *     nights spent at the place found as home
 */
public record RevealConfidence(double share, Level level) {
    public enum Level {
        HIGH, MEDIUM, LOW;

        public Wording wording() {
            return switch (this) {
                case HIGH -> Wording.of("reveal.confidence.high");
                case MEDIUM -> Wording.of("reveal.confidence.medium");
                case LOW -> Wording.of("reveal.confidence.low");
            };
        }
    }

    /** The confidence of a fact read from the records as they are, drawn from no share of them: a payee was paid. */
    static final RevealConfidence READ = new RevealConfidence(1, Level.HIGH);

    public RevealConfidence {
        requireNonNull(level, "level is null");
    }

    /** The confidence a share gives, medium from {@code mediumFrom} and high from {@code highFrom}, low below. */
    static RevealConfidence of(double share, double mediumFrom, double highFrom) {
        Level level = share >= highFrom ? Level.HIGH : share >= mediumFrom ? Level.MEDIUM : Level.LOW;
        return new RevealConfidence(share, level);
    }

    /** The share as a whole percentage, as a person reads it. */
    public int percent() {
        return (int) Math.round(share * 100);
    }
}
