package org.selfdata.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Finds whether one payee's lines, in one currency and one direction, come back on a schedule.
 *
 * <p>The period is the one whose band holds the median gap between lines, so that one missed or early payment does not
 * change it. The usual day is the middle of the lines' days around the cycle (a day of the week, of the month, of the
 * quarter or of the year), and each line is put in the schedule's slot nearest to it. The decision rests on the lines
 * within the period's tolerance of their slot: at least three of them (two for a yearly payment whose amount and day
 * agree), most of the payee's lines, most of the schedule's slots filled, and amounts no more spread than a variable
 * bill's, the highest at most {@value #WIDEST} times the lowest.
 * Once decided, a line further off (a bill paid a week early) fills its slot if nothing else does.
 */
final class RecurringDetection {
    /** The share of the schedule's dates that must have had their payment. */
    static final double REGULAR = 0.7;
    /** The share of the payee's lines that must follow the schedule: the rest are one-off purchases. */
    static final double FOLLOWING = 0.6;
    /** How far the amounts since the latest price change may stray from their middle, as a share of it. */
    static final double SPREAD = 0.3;
    /** How many times the lowest the highest of the amounts since the latest price change may be. */
    static final int WIDEST = 3;
    /** How far two yearly amounts may differ, as a share of the larger, to make a schedule with two payments only. */
    static final double YEARLY_AGREEMENT = 0.1;
    /** How many days apart in the year two yearly payments may fall to make a schedule with two payments only. */
    static final int YEARLY_DAYS = 7;
    /** How many months of the year a monthly flow may pause: a summer, not half the year. */
    static final int MOST_PAUSED = 3;

    private final String payee;
    private final String currency;
    private final boolean income;
    private final List<RecurringFlow.Occurrence> lines;
    /** The middle of all the payee's amounts. */
    private final BigDecimal middle;

    /** @param lines the payee's lines in the currency and direction, amounts positive */
    RecurringDetection(String payee, String currency, boolean income, List<RecurringFlow.Occurrence> lines) {
        this.payee = requireNonNull(payee, "payee is null");
        this.currency = requireNonNull(currency, "currency is null");
        this.income = income;
        this.lines = lines.stream().sorted(Comparator.comparing(RecurringFlow.Occurrence::day)
                .thenComparing(RecurringFlow.Occurrence::id)).toList();
        this.middle = this.lines.isEmpty() ? BigDecimal.ZERO : RecurringAmounts.middle(amounts(this.lines));
    }

    /** Adds the flow found to {@code flows}, or, for two lines that might be a schedule, the pair to {@code unsure}. */
    void into(LocalDate asOf, List<RecurringFlow> flows, List<RecurringFlows.Unsure> unsure) {
        if (lines.size() < 2) {
            return;
        }
        double gap = medianGap();
        for (RecurringPeriod period : RecurringPeriod.values()) {
            if (period.fits(gap)) {
                attempt(period, asOf, flows, unsure);
                return;
            }
        }
    }

    private void attempt(RecurringPeriod period, LocalDate asOf, List<RecurringFlow> flows,
            List<RecurringFlows.Unsure> unsure) {
        int position = middlePosition(period);
        TreeMap<Long, RecurringFlow.Occurrence> onTime = latestRun(period, slotted(period, position,
                period.toleranceDays(), new TreeMap<>()));
        if (onTime.size() < 2) {
            return;
        }
        LocalDate runStart = onTime.firstEntry().getValue().day().minusDays(period.toleranceDays());
        if (onTime.size() < FOLLOWING * lines.stream().filter(line -> !line.day().isBefore(runStart)).count()) {
            return;
        }
        List<RecurringFlow.Occurrence> onTimeLines = List.copyOf(onTime.values());
        if (onTime.size() == 2 && !(period == RecurringPeriod.YEARLY && yearlyPairAgrees(onTimeLines))) {
            if (lines.size() == 2) {
                unsure.add(new RecurringFlows.Unsure(payee, currency, income, period, onTimeLines));
            }
            return;
        }
        Set<Month> paused = paused(period, position, onTime);
        List<BigDecimal> recent = amounts(recent(onTimeLines, RecurringAmounts.priceChanges(onTimeLines)));
        if (onTime.size() < REGULAR * expected(period, position, onTime, paused) || RecurringAmounts.spread(recent) > SPREAD
                || Collections.max(recent).compareTo(Collections.min(recent).multiply(BigDecimal.valueOf(WIDEST))) > 0) {
            return;
        }
        TreeMap<Long, RecurringFlow.Occurrence> slots = new TreeMap<>(
                slotted(period, position, 2 * period.toleranceDays(), onTime).tailMap(onTime.firstKey(), true));
        flows.add(flow(period, position, slots, paused, asOf));
    }

    private RecurringFlow flow(RecurringPeriod period, int position, TreeMap<Long, RecurringFlow.Occurrence> slots,
            Set<Month> paused, LocalDate asOf) {
        List<RecurringFlow.Occurrence> occurrences = List.copyOf(slots.values());
        List<RecurringFlow.PriceChange> changes = RecurringAmounts.priceChanges(occurrences);
        List<BigDecimal> recent = amounts(recent(occurrences, changes));
        long nextSlot = slots.lastKey() + 1;
        while (paused.contains(period.month(nextSlot, position)) && nextSlot < slots.lastKey() + 12) {
            nextSlot++;
        }
        LocalDate next = period.date(nextSlot, position);
        long late = ChronoUnit.DAYS.between(next, asOf);
        RecurringFlow.Status status = late > 1.5 * period.days() ? RecurringFlow.Status.ENDED
                : late > period.toleranceDays() ? RecurringFlow.Status.LATE : RecurringFlow.Status.EXPECTED;
        int expected = expected(period, position, slots, paused);
        double spread = RecurringAmounts.spread(recent);
        double score = Math.min(1.0, (double) slots.size() / period.enough()) * Math.min(1.0, (double) slots.size() / expected)
                * (1 - Math.min(spread, 1.0) / 2);
        score = Math.round(score * 100) / 100.0;
        return new RecurringFlow(payee, currency, income, period, RecurringAmounts.middle(recent),
                recent.stream().min(Comparator.naturalOrder()).orElseThrow(),
                recent.stream().max(Comparator.naturalOrder()).orElseThrow(), recent.size(), occurrences.getLast().day(), next,
                status,
                paused, occurrences, changes, new RecurringFlow.Confidence(score, RecurringFlow.Confidence.Level.of(score),
                        expected, slots.size(), Math.round(spread * 1000) / 1000.0));
    }

    /**
     * The payments the typical amount and range are drawn from: those since the latest price change, within a year of the
     * latest payment, and at least the three latest of them.
     */
    private static List<RecurringFlow.Occurrence> recent(List<RecurringFlow.Occurrence> occurrences,
            List<RecurringFlow.PriceChange> changes) {
        LocalDate since = changes.isEmpty() ? LocalDate.MIN : changes.getLast().from();
        List<RecurringFlow.Occurrence> current = occurrences.stream().filter(each -> !each.day().isBefore(since)).toList();
        LocalDate yearBefore = current.getLast().day().minusYears(1);
        List<RecurringFlow.Occurrence> withinAYear = current.stream().filter(each -> each.day().isAfter(yearBefore)).toList();
        return withinAYear.size() >= 3 ? withinAYear : current.subList(Math.max(0, current.size() - 3), current.size());
    }

    /**
     * The lines within {@code tolerance} days of their slot's date, one per slot, one-off amounts left out, added to the
     * slots already filled without replacing any.
     */
    private TreeMap<Long, RecurringFlow.Occurrence> slotted(RecurringPeriod period, int position, int tolerance,
            Map<Long, RecurringFlow.Occurrence> filled) {
        TreeMap<Long, RecurringFlow.Occurrence> slots = new TreeMap<>(filled);
        for (RecurringFlow.Occurrence line : lines) {
            long slot = period.slot(line.day(), position);
            long off = distance(line.day(), period.date(slot, position));
            if (off > tolerance || filled.containsKey(slot) || oneOff(line)) {
                continue;
            }
            RecurringFlow.Occurrence kept = slots.get(slot);
            if (kept == null || fitsBetter(line, off, kept, distance(kept.day(), period.date(slot, position)))) {
                slots.put(slot, line);
            }
        }
        return slots;
    }

    /**
     * The slots from the latest break on: a silence of more than {@value #MOST_PAUSED} slots in a row, without a line of
     * the payee at all, ends a run, so that years-old lines of the same payee (a gift at Christmas long ago) neither
     * spoil a schedule begun since nor count as its missed payments. Lines off schedule in between are no silence: they
     * keep counting against the schedule. A run shorter than the period's enough is no schedule of its own: then the
     * slots are kept whole, breaks and all, so that three lines that happen to fall a month apart after a silence are
     * judged with the payee's other lines.
     */
    private TreeMap<Long, RecurringFlow.Occurrence> latestRun(RecurringPeriod period,
            TreeMap<Long, RecurringFlow.Occurrence> slots) {
        if (slots.isEmpty()) {
            return slots;
        }
        long start = slots.firstKey();
        Map.Entry<Long, RecurringFlow.Occurrence> previous = slots.firstEntry();
        for (Map.Entry<Long, RecurringFlow.Occurrence> slot : slots.entrySet()) {
            LocalDate after = previous.getValue().day();
            LocalDate before = slot.getValue().day();
            if (slot.getKey() - previous.getKey() > MOST_PAUSED + 1
                    && lines.stream().noneMatch(line -> line.day().isAfter(after) && line.day().isBefore(before))) {
                start = slot.getKey();
            }
            previous = slot;
        }
        return slots.tailMap(start, true).size() >= period.enough() ? new TreeMap<>(slots.tailMap(start, true)) : slots;
    }

    /** Whether a line's amount is more than {@value #WIDEST} times from the payee's middle, either way: a one-off. */
    private boolean oneOff(RecurringFlow.Occurrence line) {
        BigDecimal widest = BigDecimal.valueOf(WIDEST);
        return line.amount().compareTo(middle.multiply(widest)) > 0 || line.amount().multiply(widest).compareTo(middle) < 0;
    }

    /**
     * Of two lines in one slot, the one whose amount is nearer the payee's middle amount, as a one-off purchase on the
     * day of a subscription is not its payment; on equal amounts, the one nearer the slot's date.
     */
    private boolean fitsBetter(RecurringFlow.Occurrence line, long off, RecurringFlow.Occurrence kept, long keptOff) {
        int nearer = line.amount().subtract(middle).abs().compareTo(kept.amount().subtract(middle).abs());
        return nearer < 0 || nearer == 0 && off < keptOff;
    }

    /** How many of the schedule's slots lie from the first filled to the last, paused months left out. */
    private static int expected(RecurringPeriod period, int position, TreeMap<Long, RecurringFlow.Occurrence> slots,
            Set<Month> paused) {
        int expected = 0;
        for (long slot = slots.firstKey(); slot <= slots.lastKey(); slot++) {
            if (!paused.contains(period.month(slot, position))) {
                expected++;
            }
        }
        return expected;
    }

    /**
     * For a monthly flow seen over a year at least: the months of the year that never had a payment, each time missed
     * in a run of two months or more, such as July and August for a grant paid over the academic year; none when more
     * than {@value #MOST_PAUSED} months would be, as lines that skip half the year are no monthly schedule.
     */
    private static Set<Month> paused(RecurringPeriod period, int position, TreeMap<Long, RecurringFlow.Occurrence> slots) {
        Set<Month> paused = EnumSet.noneOf(Month.class);
        if (period != RecurringPeriod.MONTHLY || slots.lastKey() - slots.firstKey() + 1 < 12) {
            return paused;
        }
        Set<Month> paid = EnumSet.noneOf(Month.class);
        Set<Month> missedAlone = EnumSet.noneOf(Month.class);
        for (long slot = slots.firstKey(); slot <= slots.lastKey(); slot++) {
            Month month = period.month(slot, position);
            if (slots.containsKey(slot)) {
                paid.add(month);
            }
            else if (slots.containsKey(slot - 1) && slots.containsKey(slot + 1)) {
                missedAlone.add(month);
            }
            else {
                paused.add(month);
            }
        }
        paused.removeAll(paid);
        paused.removeAll(missedAlone);
        return paused.size() <= MOST_PAUSED ? paused : EnumSet.noneOf(Month.class);
    }

    private boolean yearlyPairAgrees(List<RecurringFlow.Occurrence> pair) {
        BigDecimal first = pair.getFirst().amount();
        BigDecimal second = pair.getLast().amount();
        BigDecimal larger = first.max(second);
        int apart = Math.abs(RecurringPeriod.YEARLY.position(pair.getFirst().day())
                - RecurringPeriod.YEARLY.position(pair.getLast().day()));
        return apart <= YEARLY_DAYS && first.subtract(second).abs()
                .compareTo(larger.multiply(BigDecimal.valueOf(YEARLY_AGREEMENT))) <= 0;
    }

    /** The position in the cycle nearest, around the cycle, to all the lines' positions. */
    private int middlePosition(RecurringPeriod period) {
        int cycle = period.cycle();
        int[] positions = lines.stream().mapToInt(line -> period.position(line.day())).toArray();
        int best = positions[0];
        long bestSum = Long.MAX_VALUE;
        for (int candidate : positions) {
            long sum = 0;
            for (int position : positions) {
                int apart = Math.abs(position - candidate);
                sum += Math.min(apart, cycle - apart);
            }
            if (sum < bestSum || sum == bestSum && candidate < best) {
                best = candidate;
                bestSum = sum;
            }
        }
        return best;
    }

    private double medianGap() {
        double[] gaps = new double[lines.size() - 1];
        for (int index = 1; index < lines.size(); index++) {
            gaps[index - 1] = ChronoUnit.DAYS.between(lines.get(index - 1).day(), lines.get(index).day());
        }
        Arrays.sort(gaps);
        int middle = gaps.length / 2;
        return gaps.length % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
    }

    private static long distance(LocalDate day, LocalDate other) {
        return Math.abs(ChronoUnit.DAYS.between(day, other));
    }

    private static List<BigDecimal> amounts(List<RecurringFlow.Occurrence> occurrences) {
        return occurrences.stream().map(RecurringFlow.Occurrence::amount).toList();
    }
}
