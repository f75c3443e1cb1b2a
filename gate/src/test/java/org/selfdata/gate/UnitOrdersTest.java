package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.Purpose;
import org.selfdata.model.PersonId;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.SampleRecipients;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class UnitOrdersTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant DAY = Instant.parse("2015-10-09T22:00:00Z");

    private final SteppingClock clock = new SteppingClock(NOW);
    private final UnitOrders orders = new UnitOrders(clock);

    @Test
    void aKeptOrderIsFoundOnlyUnderEverythingItDependsOn() {
        UnitOrders.Unit day = unit(PersonId.of(1), "meteo-locale", DAY, 7);
        orders.keep(day, order(3));

        assertThat(orders.get(day)).contains(order(3));
        assertThat(orders.get(unit(PersonId.of(1), "meteo-locale", DAY, 8))).as("records changed since").isEmpty();
        assertThat(orders.get(unit(PersonId.of(2), "meteo-locale", DAY, 7))).as("another person").isEmpty();
        assertThat(orders.get(unit(PersonId.of(1), "another-app-here", DAY, 7))).as("another recipient").isEmpty();
        assertThat(orders.get(unit(PersonId.of(1), "meteo-locale", DAY.plus(Duration.ofDays(1)), 7))).as("another day").isEmpty();
        assertThat(orders.get(UnitOrders.Unit.of(PersonId.of(1), terms("meteo-locale"), ZoneId.of("UTC"),
                RecordQuery.ofType(RecordType.GEO_POINT), DAY, 7))).as("another zone").isEmpty();
        assertThat(orders.get(UnitOrders.Unit.of(PersonId.of(1), terms("meteo-locale"), PARIS, RecordQuery.all(), DAY, 7)))
                .as("another query").isEmpty();
    }

    @Test
    void anOrderUnusedForFiveMinutesIsDropped() {
        UnitOrders.Unit day = unit(PersonId.of(1), "meteo-locale", DAY, 7);
        orders.keep(day, order(3));
        clock.advance(Duration.ofMinutes(4));
        assertThat(orders.get(day)).as("used again within five minutes").isPresent();

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        assertThat(orders.get(day)).isEmpty();
        assertThat(orders.keysKept()).isZero();
    }

    @Test
    void aUnitTooLargeIsNotKeptAndTheLeastRecentlyUsedMakeRoomForNewOnes() {
        orders.keep(unit(PersonId.of(1), "meteo-locale", DAY, 1), order(UnitOrders.MOST_KEYS_OF_A_UNIT + 1));
        assertThat(orders.keysKept()).isZero();

        int units = UnitOrders.MOST_KEYS / UnitOrders.MOST_KEYS_OF_A_UNIT;
        for (int index = 0; index < units; index++) {
            orders.keep(unit(PersonId.of(1), "meteo-locale", DAY.plus(Duration.ofDays(index)), 1),
                    order(UnitOrders.MOST_KEYS_OF_A_UNIT));
        }
        orders.get(unit(PersonId.of(1), "meteo-locale", DAY, 1));
        orders.keep(unit(PersonId.of(1), "meteo-locale", DAY.minus(Duration.ofDays(1)), 1), order(1));

        assertThat(orders.keysKept()).isLessThanOrEqualTo(UnitOrders.MOST_KEYS);
        assertThat(orders.get(unit(PersonId.of(1), "meteo-locale", DAY, 1))).as("used last").isPresent();
        assertThat(orders.get(unit(PersonId.of(1), "meteo-locale", DAY.plus(Duration.ofDays(1)), 1))).as("used least recently")
                .isEmpty();
    }

    private static UnitOrders.Unit unit(PersonId person, String recipient, Instant start, long changes) {
        return UnitOrders.Unit.of(person, terms(recipient), PARIS, RecordQuery.ofType(RecordType.GEO_POINT), start, changes);
    }

    private static GrantTerms terms(String recipient) {
        return new GrantTerms(RecipientId.of(recipient), 1, GrantKind.READ, Purpose.COMMUNICATION_MANAGEMENT,
                "notifications by region", LegalBasis.CONSENT, Set.of(RecordType.GEO_POINT), Set.of(), Set.of(),
                SampleRecipients.REGION_BY_DAY, CoveredPeriod.trailing(Period.ofYears(20)), NOW, NOW.plus(Duration.ofDays(30)),
                Duration.ofDays(30), 1_000);
    }

    private static List<SharedPages.Chosen> order(int size) {
        return IntStream.range(0, size).mapToObj(index -> new SharedPages.Chosen(
                new RecordId(RecordType.GEO_POINT, DAY.toEpochMilli() + index, index + 1),
                new SharedPosition(DAY, "pseudonym-%06d".formatted(index)))).toList();
    }
}
