package org.selfdata.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Category;
import org.selfdata.model.Contact;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Precision;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordTime;
import org.selfdata.model.RecordType;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.Position;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeLimits;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.VaultWithCamille;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SharedReadTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @RegisterExtension
    final VaultWithCamille fixture = new VaultWithCamille(Engine.SQLITE, new SteppingClock(NOW));
    private final Gate gate = new Gate(fixture.vault(), Geography.bundled(), new SteppingClock(NOW));

    @Test
    void pagesHoldOnlyRecordsTheGrantCoversAndEndWhenTheyRunOut() {
        // Ten points, every other one filed as travel history rather than as a GPS coordinate: a grant on GPS
        // coordinates covers five of them, a full page of three and a last page of two.
        fixture.vault().imports().write(fixture.camille().id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                "google-records", "Records.json"), LongStream.range(0, 10).mapToObj(index -> {
                    RecordDraft point = SyntheticRecords.point(index);
                    return index % 2 == 0 ? point
                            : new RecordDraft(point.time(), point.payload(), Category.TRAVEL_HISTORY, point.position());
                }));
        Accessor.Recipient recipient = new Accessor.Recipient(fixture.camille().id(), gpsCoordinateGrant());

        List<String> ids = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            SharedAnswer page = SharedAnswer.of(gate, recipient, RecordQuery.all().limit(3), cursor);
            JsonMapper.builder().build().readTree(page.records()).forEach(record -> ids.add(record.get("id").asString()));
            cursor = page.next();
            pages++;
        }
        while (cursor.isPresent());

        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void aBoundInsideADayCannotFindWhenInTheDayARecordBegan() {
        // The audit's attack: a day-precision recipient bisects 'from' with one-record pages. Every bound within the
        // record's day now gives the same answer, so 27 requests tell it nothing the day does not.
        Instant exact = Instant.parse("2015-10-10T18:47:02.597Z");
        importPointsAt(exact);
        Accessor.Recipient recipient = new Accessor.Recipient(fixture.camille().id(), dayGrant());

        String atTheMillisecond = page(recipient, exact, exact.plusMillis(1));
        String justAfter = page(recipient, exact.plusMillis(1), exact.plusMillis(2));
        String restOfTheDay = page(recipient, Instant.parse("2015-10-09T22:00:00.001Z"),
                Instant.parse("2015-10-10T21:59:59.999Z"));
        String atMidnight = page(recipient, Instant.parse("2015-10-09T22:00:00Z"), Instant.parse("2015-10-09T22:00:00.001Z"));
        String untilTheMillisecond = page(recipient, Instant.parse("2015-10-09T21:00:00Z"), exact);

        assertThat(atTheMillisecond).as("the record starts at midnight as shared, before these windows")
                .isEqualTo(justAfter).isEqualTo(restOfTheDay).isEqualTo("[]");
        assertThat(atMidnight).isEqualTo(untilTheMillisecond).contains("\"start\":\"2015-10-09T22:00:00Z\"");
    }

    @Test
    void recordsOfOneDayComeInAnOrderThatIsNotTheirTimes() {
        Instant morning = Instant.parse("2015-10-10T06:00:00Z");
        List<Instant> times = LongStream.range(0, 20).mapToObj(hour -> morning.plusSeconds(hour * 1_800)).toList();
        importPointsAt(times.toArray(Instant[]::new));
        Accessor.Recipient recipient = new Accessor.Recipient(fixture.camille().id(), dayGrant());

        List<String> shared = new ArrayList<>();
        JsonMapper.builder().build().readTree(page(recipient, Instant.parse("2015-10-01T00:00:00Z"),
                Instant.parse("2015-10-20T00:00:00Z"))).forEach(record -> shared.add(record.get("id").asString()));
        List<String> inTheirTimes = new ArrayList<>();
        try (var records = fixture.vault().records().read(fixture.camille().id(), RecordQuery.all())) {
            Pseudonyms pseudonyms = new Pseudonyms(fixture.vault().sharingKeys().pseudonymKey(fixture.camille().id(),
                    dayGrant().terms().recipient()));
            records.forEach(record -> inTheirTimes.add(pseudonyms.record(record.id())));
        }

        assertThat(shared).hasSize(20).containsExactlyInAnyOrderElementsOf(inTheirTimes).isSorted()
                .isNotEqualTo(inTheirTimes);
    }

    @Test
    void aDayReadPageByPageGivesEachRecordOnceInTheRecipientsOrderEveryTime() {
        // Thirty points on the 10th and ten on the 11th (Paris days), read in pages of seven that end inside days, twice:
        // the second reading takes the days' orders the first one kept, and must give the same pages.
        Instant tenth = Instant.parse("2015-10-10T06:00:00Z");
        Instant eleventh = Instant.parse("2015-10-11T06:00:00Z");
        importPointsAt(Stream.concat(LongStream.range(0, 30).mapToObj(minute -> tenth.plusSeconds(minute * 60)),
                LongStream.range(0, 10).mapToObj(minute -> eleventh.plusSeconds(minute * 60))).toArray(Instant[]::new));
        Accessor.Recipient recipient = new Accessor.Recipient(fixture.camille().id(), dayGrant());

        List<List<String>> first = pagesOf(recipient, 7);
        List<List<String>> again = pagesOf(recipient, 7);

        assertThat(first).hasSize(6).isEqualTo(again);
        List<String> ids = first.stream().flatMap(List::stream).toList();
        assertThat(ids).hasSize(40).doesNotHaveDuplicates();
        assertThat(ids.subList(0, 30)).as("the 10th, by pseudonym").isSorted();
        assertThat(ids.subList(30, 40)).as("then the 11th, by pseudonym").isSorted();
    }

    @Test
    void pointsImportedIntoADayAfterItsPagesWereReadAreInTheNextReading() {
        Instant tenth = Instant.parse("2015-10-10T06:00:00Z");
        importPointsAt(LongStream.range(0, 12).mapToObj(minute -> tenth.plusSeconds(minute * 60)).toArray(Instant[]::new));
        Accessor.Recipient recipient = new Accessor.Recipient(fixture.camille().id(), dayGrant());
        List<String> before = pagesOf(recipient, 5).stream().flatMap(List::stream).toList();

        importPointsAt(LongStream.range(12, 20).mapToObj(minute -> tenth.plusSeconds(minute * 60)).toArray(Instant[]::new));
        List<String> after = pagesOf(recipient, 5).stream().flatMap(List::stream).toList();

        assertThat(before).hasSize(12);
        assertThat(after).hasSize(20).doesNotHaveDuplicates().containsAll(before).isSorted();
    }

    @Test
    void aDayTooLargeToKeepIsStillCutInTheRecipientsOrder() {
        // One more point in the day than a day's order kept: its pages are chosen while the keys are read, as before.
        int points = UnitOrders.MOST_KEYS_OF_A_UNIT + 1;
        Instant tenth = Instant.parse("2015-10-10T00:00:00Z");
        importPointsAt(LongStream.range(0, points).mapToObj(second -> tenth.plusSeconds(second * 5)).toArray(Instant[]::new));
        Accessor.Recipient recipient = new Accessor.Recipient(fixture.camille().id(), dayGrant(100_000));

        List<List<String>> pages = pagesOf(recipient, RecordQuery.MAXIMUM_PAGE);

        assertThat(pages).extracting(List::size).containsExactly(RecordQuery.MAXIMUM_PAGE, 1);
        List<String> ids = pages.stream().flatMap(List::stream).toList();
        assertThat(ids).hasSize(points).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void aContactWithoutATimeIsNeverSharedEvenUnderTheWidestPeriod() {
        Instant revised = Instant.parse("2025-01-05T12:00:00Z");
        fixture.vault().imports().write(fixture.camille().id(), new ImportRequest(SourceDescriptor.file("Apple", "Contacts"),
                "vcard", "contacts.vcf"), Stream.of(
                        RecordDraft.of(TimeSpan.at(revised), contact("Alix Martin"), Position.line(1)),
                        RecordDraft.of(RecordTime.untimed(), contact("Bao Nguyen"), Position.line(6))));
        Instant given = NOW.minus(Duration.ofDays(1));
        GrantTerms terms = new GrantTerms(RecipientId.of("regional-alerts"), 1, GrantKind.READ,
                Purpose.COMMUNICATION_MANAGEMENT, "notifications by region", LegalBasis.CONSENT, Set.of(RecordType.CONTACT),
                Set.of(), Set.of(), SampleRecipients.REGION_BY_DAY,
                new CoveredPeriod.Between(TimeLimits.START, Instant.parse("9999-12-31T00:00:00Z")), given,
                given.plus(Duration.ofDays(30)), Duration.ofDays(30), 1_000);
        Accessor.Recipient recipient = new Accessor.Recipient(fixture.camille().id(),
                new Grant(GrantId.of("grant-0003"), fixture.camille().id(), terms, given, Optional.empty()));

        String shared = SharedAnswer.of(gate, recipient, RecordQuery.all().limit(1_000), Optional.empty()).records();

        List<String> starts = new ArrayList<>();
        JsonMapper.builder().build().readTree(shared).forEach(record -> starts.add(record.get("start").asString()));
        assertThat(starts).containsExactly("2025-01-04T23:00:00Z");
        assertThat(shared).contains("\"start\":\"2025-01-04T23:00:00Z\"").doesNotContain("1970");
    }

    private static Contact contact(String name) {
        return new Contact(name, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private void importPointsAt(Instant... times) {
        fixture.vault().imports().write(fixture.camille().id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                "google-records", "Records.json"), java.util.Arrays.stream(times).map(time -> RecordDraft.of(
                        TimeSpan.at(time), GeoPoint.of(45.75, 4.85), Position.jsonPointer("/locations/" + time))));
    }

    /** Every page of the recipient's, through their cursors: the ids it was given, page by page. */
    private List<List<String>> pagesOf(Accessor.Recipient recipient, int limit) {
        List<List<String>> pages = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            SharedAnswer page = SharedAnswer.of(gate, recipient, RecordQuery.all().limit(limit), cursor);
            List<String> ids = new ArrayList<>();
            JsonMapper.builder().build().readTree(page.records()).forEach(record -> ids.add(record.get("id").asString()));
            pages.add(ids);
            cursor = page.next();
        }
        while (cursor.isPresent());
        return pages;
    }

    private String page(Accessor.Recipient recipient, Instant from, Instant to) {
        return SharedAnswer.of(gate, recipient, RecordQuery.all().limit(1_000).between(Optional.of(from), Optional.of(to)),
                Optional.empty()).records();
    }

    private Grant dayGrant() {
        return dayGrant(1_000);
    }

    private Grant dayGrant(int recordsPerDay) {
        Instant given = NOW.minus(Duration.ofDays(1));
        GrantTerms terms = new GrantTerms(RecipientId.of("regional-alerts"), 1, GrantKind.READ,
                Purpose.COMMUNICATION_MANAGEMENT, "notifications by region", LegalBasis.CONSENT, Set.of(RecordType.GEO_POINT),
                Set.of(), Set.of(), SampleRecipients.REGION_BY_DAY, CoveredPeriod.trailing(Period.ofYears(20)), given,
                given.plus(Duration.ofDays(30)), Duration.ofDays(30), recordsPerDay);
        return new Grant(GrantId.of("grant-0002"), fixture.camille().id(), terms, given, Optional.empty());
    }

    private Grant gpsCoordinateGrant() {
        Instant given = NOW.minus(Duration.ofDays(1));
        GrantTerms terms = new GrantTerms(RecipientId.of("regional-alerts"), 1, GrantKind.READ,
                Purpose.COMMUNICATION_MANAGEMENT, "notifications by region", LegalBasis.CONSENT, Set.of(),
                Set.of(Category.GPS_COORDINATE), Set.of(), Precision.EXACT.withLocation(LocationPrecision.REGION),
                CoveredPeriod.trailing(Period.ofYears(3)), given, given.plus(Duration.ofDays(30)), Duration.ofDays(30),
                1_000);
        return new Grant(GrantId.of("grant-0001"), fixture.camille().id(), terms, given, Optional.empty());
    }
}
