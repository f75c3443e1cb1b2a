package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How precisely a recipient may learn when something happened: times are truncated, in the person's time zone,
 * to the start of their hour, day, ISO week (Monday) or month, and spans widened to whole units.
 */
public enum TimePrecision {
    EXACT, HOUR, DAY, WEEK, MONTH;

    public static TimePrecision parse(String term) {
        String text = term.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(value -> value.term().equals(text)).findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                        Wording.of("error.model.timePrecisionUnknown", Terms.bounded(term),
                                Arrays.stream(values()).map(TimePrecision::term).collect(Collectors.joining(", ")))));
    }

    public String term() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this precision tells no more than {@code ceiling}. */
    public boolean isAtMost(TimePrecision ceiling) {
        return compareTo(ceiling) >= 0;
    }
}
