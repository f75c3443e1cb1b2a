package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogEntry;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.VaultWithCamille;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A recipient cannot grow the person's log without bound: it may ask at a pace, and its refused or empty requests
 * repeated are one entry that says how many they were.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RecipientRequestsOnTheLogTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final SteppingClock clock = new SteppingClock(NOW);
    @RegisterExtension
    final VaultWithCamille fixture;
    private final Gate gate;
    private final Accessor.Recipient recipient;

    RecipientRequestsOnTheLogTest(Engine engine) {
        fixture = new VaultWithCamille(engine, clock);
        gate = new Gate(fixture.vault(), Geography.bundled(), clock, new RequestPace(3_000, clock));
        recipient = new Accessor.Recipient(fixture.camille().id(), pointsGrant());
    }

    @Test
    void threeThousandRefusedReadsInAMinuteAreTwoEntriesThatCountThemAll() {
        for (int request = 0; request < 3_000; request++) {
            assertThatThrownBy(() -> read(RecordQuery.ofType(RecordType.BANK_TRANSACTION)))
                    .isInstanceOf(SelfdataException.class).hasMessageStartingWith("grant grant-0003 does not cover");
            clock.advance(Duration.ofMillis(15));
        }
        gate.writeFoldedEntries(false);
        List<LogEntry> beforeTheMinute = refusals();
        clock.advance(Duration.ofSeconds(30));
        gate.writeFoldedEntries(false);

        assertThat(beforeTheMinute).as("the run is still counting").hasSize(1);
        assertThat(refusals()).extracting(entry -> entry.draft().requests()).containsExactly(1L, 2_999L);
        assertThat(refusals()).allMatch(entry -> entry.draft().types().equals(Set.of(RecordType.BANK_TRANSACTION)));
    }

    @Test
    void emptyReadsAreFoldedAndAReadThatCarriedRecordsEndsTheRunAndIsWrittenAfterIt() {
        for (int request = 0; request < 50; request++) {
            assertThat(read(RecordQuery.ofType(RecordType.GEO_POINT))).isEqualTo("[]");
        }
        fixture.vault().imports().write(fixture.camille().id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                "google-records", "Records.json"), SyntheticRecords.points(3));
        // Points of 2025, read under a grant covering the last two years.
        assertThat(read(RecordQuery.ofType(RecordType.GEO_POINT))).contains("\"type\":\"geo.point\"");

        List<LogEntry> reads = fixture.vault().log().query(fixture.camille().id(), LogQuery.all()).stream()
                .filter(entry -> entry.action() == LogAction.READ).toList();
        assertThat(reads).extracting(entry -> entry.draft().count(), entry -> entry.draft().requests())
                .containsExactly(tuple(0L, 1L), tuple(0L, 49L), tuple(3L, 1L));
    }

    @Test
    void aRequestBeyondThePaceIsRefusedWithTheWaitAndFoldedWithTheRefusals() {
        Gate paced = new Gate(fixture.vault(), Geography.bundled(), clock, new RequestPace(60, clock));
        for (int request = 0; request < 60; request++) {
            readWith(paced, RecordQuery.ofType(RecordType.GEO_POINT));
        }

        assertThatThrownBy(() -> readWith(paced, RecordQuery.ofType(RecordType.GEO_POINT)))
                .isInstanceOfSatisfying(SelfdataException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    assertThat(refusal.getMessage()).isEqualTo("grant grant-0003 allows 60 requests a minute; ask again later");
                    assertThat(refusal.retryAfter()).contains(Duration.ofSeconds(1));
                });
        clock.advance(Duration.ofMillis(999));
        assertThatThrownBy(() -> readWith(paced, RecordQuery.ofType(RecordType.GEO_POINT)))
                .hasMessageContaining("allows 60 requests a minute");
        clock.advance(Duration.ofMillis(1));
        assertThat(readWith(paced, RecordQuery.ofType(RecordType.GEO_POINT))).isEqualTo("[]");
        paced.writeFoldedEntries(true);
        assertThat(refusals()).extracting(entry -> entry.draft().requests()).containsExactly(1L, 1L);
    }

    private List<LogEntry> refusals() {
        return fixture.vault().log().query(fixture.camille().id(), LogQuery.all()).stream()
                .filter(entry -> entry.action() == LogAction.REFUSAL).toList();
    }

    private String read(RecordQuery query) {
        return readWith(gate, query);
    }

    private String readWith(Gate reading, RecordQuery query) {
        return SharedAnswer.of(reading, recipient, query.limit(100), Optional.empty()).records();
    }

    private Grant pointsGrant() {
        Instant given = NOW.minus(Duration.ofDays(1));
        GrantTerms terms = new GrantTerms(RecipientId.of("regional-alerts"), 1, GrantKind.READ,
                Purpose.COMMUNICATION_MANAGEMENT, "notifications by region", LegalBasis.CONSENT, Set.of(RecordType.GEO_POINT),
                Set.of(), Set.of(), SampleRecipients.REGION_BY_DAY, CoveredPeriod.trailing(Period.ofYears(2)), given,
                given.plus(Duration.ofDays(500)), Duration.ofDays(30), 100_000);
        return new Grant(GrantId.of("grant-0003"), fixture.camille().id(), terms, given, Optional.empty());
    }
}
