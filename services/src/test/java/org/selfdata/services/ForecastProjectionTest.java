package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The forecast's arithmetic on flows written by hand: rent of 500.00 on the 5th and a grant of 800.00 on the 10th, from
 * a balance of 1,000.00 at the end of the 31st of January.
 */
class ForecastProjectionTest {
    private static final LocalDate END_OF_JANUARY = LocalDate.of(2026, 1, 31);
    private static final ForecastDays.Trend NONE = new ForecastDays.Trend(BigDecimal.ZERO, BigDecimal.ZERO, 90);
    private final AtomicLong numbers = new AtomicLong();

    @Test
    void rentOnTheFifthBeforeTheGrantOnTheTenthMakesTheFifthToTheNinthTheLowestAndSaysWhy() {
        RecurringFlow rent = monthly("FONCIA LOYER", false, LocalDate.of(2026, 2, 5), "500.00", "500.00", "500.00");
        RecurringFlow grant = monthly("CROUS BOURSE", true, LocalDate.of(2026, 2, 10), "800.00", "800.00", "800.00");

        ForecastDays forecast = new ForecastProjection(END_OF_JANUARY, 30)
                .project("EUR", true, new BigDecimal("1000.00"), NONE, List.of(rent, grant));

        assertThat(forecast.days()).hasSize(30);
        assertThat(balanceOn(forecast, 4)).isEqualByComparingTo("1000.00");
        assertThat(balanceOn(forecast, 5)).isEqualByComparingTo("500.00");
        assertThat(balanceOn(forecast, 9)).isEqualByComparingTo("500.00");
        assertThat(balanceOn(forecast, 10)).isEqualByComparingTo("1300.00");
        assertThat(forecast.lowest()).hasValueSatisfying(low -> {
            assertThat(low.from()).isEqualTo(LocalDate.of(2026, 2, 5));
            assertThat(low.to()).isEqualTo(LocalDate.of(2026, 2, 9));
            assertThat(low.balance()).isEqualByComparingTo("500.00");
            assertThat(low.payments()).extracting(ForecastDays.Due::payee).containsExactly("FONCIA LOYER");
            assertThat(low.relief()).hasValueSatisfying(relief -> {
                assertThat(relief.payee()).isEqualTo("CROUS BOURSE");
                assertThat(relief.day()).isEqualTo(LocalDate.of(2026, 2, 10));
            });
        });
        assertThat(forecast.days()).allSatisfy(day -> {
            assertThat(day.low()).isEqualByComparingTo(day.expected());
            assertThat(day.high()).isEqualByComparingTo(day.expected());
        });
    }

    @Test
    void overNinetyDaysEachMonthHasItsRentAndGrantAndTheDailySpendingMovesTheLowestToTheDayBeforeTheLastGrant() {
        RecurringFlow rent = monthly("FONCIA LOYER", false, LocalDate.of(2026, 2, 5), "500.00", "500.00", "500.00");
        RecurringFlow grant = monthly("CROUS BOURSE", true, LocalDate.of(2026, 2, 10), "800.00", "800.00", "800.00");
        ForecastDays.Trend spending = new ForecastDays.Trend(new BigDecimal("-10.00"), BigDecimal.ZERO, 90);

        ForecastDays forecast = new ForecastProjection(END_OF_JANUARY, 90)
                .project("EUR", true, new BigDecimal("1000.00"), spending, List.of(rent, grant));

        assertThat(forecast.dues()).extracting(ForecastDays.Due::day).containsExactly(LocalDate.of(2026, 2, 5),
                LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 5),
                LocalDate.of(2026, 4, 10));
        assertThat(forecast.days().getLast().day()).isEqualTo(LocalDate.of(2026, 5, 1));
        // 1000 + 3 × (800 − 500) − 90 × 10
        assertThat(forecast.days().getLast().expected()).isEqualByComparingTo("1000.00");
        // Lowest on the 9th of February: 1000 − 500 − 9 × 10; the following months start 300 − 280 higher each time.
        assertThat(forecast.lowest()).hasValueSatisfying(low -> {
            assertThat(low.balance()).isEqualByComparingTo("410.00");
            assertThat(low.from()).isEqualTo(LocalDate.of(2026, 2, 5));
            assertThat(low.to()).isEqualTo(LocalDate.of(2026, 2, 9));
        });
    }

    @Test
    void theBandTakesEachDuesRangeOnTheSideItMovesAndWidensWithTheSquareRootOfTheDaysAhead() {
        RecurringFlow energy = monthly("EDF", false, LocalDate.of(2026, 2, 12), "60.00", "40.00", "90.00");
        ForecastDays.Trend varying = new ForecastDays.Trend(BigDecimal.ZERO, new BigDecimal("20.00"), 90);

        ForecastDays forecast = new ForecastProjection(END_OF_JANUARY, 30)
                .project("EUR", false, BigDecimal.ZERO, varying, List.of(energy));

        ForecastDays.Day first = forecast.days().getFirst();
        assertThat(first.low()).isEqualByComparingTo(cents(-20 * ForecastProjection.Z));
        assertThat(first.high()).isEqualByComparingTo(cents(20 * ForecastProjection.Z));
        ForecastDays.Day sixteenth = forecast.days().get(15);
        assertThat(sixteenth.expected()).isEqualByComparingTo("-60.00");
        assertThat(sixteenth.low()).isEqualByComparingTo(cents(-60 - 30 - 20 * ForecastProjection.Z * 4));
        assertThat(sixteenth.high()).isEqualByComparingTo(cents(-60 + 20 + 20 * ForecastProjection.Z * 4));
        assertThat(forecast.fromStatement()).isFalse();
    }

    @Test
    void aPaymentLateOnTheDayOfTheForecastOnlyWidensTheBandOnTheNextDayAndAnEndedOneIsNotDueAtAll() {
        RecurringFlow late = flow("NETFLIX", false, RecurringPeriod.MONTHLY, LocalDate.of(2026, 1, 22), "13.49", "13.49",
                "13.49", RecurringFlow.Status.LATE, Set.of());
        RecurringFlow ended = flow("SALLE DE SPORT", false, RecurringPeriod.MONTHLY, LocalDate.of(2025, 11, 3), "29.99",
                "29.99", "29.99", RecurringFlow.Status.ENDED, Set.of());

        List<ForecastDays.Due> dues = new ForecastProjection(END_OF_JANUARY, 30).dues(List.of(late, ended));

        assertThat(dues).extracting(ForecastDays.Due::day, ForecastDays.Due::late).containsExactly(
                tuple(LocalDate.of(2026, 2, 1), true),
                tuple(LocalDate.of(2026, 2, 22), false));
        ForecastDays forecast = new ForecastProjection(END_OF_JANUARY, 30)
                .project("EUR", true, new BigDecimal("100.00"), NONE, List.of(late, ended));
        assertThat(forecast.days().getFirst().expected()).isEqualByComparingTo("100.00");
        assertThat(forecast.days().getFirst().low()).isEqualByComparingTo("86.51");
        assertThat(forecast.days().getFirst().high()).isEqualByComparingTo("100.00");
        assertThat(forecast.days().getLast().expected()).isEqualByComparingTo("86.51");
    }

    @Test
    void aPaymentWhoseDateHasJustPassedWithinItsToleranceIsCountedOnTheNextDay() {
        RecurringFlow justPast = flow("NETFLIX", false, RecurringPeriod.MONTHLY, LocalDate.of(2026, 1, 29), "13.49", "13.49",
                "13.49", RecurringFlow.Status.EXPECTED, Set.of());

        ForecastDays forecast = new ForecastProjection(END_OF_JANUARY, 30)
                .project("EUR", true, new BigDecimal("100.00"), NONE, List.of(justPast));

        assertThat(forecast.dues()).extracting(ForecastDays.Due::day, ForecastDays.Due::late)
                .containsExactly(tuple(LocalDate.of(2026, 2, 1), false), tuple(LocalDate.of(2026, 2, 28), false));
        assertThat(forecast.days().getFirst().expected()).isEqualByComparingTo("86.51");
    }

    @Test
    void pausedMonthsAreSkippedAndARentOfTheThirtyFirstComesBackOnTheThirtyFirstAfterAShortMonth() {
        RecurringFlow grant = flow("CROUS BOURSE", true, RecurringPeriod.MONTHLY, LocalDate.of(2026, 6, 10), "800.00",
                "800.00", "800.00", RecurringFlow.Status.EXPECTED, Set.of(Month.JULY, Month.AUGUST));
        RecurringFlow rent = monthly("LOYER", false, LocalDate.of(2026, 4, 30), "500.00", "500.00", "500.00",
                LocalDate.of(2026, 1, 31), LocalDate.of(2026, 3, 31));

        assertThat(ForecastProjection.dates(grant, LocalDate.of(2026, 10, 31))).containsExactly(LocalDate.of(2026, 6, 10),
                LocalDate.of(2026, 9, 10), LocalDate.of(2026, 10, 10));
        assertThat(ForecastProjection.dates(rent, LocalDate.of(2026, 7, 31))).containsExactly(LocalDate.of(2026, 4, 30),
                LocalDate.of(2026, 5, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 31));
    }

    private static BigDecimal balanceOn(ForecastDays forecast, int dayOfFebruary) {
        return forecast.days().stream().filter(day -> day.day().equals(LocalDate.of(2026, 2, dayOfFebruary))).findFirst()
                .orElseThrow().expected();
    }

    private static BigDecimal cents(double amount) {
        return ForecastProjection.cents(BigDecimal.valueOf(amount));
    }

    private RecurringFlow monthly(String payee, boolean income, LocalDate next, String typical, String lowest,
            String highest, LocalDate... paid) {
        RecurringFlow flow = flow(payee, income, RecurringPeriod.MONTHLY, next, typical, lowest, highest,
                RecurringFlow.Status.EXPECTED, Set.of());
        List<RecurringFlow.Occurrence> occurrences = Arrays.stream(paid).map(day -> new RecurringFlow.Occurrence(
                new RecordId(RecordType.BANK_TRANSACTION, 0, numbers.incrementAndGet()), day, new BigDecimal(typical)))
                .toList();
        return new RecurringFlow(flow.payee(), flow.currency(), flow.income(), flow.period(), flow.typical(), flow.lowest(),
                flow.highest(), flow.recent(), flow.last(), flow.next(), flow.status(), flow.pausedMonths(), occurrences,
                flow.priceChanges(), flow.confidence());
    }

    private static RecurringFlow flow(String payee, boolean income, RecurringPeriod period, LocalDate next, String typical,
            String lowest, String highest, RecurringFlow.Status status, Set<Month> paused) {
        return new RecurringFlow(payee, "EUR", income, period, new BigDecimal(typical), new BigDecimal(lowest),
                new BigDecimal(highest), 6, next.minusMonths(1), next, status, paused, List.of(), List.of(),
                new RecurringFlow.Confidence(1, RecurringFlow.Confidence.Level.HIGH, 6, 6, 0));
    }
}
