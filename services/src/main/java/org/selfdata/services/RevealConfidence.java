package org.selfdata.services;

import org.selfdata.texts.Wording;

import java.util.Locale;

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
            String key = "reveal.confidence." + name().toLowerCase(Locale.ROOT);
            return Wording.of(key);
        }
    }

    public RevealConfidence {
        requireNonNull(level, "level is null");
    }

    /** The share as a whole percentage, as a person reads it. */
    public int percent() {
        return (int) Math.round(share * 100);
    }
}
