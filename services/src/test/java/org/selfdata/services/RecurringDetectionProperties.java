package org.selfdata.services;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.selfdata.services.RecurringSchedules.date;
import static org.selfdata.services.RecurringSchedules.detect;
import static org.selfdata.services.RecurringSchedules.line;

/**
 * Generated schedules, weekly to yearly, paid up to three days off their date (one day for a weekly one), one payment
 * missed, amounts up to 10 % off, and a one-off purchase from the same payee: the period is found, and the next date is
 * within the days the payments strayed.
 */
class RecurringDetectionProperties {
    private static final LocalDate EPOCH = LocalDate.of(2015, 1, 1);

    @Property(tries = 400)
    void theScheduleIsFoundThroughJitterAMissedPaymentNoisyAmountsAndAStrayPurchase(
            @ForAll RecurringPeriod period,
            @ForAll @IntRange(min = 0, max = 3_650) int start,
            @ForAll @Size(min = 8, max = 30) List<@IntRange(min = -3, max = 3) Integer> jitters,
            @ForAll long seed,
            @ForAll @BigRange(min = "2", max = "900") @Scale(2) BigDecimal price,
            @ForAll @IntRange(min = 0, max = 29) int missed,
            @ForAll @IntRange(min = 0, max = 1_000) int stray) {
        int count = period == RecurringPeriod.YEARLY ? Math.min(jitters.size(), 6) : jitters.size();
        int reach = period == RecurringPeriod.WEEKLY ? 1 : 3;
        LocalDate first = EPOCH.plusDays(start);
        Random noise = new Random(seed);
        List<RecurringFlow.Occurrence> lines = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            if (index == missed && index > 0 && index < count - 1 && count >= 5) {
                continue;
            }
            int jitter = period == RecurringPeriod.WEEKLY ? Integer.signum(jitters.get(index)) : jitters.get(index);
            lines.add(line(date(period, first, index).plusDays(jitter), noisy(price, noise.nextInt(-10, 11))));
        }
        LocalDate last = lines.getLast().day();
        if (period != RecurringPeriod.YEARLY && period != RecurringPeriod.QUARTERLY) {
            lines.add(line(first.plusDays(stray % ChronoUnit.DAYS.between(first, last)), price.multiply(new BigDecimal("3.7"))));
        }

        RecurringSchedules.Found found = detect(lines, last);

        assertThat(found.flows()).singleElement().satisfies(flow -> {
            assertThat(flow.period()).isEqualTo(period);
            assertThat(Math.abs(ChronoUnit.DAYS.between(date(period, first, count), flow.next()))).isLessThanOrEqualTo(reach);
            assertThat(flow.status()).isEqualTo(RecurringFlow.Status.EXPECTED);
            assertThat(flow.typical()).isBetween(noisy(price, -10), noisy(price, 10));
            assertThat(flow.lowest()).isLessThanOrEqualTo(flow.typical());
            assertThat(flow.highest()).isGreaterThanOrEqualTo(flow.typical());
            assertThat(flow.priceChanges()).as("amounts that only vary are no price change").isEmpty();
        });
    }

    @Property(tries = 300)
    void aStepInTheAmountThatStaysIsAPriceChangeFromTheFirstPaymentAtTheNewPrice(
            @ForAll @IntRange(min = 0, max = 3_650) int start,
            @ForAll @Size(min = 8, max = 30) List<@IntRange(min = -3, max = 3) Integer> jitters,
            @ForAll @BigRange(min = "2", max = "900") @Scale(2) BigDecimal price,
            @ForAll @IntRange(min = 10, max = 60) int rise,
            @ForAll @IntRange(min = 3, max = 27) int step) {
        int at = Math.min(step, jitters.size() - RecurringAmounts.AT_EACH_LEVEL);
        BigDecimal raised = noisy(price, rise);
        LocalDate first = EPOCH.plusDays(start);
        List<RecurringFlow.Occurrence> lines = new ArrayList<>();
        for (int index = 0; index < jitters.size(); index++) {
            lines.add(line(date(RecurringPeriod.MONTHLY, first, index).plusDays(jitters.get(index)),
                    index < at ? price : raised));
        }

        RecurringSchedules.Found found = detect(lines, lines.getLast().day());

        assertThat(found.flows()).singleElement().satisfies(flow -> {
            assertThat(flow.priceChanges()).singleElement().isEqualTo(new RecurringFlow.PriceChange(lines.get(at).day(),
                    lines.get(at).id(), price, raised));
            assertThat(flow.typical()).isEqualTo(raised);
        });
    }

    @Property(tries = 300)
    void linesOnRandomDaysWithRandomAmountsAreNoSchedule(@ForAll @IntRange(min = 0, max = 3_650) int start,
            @ForAll @IntRange(min = 10, max = 40) int count, @ForAll long seed) {
        Random random = new Random(seed);
        LocalDate first = EPOCH.plusDays(start);
        List<RecurringFlow.Occurrence> lines = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            lines.add(line(first.plusDays(random.nextInt(730)), BigDecimal.valueOf(100 + random.nextInt(9_900), 2)));
        }

        assertThat(detect(lines, first.plusDays(730)).flows()).isEmpty();
    }

    private static BigDecimal noisy(BigDecimal price, int percent) {
        return price.multiply(BigDecimal.valueOf(100 + percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
    }
}
