package org.selfdata.model;

import java.util.List;
import java.util.Optional;

/**
 * A place the person corrected, with every correction they made of it, oldest first: the latest holds, unless it took
 * the correction back.
 */
public record CorrectedPlace(String key, List<PlaceCorrection> history) {
    public CorrectedPlace {
        PlaceCorrection.requireKey(key);
        history = List.copyOf(history);
        if (history.isEmpty() || history.stream().anyMatch(correction -> !correction.key().equals(key))) {
            throw new IllegalArgumentException("a corrected place has corrections, each of its own key");
        }
    }

    public PlaceCorrection latest() {
        return history.getLast();
    }

    /** What holds for the place: its latest correction, unless that took the correction back. */
    public Optional<PlaceCorrection> current() {
        return Optional.of(latest()).filter(correction -> correction.verdict() != PlaceVerdict.WITHDRAWN);
    }
}
