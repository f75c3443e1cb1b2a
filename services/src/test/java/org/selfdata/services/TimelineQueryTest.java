package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimelineQueryTest {
    @Test
    void withoutAStepTheNarrowestThatKeepsTheAnswerSmallIsChosen() {
        assertThat(query("2025-01-01", "2025-04-03", Optional.empty()).resolvedStep()).isEqualTo(TimelineStep.DAY);
        assertThat(query("2025-01-01", "2025-04-04", Optional.empty()).resolvedStep()).isEqualTo(TimelineStep.WEEK);
        assertThat(query("2024-01-01", "2026-01-01", Optional.empty()).resolvedStep()).isEqualTo(TimelineStep.WEEK);
        assertThat(query("2024-01-01", "2026-01-02", Optional.empty()).resolvedStep()).isEqualTo(TimelineStep.MONTH);
        assertThat(TimelineQuery.everything().resolvedStep()).isEqualTo(TimelineStep.MONTH);
    }

    @Test
    void daysOutsideTheYears0000To9999AreRefused() {
        assertThatThrownBy(() -> query("+999999999-12-31", "+999999999-12-31", Optional.empty()))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("a timeline's 'from' must be in the years 0000 to 9999")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> query("2025-01-01", "+10000-01-01", Optional.empty()))
                .hasMessage("a timeline's 'to' must be in the years 0000 to 9999");
    }

    @Test
    void aDayStepOverMoreThanTwoYearsIsRefusedRatherThanCoarsened() {
        assertThat(query("2024-01-01", "2026-01-01", Optional.of(TimelineStep.DAY)).resolvedStep())
                .isEqualTo(TimelineStep.DAY);
        assertThatThrownBy(() -> query("2024-01-01", "2026-01-02", Optional.of(TimelineStep.DAY)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("a timeline by day needs both 'from' and 'to', at most 731 days apart; count by month over a "
                        + "longer span")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void aWeekStepNeedsBothEndsAndAMonthStepNeitherOfThem() {
        assertThatThrownBy(() -> new TimelineQuery(Optional.of(LocalDate.parse("2025-01-01")), Optional.empty(),
                Optional.of(TimelineStep.WEEK), Set.of()))
                .hasMessageStartingWith("a timeline by week needs both 'from' and 'to', at most 3653 days apart");
        assertThat(new TimelineQuery(Optional.of(LocalDate.parse("2025-01-01")), Optional.empty(),
                Optional.of(TimelineStep.MONTH), Set.of()).resolvedStep()).isEqualTo(TimelineStep.MONTH);
    }

    @Test
    void theLastDayMustComeAfterTheFirst() {
        assertThatThrownBy(() -> query("2025-03-01", "2025-03-01", Optional.empty()))
                .hasMessage("a timeline's 'to' must be a later day than its 'from'");
        assertThatThrownBy(() -> query("2025-03-02", "2025-03-01", Optional.empty()))
                .hasMessage("a timeline's 'to' must be a later day than its 'from'");
    }

    @Test
    void stepsAreNamedInTheApiAndAnyOtherNameIsRefused() {
        assertThat(TimelineStep.fromTerm("week")).isEqualTo(TimelineStep.WEEK);
        assertThatThrownBy(() -> TimelineStep.fromTerm("fortnight"))
                .hasMessage("a timeline's step is one of day, week, month");
    }

    private static TimelineQuery query(String from, String to, Optional<TimelineStep> step) {
        return new TimelineQuery(Optional.of(LocalDate.parse(from)), Optional.of(LocalDate.parse(to)), step, Set.of());
    }
}
