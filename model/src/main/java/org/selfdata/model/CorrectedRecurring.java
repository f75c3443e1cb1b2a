package org.selfdata.model;

import java.util.List;
import java.util.Optional;

/**
 * A recurring payment or income the person corrected, with every correction they made of it, oldest first: the latest
 * holds, unless it took the correction back.
 */
public record CorrectedRecurring(String key, List<RecurringCorrection> history) {
    public CorrectedRecurring {
        RecurringCorrection.requireKey(key);
        history = List.copyOf(history);
        if (history.isEmpty() || history.stream().anyMatch(correction -> !correction.key().equals(key))) {
            throw new IllegalArgumentException("a corrected flow has corrections, each of its own key");
        }
    }

    public RecurringCorrection latest() {
        return history.getLast();
    }

    /** What holds for the flow: its latest correction, unless that took the correction back. */
    public Optional<RecurringCorrection> current() {
        return Optional.of(latest()).filter(correction -> correction.verdict() != RecurringVerdict.WITHDRAWN);
    }
}
