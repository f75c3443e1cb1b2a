package org.selfdata.services;

import java.util.ArrayDeque;

/**
 * The recent time spans of what the source recorded itself (visits, trips), so that what the points say about the
 * same moments is not counted a second time. Spans that can no longer overlap anything to come are forgotten, so the
 * pass holds a handful at a time however long the period.
 */
final class PlacesSpans {
    private final ArrayDeque<long[]> spans = new ArrayDeque<>();

    void add(long startMillis, long endMillis) {
        spans.addLast(new long[] {startMillis, endMillis});
    }

    void forgetEndingBefore(long millis) {
        spans.removeIf(span -> span[1] < millis);
    }

    /** Whether a span from start to end (both inclusive) shares a moment with one kept. */
    boolean overlaps(long startMillis, long endMillis) {
        for (long[] span : spans) {
            if (span[0] <= endMillis && span[1] >= startMillis) {
                return true;
            }
        }
        return false;
    }
}
