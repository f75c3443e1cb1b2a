package org.selfdata.model;

import org.junit.jupiter.api.Test;
import org.selfdata.texts.Language;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeLimitsTest {
    /** Instants Java reads but selfdata refuses, from a billion years out to a millisecond outside. */
    private static final List<Instant> OUTSIDE = List.of(Instant.parse("+999999999-12-31T23:59:59Z"),
            Instant.parse("-999999999-01-01T00:00:00Z"), Instant.parse("+10000-01-01T00:00:00Z"),
            Instant.parse("-0001-12-31T23:59:59.999Z"), Instant.MAX, Instant.MIN);

    @Test
    void readsTimesInTheYears0000To9999AndNothingFurther() {
        assertThat(TimeLimits.instant("0000-01-01T00:00:00Z")).contains(TimeLimits.START);
        assertThat(TimeLimits.instant("9999-12-31T23:59:59.999999999Z")).contains(TimeLimits.END.minusNanos(1));
        assertThat(TimeLimits.instant("+10000-01-01T00:00:00Z")).isEmpty();
        assertThat(TimeLimits.instant("-0001-12-31T23:59:59Z")).isEmpty();
        assertThat(TimeLimits.instant("+999999999-12-31T23:59:59Z")).isEmpty();
        assertThat(TimeLimits.instant("yesterday")).isEmpty();
        assertThat(TimeLimits.day("9999-12-31")).contains(LocalDate.of(9999, 12, 31));
        assertThat(TimeLimits.day("+10000-01-01")).isEmpty();
        assertThat(TimeLimits.day("-999999999-01-01")).isEmpty();
        assertThat(TimeLimits.day("2025-02-30")).isEmpty();
        assertThat(TimeLimits.month("0000-01")).contains(YearMonth.of(0, 1));
        assertThat(TimeLimits.month("+999999999-12")).isEmpty();
        assertThat(TimeLimits.month("2025-13")).isEmpty();
    }

    @Test
    void aQueryRefusesAWindowOutsideTheYears0000To9999AsAnInvalidArgument() {
        for (Instant far : OUTSIDE) {
            assertThatThrownBy(() -> RecordQuery.all().between(Optional.of(far), Optional.empty()))
                    .as(far.toString()).isInstanceOf(SelfdataException.class)
                    .hasMessage("the time window's start must be in the years 0000 to 9999")
                    .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
            assertThatThrownBy(() -> RecordQuery.all().between(Optional.empty(), Optional.of(far)))
                    .as(far.toString()).isInstanceOf(SelfdataException.class)
                    .hasMessage("the time window's end must be in the years 0000 to 9999");
        }
    }

    @Test
    void aRecordsSpanRefusesATimeOutsideTheYears0000To9999AsUnreadableInput() {
        for (Instant far : OUTSIDE) {
            assertThatThrownBy(() -> TimeSpan.at(far)).as(far.toString()).isInstanceOf(SelfdataException.class)
                    .hasMessage("a time must be in the years 0000 to 9999")
                    .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
        }
        assertThatThrownBy(() -> TimeSpan.day(LocalDate.of(99_999, 1, 1), ZoneOffset.UTC))
                .hasMessage("a time must be in the years 0000 to 9999");
    }

    @Test
    void aGrantsValidityAndCoveredPeriodRefuseTimesOutsideTheYears0000To9999() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Instant far = Instant.parse("+999999999-12-31T23:59:59Z");

        assertThatThrownBy(() -> new GrantTerms(RecipientId.of("budget-malin"), 1, GrantKind.READ, Purpose.SERVICE_PROVISION,
                "budget", LegalBasis.CONSENT, Set.of(RecordType.BANK_TRANSACTION), Set.of(), Set.of(), Precision.EXACT,
                CoveredPeriod.trailing(Period.ofYears(1)), now, far, Duration.ofDays(30), 1_000))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("a grant's validity must be in the years 0000 to 9999")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
        assertThatThrownBy(() -> new CoveredPeriod.Between(now, far))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("a covered period must be in the years 0000 to 9999");
    }

    @Test
    void aDayIsTheStartOfThatDayInTheGivenZone() {
        ZoneId paris = ZoneId.of("Europe/Paris");

        assertThat(TimeLimits.dayOrInstant("2014-01-01", paris)).contains(Instant.parse("2013-12-31T23:00:00Z"));
        assertThat(TimeLimits.dayOrInstant("2014-07-01", paris)).contains(Instant.parse("2014-06-30T22:00:00Z"));
        assertThat(TimeLimits.dayOrInstant("2014-01-01T00:00:00Z", paris)).contains(Instant.parse("2014-01-01T00:00:00Z"));
        assertThat(TimeLimits.dayOrInstant("0000-01-01", ZoneId.of("Europe/Paris"))).isEmpty();
        assertThat(TimeLimits.dayOrInstant("2014-02-30", paris)).isEmpty();
        assertThat(TimeLimits.dayOrInstant("yesterday", paris)).isEmpty();
    }

    @Test
    void aTimeOutsideTheYears0000To9999IsRefusedInFrenchNamingWhichTime() {
        assertThatThrownBy(() -> RecordQuery.all().between(Optional.of(Instant.parse("+10000-01-01T00:00:00Z")),
                Optional.empty()))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal.message(Language.FRENCH))
                        .isEqualTo("le début de la fenêtre de temps doit se situer entre les années 0000 et 9999"));
        assertThatThrownBy(() -> LocationPrecision.parse("street"))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal.message(Language.FRENCH))
                        .isEqualTo("précision des lieux inconnue « street » ; choisissez exact, h3:0 à h3:15, commune, "
                                + "department, region, country ou none"));
    }
}
