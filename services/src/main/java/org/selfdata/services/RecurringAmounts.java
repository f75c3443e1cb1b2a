package org.selfdata.services;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** What a flow's amounts say: their middle, how spread they are, and the steps in them that lasted. */
final class RecurringAmounts {
    /** A price change leaves at least this many payments at each level. */
    static final int AT_EACH_LEVEL = 3;
    /** The share of the payments that the levels before and after a change must account for. */
    static final double EXPLAINED = 0.6;
    /**
     * How near a level an amount must be to be at it, as a share of the level, never less than {@link #CENTS}: a price is
     * paid to the cent, so amounts that vary (an energy bill, a salary) are seldom at any level and make no price change.
     */
    static final BigDecimal NEAR = new BigDecimal("0.005");
    static final BigDecimal CENTS = new BigDecimal("0.01");

    private RecurringAmounts() {}

    /** The middle amount: the higher of the two middle ones when their number is even, so it is an amount paid. */
    static BigDecimal middle(List<BigDecimal> amounts) {
        return amounts.stream().sorted().toList().get(amounts.size() / 2);
    }

    /** The amounts' median distance from their middle, as a share of it. */
    static double spread(List<BigDecimal> amounts) {
        BigDecimal middle = middle(amounts);
        if (middle.signum() == 0) {
            return 0;
        }
        BigDecimal distance = middle(amounts.stream().map(amount -> amount.subtract(middle).abs()).toList());
        return distance.divide(middle, 6, RoundingMode.HALF_EVEN).doubleValue();
    }

    /**
     * The steps in the amount that lasted: a split of the payments into a run before and a run after, at least
     * {@value #AT_EACH_LEVEL} near each run's middle, the first payment after at the new level, a step more than twice
     * the amounts' median distance from their level on either side, the two runs together accounting for
     * {@value #EXPLAINED} of the payments and for at least two more than one level alone does. Each run is split again
     * the same way, so a price raised twice gives two changes. Amounts that merely vary, as an energy bill's do, are
     * near no level often enough to make one.
     */
    static List<RecurringFlow.PriceChange> priceChanges(List<RecurringFlow.Occurrence> occurrences) {
        List<RecurringFlow.PriceChange> changes = new ArrayList<>();
        split(occurrences, changes);
        return changes;
    }

    private static void split(List<RecurringFlow.Occurrence> run, List<RecurringFlow.PriceChange> changes) {
        int size = run.size();
        if (size < 2 * AT_EACH_LEVEL) {
            return;
        }
        List<BigDecimal> amounts = run.stream().map(RecurringFlow.Occurrence::amount).toList();
        int alone = near(amounts, middle(amounts));
        int best = -1;
        int bestExplained = 0;
        for (int at = AT_EACH_LEVEL; at <= size - AT_EACH_LEVEL; at++) {
            BigDecimal before = middle(amounts.subList(0, at));
            BigDecimal after = middle(amounts.subList(at, size));
            if (isNear(after, before) || !isNear(amounts.get(at), after) || !standsOut(amounts.subList(0, at), before,
                    amounts.subList(at, size), after)) {
                continue;
            }
            int nearBefore = near(amounts.subList(0, at), before);
            int nearAfter = near(amounts.subList(at, size), after);
            if (nearBefore >= AT_EACH_LEVEL && nearAfter >= AT_EACH_LEVEL && nearBefore + nearAfter > bestExplained) {
                best = at;
                bestExplained = nearBefore + nearAfter;
            }
        }
        if (best < 0 || bestExplained < EXPLAINED * size || bestExplained < alone + 2) {
            return;
        }
        split(run.subList(0, best), changes);
        changes.add(new RecurringFlow.PriceChange(run.get(best).day(), run.get(best).id(), middle(amounts.subList(0, best)),
                middle(amounts.subList(best, size))));
        split(run.subList(best, size), changes);
    }

    /** Whether the step is more than twice as large as the amounts stray from their level on either side of it. */
    private static boolean standsOut(List<BigDecimal> before, BigDecimal beforeLevel, List<BigDecimal> after,
            BigDecimal afterLevel) {
        BigDecimal stray = distance(before, beforeLevel).max(distance(after, afterLevel));
        return afterLevel.subtract(beforeLevel).abs().compareTo(stray.multiply(BigDecimal.TWO)) > 0;
    }

    private static BigDecimal distance(List<BigDecimal> amounts, BigDecimal level) {
        return middle(amounts.stream().map(amount -> amount.subtract(level).abs()).toList());
    }

    private static int near(List<BigDecimal> amounts, BigDecimal level) {
        return (int) amounts.stream().filter(amount -> isNear(amount, level)).count();
    }

    private static boolean isNear(BigDecimal amount, BigDecimal level) {
        return amount.subtract(level).abs().compareTo(level.multiply(NEAR).max(CENTS)) <= 0;
    }
}
