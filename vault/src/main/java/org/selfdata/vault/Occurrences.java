package org.selfdata.vault;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers identical records within one file: the first coffee of the day at 1.20 is occurrence 1, the second
 * occurrence 2. The vault keeps a record unless it already holds that fingerprint with that occurrence, so
 * importing the file again, or an export that overlaps it, adds nothing, while the second coffee is never taken
 * for a copy of the first.
 *
 * <p>Only types whose identical records are distinct facts are counted, which keeps this map as small as a
 * bank statement however large the location history imported beside it.
 */
final class Occurrences {
    private final Map<Long, Integer> seen = new HashMap<>();

    int next(long fingerprint) {
        return seen.merge(fingerprint, 1, Integer::sum);
    }
}
