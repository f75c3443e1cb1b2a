package org.selfdata.bench;

import java.util.Arrays;

/**
 * The rounds a benchmark repeats after its warm-up: a count within reach of a person waiting at a terminal, and the
 * best of them as the figure, since anything slower than the best was slowed by something else on the machine.
 */
final class Rounds {
    static final int MOST = 50;

    private Rounds() {}

    /** Refuses a count of rounds outside 1 to {@link #MOST}, naming the benchmark. */
    static int require(int rounds, String benchmark) {
        if (rounds < 1 || rounds > MOST) {
            throw new IllegalArgumentException("a " + benchmark + " benchmark measures from 1 to " + MOST
                    + " rounds after its warm-up");
        }
        return rounds;
    }

    /** The fastest of the rounds' nanoseconds. */
    static double best(long[] nanoseconds) {
        return Arrays.stream(nanoseconds).min().orElseThrow();
    }
}
