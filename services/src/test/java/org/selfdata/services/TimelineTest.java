package org.selfdata.services;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogEntry;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordType;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultWithCamille;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camille's timeline in Paris, around the change to summer time on Sunday 30 March 2025 (02:00 CET became 03:00 CEST):
 * six location points and two bank lines placed on either side of the week's, the day's and the month's boundaries,
 * counted by hand.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class TimelineTest {
    private static final RecordType POINT = RecordType.GEO_POINT;
    private static final RecordType BANK = RecordType.BANK_TRANSACTION;

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;
    private final Timeline timeline;

    TimelineTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
        timeline = new Timeline(Gate.over(vault));
    }

    @BeforeEach
    void importPointsAndBankLinesAroundTheChangeToSummerTime() {
        List<String> instants = List.of(
                "2025-03-23T22:59:59Z", // Sunday 23 March, 23:59:59 in Paris (CET): the week of 17 March
                "2025-03-23T23:00:00Z", // Monday 24 March, midnight in Paris: the week of 24 March
                "2025-03-30T01:30:00Z", // Sunday 30 March, 03:30 in Paris, just after the change to CEST
                "2025-03-30T21:59:59Z", // Sunday 30 March, 23:59:59 in Paris (CEST): still the week of 24 March
                "2025-03-30T22:00:00Z", // Monday 31 March, midnight in Paris: the week of 31 March
                "2025-03-31T22:00:00Z"); // Tuesday 1 April, midnight in Paris: April
        vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                "Records.json"), instants.stream().map(TimelineTest::point));
        vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "releve.ofx"), Stream.of(
                SyntheticRecords.coffee(LocalDate.of(2025, 3, 30), 1), // the day starts at 2025-03-29T23:00Z
                SyntheticRecords.rent(LocalDate.of(2025, 3, 31), 2))); // the day starts at 2025-03-30T22:00Z
    }

    @Test
    void weeksStartOnMondayMidnightInTheZoneOfThePersonOnBothSidesOfTheChangeToSummerTime() {
        TimelineCounts counts = timeline.count(camille, query("2025-03-01", "2025-05-01", TimelineStep.WEEK));

        assertThat(counts.step()).isEqualTo(TimelineStep.WEEK);
        assertThat(counts.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(counts.periods()).containsExactly(
                period("2025-03-17", Map.of(POINT, 1L)),
                period("2025-03-24", Map.of(POINT, 3L, BANK, 1L)),
                period("2025-03-31", Map.of(POINT, 2L, BANK, 1L)));
    }

    @Test
    void daysWithoutARecordAreLeftOut() {
        TimelineCounts counts = timeline.count(camille, query("2025-03-23", "2025-04-02", TimelineStep.DAY));

        assertThat(counts.periods()).containsExactly(
                period("2025-03-23", Map.of(POINT, 1L)),
                period("2025-03-24", Map.of(POINT, 1L)),
                period("2025-03-30", Map.of(POINT, 2L, BANK, 1L)),
                period("2025-03-31", Map.of(POINT, 1L, BANK, 1L)),
                period("2025-04-01", Map.of(POINT, 1L)));
    }

    @Test
    void withoutBoundsEverythingIsCountedByMonth() {
        TimelineCounts counts = timeline.count(camille, TimelineQuery.everything());

        assertThat(counts.step()).isEqualTo(TimelineStep.MONTH);
        assertThat(counts.periods()).containsExactly(
                period("2025-03-01", Map.of(POINT, 5L, BANK, 2L)),
                period("2025-04-01", Map.of(POINT, 1L)));
    }

    @Test
    void onlyRecordsStartingFromTheFirstDayUntilTheDayBeforeTheLastOfTheTypesAskedForAreCounted() {
        TimelineQuery bankOnly = new TimelineQuery(Optional.of(LocalDate.parse("2025-03-24")),
                Optional.of(LocalDate.parse("2025-03-31")), Optional.of(TimelineStep.DAY), Set.of(BANK));
        TimelineQuery everyType = new TimelineQuery(Optional.of(LocalDate.parse("2025-03-24")),
                Optional.of(LocalDate.parse("2025-03-31")), Optional.of(TimelineStep.DAY), Set.of());

        assertThat(timeline.count(camille, bankOnly).periods()).containsExactly(period("2025-03-30", Map.of(BANK, 1L)));
        assertThat(timeline.count(camille, everyType).periods()).containsExactly(
                period("2025-03-24", Map.of(POINT, 1L)),
                period("2025-03-30", Map.of(POINT, 2L, BANK, 1L)));
    }

    @Test
    void countingIsAReadOfTheOwnerOnTheirLogWithHowManyRecordsItRead() {
        timeline.count(camille, query("2025-03-24", "2025-03-31", TimelineStep.WEEK));

        List<LogEntry> reads = vault.log().query(camille.id(), LogQuery.all()).stream()
                .filter(entry -> entry.action() == LogAction.READ)
                .toList();
        assertThat(reads).hasSize(1);
        assertThat(reads.getFirst().draft().count()).isEqualTo(4);
        assertThat(reads.getFirst().draft().types()).containsExactlyInAnyOrder(POINT, BANK);
    }

    private static TimelineQuery query(String from, String to, TimelineStep step) {
        return new TimelineQuery(Optional.of(LocalDate.parse(from)), Optional.of(LocalDate.parse(to)), Optional.of(step),
                Set.of());
    }

    private static TimelinePeriod period(String start, Map<RecordType, Long> counts) {
        return new TimelinePeriod(LocalDate.parse(start), counts);
    }

    private static RecordDraft point(String instant) {
        GeoPoint point = new GeoPoint(45.75, 4.85, Optional.of(10), Optional.empty(), Optional.of("GPS"), Optional.empty(),
                Optional.empty());
        return RecordDraft.of(TimeSpan.at(Instant.parse(instant)), point, Position.jsonPointer("/locations/" + instant));
    }
}
