package org.selfdata.services;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The ways of travelling the carbon estimate tells apart, each with its factor per passenger-km in the factors file under
 * its term. Trams and metros share one factor, as their emissions per passenger are alike; a train is regional or
 * high-speed by its distance, a plane short, medium or long haul by its distance ({@link CarbonInference}).
 */
public enum CarbonMode {
    WALKING, CYCLING, TRAM_METRO, BUS, CAR, TRAIN_REGIONAL, TRAIN_HIGH_SPEED, PLANE_SHORT_HAUL, PLANE_MEDIUM_HAUL,
    PLANE_LONG_HAUL;

    /** The term the factors file and the API use, such as {@code train-regional}. */
    public String term() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<CarbonMode> fromTerm(String term) {
        return Arrays.stream(values()).filter(mode -> mode.term().equals(term)).findFirst();
    }
}
