package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.PersonId;
import org.selfdata.model.Precision;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimePrecision;
import org.selfdata.texts.Language;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrantScopeTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant GIVEN = Instant.parse("2026-11-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void aQueryForEverythingIsNarrowedToTheGrantedTypesAndPeriod() {
        Grant grant = grant(GrantKind.READ, Set.of(RecordType.GEO_POINT), Set.of(), CoveredPeriod.fromGrant(), 100);

        RecordQuery narrowed = GrantScope.narrow(grant, RecordQuery.all(), NOW, PARIS, 0).orElseThrow();

        assertThat(narrowed.types()).containsExactly(RecordType.GEO_POINT);
        assertThat(narrowed.from()).contains(GIVEN);
        assertThat(narrowed.to()).isEmpty();
        assertThat(narrowed.limit()).isEqualTo(100);
    }

    @Test
    void aCategoryGrantCoversEveryTypeWithinIt() {
        Grant grant = grant(GrantKind.READ, Set.of(), Set.of(Category.LOCATION), CoveredPeriod.fromGrant(), 100);

        assertThat(GrantScope.readableTypes(grant.terms()))
                .containsExactlyInAnyOrder(RecordType.GEO_POINT, RecordType.GEO_VISIT, RecordType.GEO_TRIP);
    }

    @Test
    void aTypeOutsideTheGrantIsRefusedNamingTheMissingScope() {
        Grant grant = grant(GrantKind.READ, Set.of(RecordType.GEO_POINT), Set.of(), CoveredPeriod.fromGrant(), 100);

        assertThatThrownBy(() -> GrantScope.narrow(grant, RecordQuery.ofType(RecordType.BANK_TRANSACTION), NOW, PARIS, 0))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("grant grant-0001 does not cover bank.transaction (missing scope); it covers geo.point");
    }

    @Test
    void aCategoryOutsideTheGrantIsRefused() {
        Grant grant = grant(GrantKind.READ, Set.of(RecordType.GEO_POINT), Set.of(), CoveredPeriod.fromGrant(), 100);

        assertThatThrownBy(() -> GrantScope.narrow(grant, RecordQuery.all().withCategories(Set.of(Category.FINANCIAL)),
                NOW, PARIS, 0))
                .hasMessage("grant grant-0001 does not cover the category pd:Financial (missing scope)");
    }

    @Test
    void aTrailingPeriodStartsThatLongBeforeTheRequestInThePersonsZone() {
        Grant grant = grant(GrantKind.READ, Set.of(RecordType.GEO_POINT), Set.of(),
                CoveredPeriod.trailing(Period.ofMonths(3)), 100);

        RecordQuery narrowed = GrantScope.narrow(grant, RecordQuery.all(), NOW, PARIS, 0).orElseThrow();

        assertThat(narrowed.from()).as("13:00 in Paris, summer time in August")
                .contains(Instant.parse("2026-08-24T11:00:00Z"));
    }

    @Test
    void anAskedWindowInsideTheCoveredPeriodIsKeptAndOneBeforeItReadsNothing() {
        Grant grant = grant(GrantKind.READ, Set.of(RecordType.GEO_POINT), Set.of(), CoveredPeriod.fromGrant(), 100);
        Instant laterStart = Instant.parse("2026-11-10T00:00:00Z");

        RecordQuery inside = GrantScope.narrow(grant, RecordQuery.all().between(Optional.of(laterStart), Optional.empty()),
                NOW, PARIS, 0).orElseThrow();
        Optional<RecordQuery> before = GrantScope.narrow(grant, RecordQuery.all().between(Optional.empty(),
                Optional.of(Instant.parse("2026-10-01T00:00:00Z"))), NOW, PARIS, 0);

        assertThat(inside.from()).contains(laterStart);
        assertThat(before).isEmpty();
    }

    @Test
    void theDailyVolumeCapsThePageAndOnceUsedUpRefuses() {
        Grant grant = grant(GrantKind.READ, Set.of(RecordType.GEO_POINT), Set.of(), CoveredPeriod.fromGrant(), 100);

        assertThat(GrantScope.narrow(grant, RecordQuery.all().limit(50), NOW, PARIS, 70).orElseThrow().limit())
                .isEqualTo(30);
        assertThatThrownBy(() -> GrantScope.narrow(grant, RecordQuery.all(), NOW, PARIS, 100))
                .hasMessage("grant grant-0001 allows 100 records a day and they have been read; try again later");
    }

    @Test
    void aWithdrawnOrExpiredOrWriteGrantReadsNothing() {
        Grant grant = grant(GrantKind.READ, Set.of(RecordType.GEO_POINT), Set.of(), CoveredPeriod.fromGrant(), 100);

        assertThatThrownBy(() -> GrantScope.narrow(grant.withdrawn(NOW.minusSeconds(1)), RecordQuery.all(), NOW, PARIS, 0))
                .hasMessage("grant grant-0001 was withdrawn");
        assertThatThrownBy(() -> GrantScope.narrow(grant, RecordQuery.all(), GIVEN.plus(Duration.ofDays(30)), PARIS, 0))
                .hasMessage("grant grant-0001 has expired");
        assertThatThrownBy(() -> GrantScope.narrow(grant(GrantKind.WRITE, Set.of(RecordType.GEO_POINT), Set.of(),
                CoveredPeriod.fromGrant(), 100), RecordQuery.all(), NOW, PARIS, 0))
                .hasMessage("grant grant-0001 lets its recipient push records into the vault, not read them "
                        + "(missing scope: read)");
    }

    @Test
    void aWithdrawnGrantIsSaidInFrenchAndTheDailyVolumeToo() {
        Grant grant = grant(GrantKind.READ, Set.of(RecordType.GEO_POINT), Set.of(), CoveredPeriod.fromGrant(), 100);

        assertThatThrownBy(() -> GrantScope.narrow(grant.withdrawn(NOW.minusSeconds(1)), RecordQuery.all(), NOW, PARIS, 0))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal.message(Language.FRENCH))
                        .isEqualTo("l’autorisation grant-0001 a été retirée"));
        assertThatThrownBy(() -> GrantScope.narrow(grant, RecordQuery.all(), NOW, PARIS, 100))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> assertThat(refusal.message(Language.FRENCH))
                        .isEqualTo("l’autorisation grant-0001 permet 100 enregistrements par jour, et ils ont été lus ; "
                                + "réessayez plus tard"));
    }

    @Test
    void anAskedBoundInsideADayMovesToTheEndOfThatDayInThePersonsZone() {
        Grant grant = grant(GrantKind.READ, Set.of(RecordType.GEO_POINT), Set.of(), CoveredPeriod.fromGrant(), 100,
                TimePrecision.DAY);

        RecordQuery narrowed = GrantScope.narrow(grant, RecordQuery.all().between(
                Optional.of(Instant.parse("2026-11-10T10:30:00.123Z")), Optional.of(Instant.parse("2026-11-12T23:00:00Z"))),
                NOW, PARIS, 0).orElseThrow();

        assertThat(narrowed.from()).as("midnight in Paris after 10:30").contains(Instant.parse("2026-11-10T23:00:00Z"));
        assertThat(narrowed.to()).as("a bound at midnight in Paris stays").contains(Instant.parse("2026-11-12T23:00:00Z"));
    }

    @Test
    void theGrantsOwnPeriodKeepsOnlyTheWholeUnitsItCovers() {
        Grant grant = grant(GrantKind.READ, Set.of(RecordType.GEO_POINT), Set.of(), new CoveredPeriod.Between(
                Instant.parse("2026-10-03T14:00:00Z"), Instant.parse("2026-10-29T06:00:00Z")), 100, TimePrecision.WEEK);

        RecordQuery narrowed = GrantScope.narrow(grant, RecordQuery.all(), NOW, PARIS, 0).orElseThrow();

        assertThat(narrowed.from()).as("the Monday after 3 October, in Paris").contains(Instant.parse("2026-10-04T22:00:00Z"));
        assertThat(narrowed.to()).as("the Monday before 29 October, in Paris, winter time")
                .contains(Instant.parse("2026-10-25T23:00:00Z"));
    }

    @Test
    void aPeriodShorterThanItsUnitReadsNothing() {
        Grant grant = grant(GrantKind.READ, Set.of(RecordType.GEO_POINT), Set.of(), new CoveredPeriod.Between(
                Instant.parse("2026-10-03T14:00:00Z"), Instant.parse("2026-10-29T06:00:00Z")), 100, TimePrecision.MONTH);

        assertThat(GrantScope.narrow(grant, RecordQuery.all(), NOW, PARIS, 0)).isEmpty();
    }

    static Grant grant(GrantKind kind, Set<RecordType> types, Set<Category> categories, CoveredPeriod covered, int volume) {
        return grant(kind, types, categories, covered, volume, TimePrecision.EXACT);
    }

    static Grant grant(GrantKind kind, Set<RecordType> types, Set<Category> categories, CoveredPeriod covered, int volume,
                       TimePrecision time) {
        GrantTerms terms = new GrantTerms(RecipientId.of("regional-alerts"), 1, kind, Purpose.COMMUNICATION_MANAGEMENT,
                "notifications by region", LegalBasis.CONSENT, types, categories, Set.of(),
                Precision.EXACT.withLocation(LocationPrecision.REGION).withTime(time), covered, GIVEN,
                GIVEN.plus(Duration.ofDays(30)), Duration.ofDays(30), volume);
        return new Grant(GrantId.of("grant-0001"), PersonId.of(1), terms, GIVEN, Optional.empty());
    }
}
