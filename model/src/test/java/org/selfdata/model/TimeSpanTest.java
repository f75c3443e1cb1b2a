package org.selfdata.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeSpanTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aDayInParisIsItsLocalMidnightToMidnight() {
        TimeSpan day = TimeSpan.day(LocalDate.of(2025, 7, 14), PARIS);

        assertThat(day.start()).isEqualTo(Instant.parse("2025-07-13T22:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2025-07-14T22:00:00Z"));
    }

    @Test
    void theDayClocksGoBackLastsTwentyFiveHours() {
        TimeSpan day = TimeSpan.day(LocalDate.of(2025, 10, 26), PARIS);

        assertThat(day.endMillis() - day.startMillis()).isEqualTo(25 * 3_600_000L);
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        TimeSpan span = TimeSpan.at(Instant.parse("2025-01-01T10:00:00.123456789Z"));

        assertThat(span.start()).isEqualTo(Instant.parse("2025-01-01T10:00:00.123Z"));
        assertThat(span.isInstant()).isTrue();
    }

    @Test
    void aSpanCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> TimeSpan.between(Instant.parse("2025-01-02T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z")))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("time span ends (2025-01-01T00:00:00Z) before it starts (2025-01-02T00:00:00Z)");
    }
}
