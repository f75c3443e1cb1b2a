package org.selfdata.services;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.selfdata.services.RecurringSchedules.detect;
import static org.selfdata.services.RecurringSchedules.line;

/** The cases budget apps are known to get wrong, each on lines written out by hand. */
class RecurringDetectionTest {
    @Test
    void aYearlyInsuranceSeenTwiceOnTheSameDayForNearlyTheSameAmountIsAYearlyFlowShownAsLessThanSure() {
        RecurringSchedules.Found found = detect(List.of(line(LocalDate.of(2024, 10, 14), "112.80"),
                line(LocalDate.of(2025, 10, 15), "116.20")), LocalDate.of(2026, 8, 31));

        assertThat(found.flows()).singleElement().satisfies(flow -> {
            assertThat(flow.period()).isEqualTo(RecurringPeriod.YEARLY);
            assertThat(flow.next()).isEqualTo(LocalDate.of(2026, 10, 14));
            assertThat(flow.status()).isEqualTo(RecurringFlow.Status.EXPECTED);
            assertThat(flow.typical()).isEqualByComparingTo("116.20");
            assertThat(flow.confidence().level()).isEqualTo(RecurringFlow.Confidence.Level.MEDIUM);
        });
    }

    @Test
    void twoYearlyPaymentsWhoseAmountsDisagreeAndTwoMonthlyOnesAreTooFewToCallASchedule() {
        RecurringSchedules.Found yearly = detect(List.of(line(LocalDate.of(2024, 10, 14), "112.80"),
                line(LocalDate.of(2025, 10, 14), "160.00")), LocalDate.of(2026, 8, 31));
        RecurringSchedules.Found monthly = detect(List.of(line(LocalDate.of(2025, 1, 3), "29.95"),
                line(LocalDate.of(2025, 2, 3), "29.95")), LocalDate.of(2025, 2, 20));

        assertThat(yearly.flows()).isEmpty();
        assertThat(yearly.unsure()).singleElement()
                .satisfies(unsure -> assertThat(unsure.period()).isEqualTo(RecurringPeriod.YEARLY));
        assertThat(monthly.flows()).isEmpty();
        assertThat(monthly.unsure()).singleElement().satisfies(unsure -> {
            assertThat(unsure.period()).isEqualTo(RecurringPeriod.MONTHLY);
            assertThat(unsure.occurrences()).hasSize(2);
        });
    }

    @Test
    void aBillPaidAWeekEarlyIsTheMonthsPaymentAndTheNextIsDueTheMonthAfter() {
        List<RecurringFlow.Occurrence> lines = monthly(LocalDate.of(2025, 1, 8), 6, "38.00");
        lines.add(line(LocalDate.of(2025, 7, 1), "38.00"));

        RecurringFlow flow = detect(lines, LocalDate.of(2025, 7, 5)).flows().getFirst();

        assertThat(flow.last()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(flow.next()).isEqualTo(LocalDate.of(2025, 8, 8));
        assertThat(flow.status()).isEqualTo(RecurringFlow.Status.EXPECTED);
        assertThat(flow.occurrences()).hasSize(7);
    }

    @Test
    void aMissedMonthMakesTheScheduleLateNotEndedAndOnlyOneAndAHalfMonthsPastTheDueDateEndsIt() {
        List<RecurringFlow.Occurrence> lines = monthly(LocalDate.of(2025, 1, 5), 8, "480.00");
        lines.remove(5);

        RecurringFlow missedInTheMiddle = detect(lines, LocalDate.of(2025, 8, 5)).flows().getFirst();
        RecurringFlow late = detect(lines, LocalDate.of(2025, 9, 20)).flows().getFirst();
        RecurringFlow ended = detect(lines, LocalDate.of(2025, 10, 23)).flows().getFirst();

        assertThat(missedInTheMiddle.status()).isEqualTo(RecurringFlow.Status.EXPECTED);
        assertThat(missedInTheMiddle.confidence().expected()).isEqualTo(8);
        assertThat(missedInTheMiddle.confidence().onSchedule()).isEqualTo(7);
        assertThat(late.status()).isEqualTo(RecurringFlow.Status.LATE);
        assertThat(late.next()).isEqualTo(LocalDate.of(2025, 9, 5));
        assertThat(ended.status()).isEqualTo(RecurringFlow.Status.ENDED);
    }

    @Test
    void aGrantPaidFromSeptemberToJunePausesInJulyAndAugustAndIsExpectedInSeptember() {
        List<RecurringFlow.Occurrence> lines = new ArrayList<>(monthly(LocalDate.of(2024, 9, 6), 10, "297.50"));
        lines.addAll(monthly(LocalDate.of(2025, 9, 6), 10, "297.50"));

        RecurringFlow grant = detect(lines, LocalDate.of(2026, 8, 31)).flows().getFirst();

        assertThat(grant.pausedMonths()).isEqualTo(Set.of(Month.JULY, Month.AUGUST));
        assertThat(grant.next()).isEqualTo(LocalDate.of(2026, 9, 6));
        assertThat(grant.status()).isEqualTo(RecurringFlow.Status.EXPECTED);
        assertThat(grant.confidence().expected()).isEqualTo(20);
    }

    @Test
    void aPhoneBillWithCallsAbroadNowAndThenGoesFromNineNinetyNineToTwelveNinetyNineInMarch() {
        List<RecurringFlow.Occurrence> lines = new ArrayList<>(monthly(LocalDate.of(2024, 9, 8), 6, "9.99"));
        lines.addAll(monthly(LocalDate.of(2025, 3, 8), 12, "12.99"));
        lines.set(2, line(LocalDate.of(2024, 11, 8), "13.42"));
        lines.set(10, line(LocalDate.of(2025, 7, 8), "17.05"));

        RecurringFlow phone = detect(lines, LocalDate.of(2026, 2, 20)).flows().getFirst();

        assertThat(phone.priceChanges()).extracting(RecurringFlow.PriceChange::from, RecurringFlow.PriceChange::before,
                RecurringFlow.PriceChange::after).containsExactly(tuple(
                        LocalDate.of(2025, 3, 8), new BigDecimal("9.99"), new BigDecimal("12.99")));
        assertThat(phone.typical()).isEqualByComparingTo("12.99");
        assertThat(phone.lowest()).isEqualByComparingTo("12.99");
        assertThat(phone.highest()).isEqualByComparingTo("17.05");
    }

    @Test
    void anEnergyBillThatFollowsTheSeasonsIsMonthlyWithItsRangeAndNoPriceChange() {
        String[] amounts = {"31.20", "38.90", "52.40", "61.75", "64.10", "57.30", "46.85", "39.40", "30.15", "27.60", "26.90",
            "28.35"};
        List<RecurringFlow.Occurrence> lines = new ArrayList<>();
        for (int month = 0; month < amounts.length; month++) {
            lines.add(line(LocalDate.of(2025, 9, 14).plusMonths(month), amounts[month]));
        }

        RecurringFlow energy = detect(lines, LocalDate.of(2026, 8, 20)).flows().getFirst();

        assertThat(energy.period()).isEqualTo(RecurringPeriod.MONTHLY);
        assertThat(energy.priceChanges()).isEmpty();
        assertThat(energy.typical()).as("the higher of the two middle amounts").isEqualByComparingTo("39.40");
        assertThat(energy.lowest()).isEqualByComparingTo("26.90");
        assertThat(energy.highest()).isEqualByComparingTo("64.10");
        assertThat(energy.confidence().level()).isEqualTo(RecurringFlow.Confidence.Level.HIGH);
    }

    @Test
    void christmasGiftsFromTheSamePayeeYearsBeforeNeitherSpoilNorJoinTheMonthlyTransferBegunSince() {
        List<RecurringFlow.Occurrence> lines = new ArrayList<>(List.of(line(LocalDate.of(2021, 12, 22), "75.00"),
                line(LocalDate.of(2022, 12, 22), "50.00"), line(LocalDate.of(2023, 12, 22), "100.00")));
        lines.addAll(monthly(LocalDate.of(2024, 9, 20), 24, "350.00"));

        RecurringFlow parents = detect(lines, LocalDate.of(2026, 8, 31)).flows().getFirst();

        assertThat(parents.occurrences()).hasSize(24).first()
                .satisfies(first -> assertThat(first.day()).isEqualTo(LocalDate.of(2024, 9, 20)));
        assertThat(parents.confidence().expected()).isEqualTo(24);
        assertThat(parents.typical()).isEqualByComparingTo("350.00");
    }

    private static List<RecurringFlow.Occurrence> monthly(LocalDate first, int count, String amount) {
        List<RecurringFlow.Occurrence> lines = new ArrayList<>();
        for (int month = 0; month < count; month++) {
            lines.add(line(first.plusMonths(month), amount));
        }
        return lines;
    }
}
