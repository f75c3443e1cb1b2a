package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.selfdata.model.TimePrecision;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Europe/Paris went from 02:00 to 03:00 on 30 March 2025, and back from 03:00 to 02:00 on 26 October 2025. */
class TimesTest {
    private static Times times(TimePrecision precision) {
        return new Times(precision, StoredRecords.PARIS);
    }

    @Test
    void theTwoLocalHoursBetweenTwoAndThreeOnTheNightClocksGoBackStayApart() {
        Times hours = times(TimePrecision.HOUR);
        // 02:30 summer time, then 02:30 winter time, one hour later.
        assertThat(hours.floor(Instant.parse("2025-10-26T00:30:00Z"))).isEqualTo(Instant.parse("2025-10-26T00:00:00Z"));
        assertThat(hours.floor(Instant.parse("2025-10-26T01:30:00Z"))).isEqualTo(Instant.parse("2025-10-26T01:00:00Z"));
        assertThat(hours.ceiling(Instant.parse("2025-10-26T00:30:00Z"))).isEqualTo(Instant.parse("2025-10-26T01:00:00Z"));
    }

    @Test
    void theDayClocksGoForwardHasTwentyThreeHours() {
        Times days = times(TimePrecision.DAY);
        assertThat(days.floor(Instant.parse("2025-03-30T10:00:00Z"))).isEqualTo(Instant.parse("2025-03-29T23:00:00Z"));
        assertThat(days.ceiling(Instant.parse("2025-03-30T10:00:00Z"))).isEqualTo(Instant.parse("2025-03-30T22:00:00Z"));
    }

    @Test
    void floorsGoingBackAndForthBetweenDaysEachGiveTheirOwnDaysStart() {
        Times days = times(TimePrecision.DAY);
        Instant beforeTheChange = Instant.parse("2025-03-29T10:00:00Z");
        Instant onTheChange = Instant.parse("2025-03-30T10:00:00Z");
        for (int round = 0; round < 3; round++) {
            assertThat(days.floor(beforeTheChange)).isEqualTo(Instant.parse("2025-03-28T23:00:00Z"));
            assertThat(days.floor(onTheChange)).isEqualTo(Instant.parse("2025-03-29T23:00:00Z"));
            assertThat(days.floor(onTheChange.plusSeconds(3_600))).isEqualTo(Instant.parse("2025-03-29T23:00:00Z"));
        }
        assertThat(days.floor(Instant.parse("1970-01-01T12:00:00Z"))).isEqualTo(Instant.parse("1969-12-31T23:00:00Z"));
    }

    @Test
    void aDayIsThePersonsDayNotUtcs() {
        // 23:30 UTC on 14 March is 00:30 on 15 March in Paris.
        assertThat(times(TimePrecision.DAY).floor(Instant.parse("2025-03-14T23:30:00Z")))
                .isEqualTo(Instant.parse("2025-03-14T23:00:00Z"));
    }

    @Test
    void aWeekStartsOnMondayAndMayEndInAnotherOffset() {
        Times weeks = times(TimePrecision.WEEK);
        // Sunday 26 October 2025, the day clocks go back: its week began on Monday 20 October, in summer time.
        assertThat(weeks.floor(Instant.parse("2025-10-26T12:00:00Z"))).isEqualTo(Instant.parse("2025-10-19T22:00:00Z"));
        assertThat(weeks.ceiling(Instant.parse("2025-10-26T12:00:00Z"))).isEqualTo(Instant.parse("2025-10-26T23:00:00Z"));
        assertThat(weeks.date(LocalDate.of(2025, 10, 26))).isEqualTo(LocalDate.of(2025, 10, 20));
        assertThat(weeks.date(LocalDate.of(2025, 10, 20))).isEqualTo(LocalDate.of(2025, 10, 20));
    }

    @Test
    void aMonthSpanningTheChangeOfClocksEndsInSummerTime() {
        Times months = times(TimePrecision.MONTH);
        assertThat(months.floor(Instant.parse("2025-03-30T10:00:00Z"))).isEqualTo(Instant.parse("2025-02-28T23:00:00Z"));
        assertThat(months.ceiling(Instant.parse("2025-03-30T10:00:00Z"))).isEqualTo(Instant.parse("2025-03-31T22:00:00Z"));
        assertThat(months.date(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2024, 2, 1));
    }

    @Test
    void anEndAlreadyOnABoundaryStaysWhereItIs() {
        Instant midnight = Instant.parse("2025-03-14T23:00:00Z");
        assertThat(times(TimePrecision.DAY).ceiling(midnight)).isEqualTo(midnight);
    }

    @Test
    void exactTimesAndDatesAreUnchanged() {
        Instant instant = Instant.parse("2025-10-26T01:30:00.123Z");
        assertThat(times(TimePrecision.EXACT).floor(instant)).isEqualTo(instant);
        assertThat(times(TimePrecision.EXACT).ceiling(instant)).isEqualTo(instant);
        assertThat(times(TimePrecision.HOUR).date(LocalDate.of(2025, 10, 26))).isEqualTo(LocalDate.of(2025, 10, 26));
    }
}
