package org.selfdata.services;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoTrip;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.LogAction;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordTime;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.VaultWithCamille;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class LocationCacheTest {
    private static final Instant MORNING = Instant.parse("2025-06-02T06:00:00Z");
    private static final Set<RecordType> ALL = LocationCache.TYPES;

    @RegisterExtension
    final VaultWithCamille fixture = new VaultWithCamille(Engine.SQLITE);
    private final SteppingClock clock = new SteppingClock(MORNING);
    private final Gate gate = Gate.over(fixture.vault());
    private final LocationCache cache = new LocationCache(gate, clock);

    @Test
    void recordsComeInTheVaultsOrderAsTheGateGivesThemWithoutTheUntimed() {
        List<RecordDraft> drafts = new ArrayList<>(List.of(
                point(0, 45.76, 4.83, Optional.of("WALKING")),
                visit(0, 30),
                point(10, 45.77, 4.84, Optional.empty()),
                trip(30, 55),
                point(40, 45.78, 4.85, Optional.of("IN_TRAM")),
                RecordDraft.of(RecordTime.untimed(), GeoPoint.of(45.79, 4.86), Position.line(99))));
        write(drafts);

        List<Located> cached = read(ALL, Optional.empty(), Optional.empty());

        List<Located> throughTheGate = new ArrayList<>();
        try (Stream<StoredRecord> records = gate.records(new Accessor.Owner(camille().id()),
                RecordQuery.all().withTypes(ALL))) {
            records.forEach(record -> Located.of(record).ifPresent(throughTheGate::add));
        }
        assertThat(cached).hasSize(5).isEqualTo(throughTheGate);
        assertThat(cached).extracting(located -> located.id().type()).containsExactly(RecordType.GEO_POINT,
                RecordType.GEO_VISIT, RecordType.GEO_POINT, RecordType.GEO_TRIP, RecordType.GEO_POINT);
        assertThat(cached.getFirst()).isInstanceOfSatisfying(Located.Point.class, point -> {
            assertThat(point.latitude()).isEqualTo(45.76);
            assertThat(point.longitude()).isEqualTo(4.83);
            assertThat(point.activity()).isEqualTo(CarbonInference.Activity.WALKING);
        });
    }

    @Test
    void aPeriodTakesTheRecordsStartingFromItsStartAndBeforeItsEndOfTheTypesAsked() {
        write(List.of(point(0, 45.76, 4.83, Optional.empty()), visit(10, 20), point(10, 45.77, 4.84, Optional.empty()),
                point(20, 45.78, 4.85, Optional.empty())));

        List<Located> tenToTwenty = read(Set.of(RecordType.GEO_POINT), Optional.of(at(10)), Optional.of(at(20)));

        assertThat(tenToTwenty).extracting(Located::startMillis).containsExactly(at(10).toEpochMilli());
        assertThat(read(ALL, Optional.of(at(10)), Optional.empty())).extracting(located -> located.id().type())
                .as("by time, then type").containsExactly(RecordType.GEO_POINT, RecordType.GEO_VISIT, RecordType.GEO_POINT);
    }

    @Test
    void everyUseIsLoggedAsTheOwnersReadOfWhatItGaveAndAnUnloggedOneAsNothing() {
        write(List.of(point(0, 45.76, 4.83, Optional.empty()), point(10, 45.77, 4.84, Optional.empty()),
                point(20, 45.78, 4.85, Optional.empty())));

        read(ALL, Optional.empty(), Optional.empty());
        read(ALL, Optional.of(at(10)), Optional.empty());
        cache.read(camille().id(), ALL, Optional.empty(), Optional.empty(), false, located -> { });

        assertThat(fixture.vault().log().query(camille().id(), LogQuery.all()))
                .filteredOn(entry -> entry.action() == LogAction.READ)
                .extracting(entry -> entry.draft().count(), entry -> entry.draft().span())
                .containsExactly(
                        tuple(3L, Optional.of(TimeSpan.between(at(0), at(20)))),
                        tuple(2L, Optional.of(TimeSpan.between(at(10), at(20)))));
    }

    @Test
    void recordsImportedRectifiedOrErasedAfterAUseAreSeenAtTheNext() {
        write(List.of(point(0, 45.76, 4.83, Optional.empty())));
        assertThat(read(ALL, Optional.empty(), Optional.empty())).hasSize(1);

        ImportBatch later = fixture.vault().imports().write(camille().id(), new ImportRequest(
                SourceDescriptor.file("Google", "another phone"), "google-records", "Records.json"),
                Stream.of(point(10, 45.77, 4.84, Optional.empty())));
        assertThat(read(ALL, Optional.empty(), Optional.empty())).hasSize(2);

        RecordId first = read(ALL, Optional.empty(), Optional.empty()).getFirst().id();
        fixture.vault().records().rectify(camille().id(), first, GeoPoint.of(48.85, 2.35));
        assertThat(read(ALL, Optional.empty(), Optional.empty()).getFirst())
                .isInstanceOfSatisfying(Located.Point.class, point -> assertThat(point.latitude()).isEqualTo(48.85));

        fixture.vault().erasure().eraseSource(camille().id(), later.source());
        assertThat(read(ALL, Optional.empty(), Optional.empty())).extracting(Located::id).containsExactly(first);
    }

    @Test
    void whatIsKeptIsDroppedAfterFiveMinutesWithoutUseAndForAllButTheTwoPeopleSeenLast() {
        write(List.of(point(0, 45.76, 4.83, Optional.empty())));
        read(ALL, Optional.empty(), Optional.empty());
        assertThat(cache.keeps(camille().id())).isTrue();

        clock.advance(LocationCache.KEPT_FOR);
        Person dominique = fixture.vault().people().create("dominique", ZoneId.of("Europe/Paris"));
        cache.read(dominique.id(), ALL, Optional.empty(), Optional.empty(), true, located -> { });
        assertThat(cache.keeps(camille().id())).isFalse();
        assertThat(cache.keeps(dominique.id())).isTrue();

        clock.advance(Duration.ofSeconds(1));
        read(ALL, Optional.empty(), Optional.empty());
        clock.advance(Duration.ofSeconds(1));
        Person eden = fixture.vault().people().create("eden", ZoneId.of("Europe/Paris"));
        cache.read(eden.id(), ALL, Optional.empty(), Optional.empty(), true, located -> { });
        assertThat(cache.keeps(dominique.id())).isFalse();
        assertThat(cache.keeps(camille().id())).isTrue();
        assertThat(cache.keeps(eden.id())).isTrue();
    }

    @Test
    void whatWasKeptOfAPersonErasedGoesAtTheNextUse() {
        write(List.of(point(0, 45.76, 4.83, Optional.empty())));
        read(ALL, Optional.empty(), Optional.empty());
        assertThat(cache.keeps(camille().id())).isTrue();

        fixture.vault().erasure().erasePerson(camille().id());

        assertThatThrownBy(() -> read(ALL, Optional.empty(), Optional.empty())).isInstanceOfSatisfying(
                SelfdataException.class, refused -> assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(cache.keeps(camille().id())).isFalse();
    }

    private List<Located> read(Set<RecordType> types, Optional<Instant> from, Optional<Instant> to) {
        List<Located> read = new ArrayList<>();
        cache.read(camille().id(), types, from, to, true, read::add);
        return read;
    }

    private Person camille() {
        return fixture.camille();
    }

    private void write(List<RecordDraft> drafts) {
        fixture.vault().imports().write(camille().id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY,
                "google-records", "Records.json"), drafts.stream());
    }

    private static RecordDraft point(int minute, double latitude, double longitude, Optional<String> activity) {
        return RecordDraft.of(TimeSpan.at(at(minute)), new GeoPoint(latitude, longitude, Optional.empty(), Optional.empty(),
                Optional.empty(), activity, Optional.empty()), Position.line(minute + 1));
    }

    private static RecordDraft visit(int fromMinute, int toMinute) {
        return RecordDraft.of(TimeSpan.between(at(fromMinute), at(toMinute)), new GeoVisit(45.76, 4.83,
                Optional.of("Maison"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                Position.line(1_000 + fromMinute));
    }

    private static RecordDraft trip(int fromMinute, int toMinute) {
        return RecordDraft.of(TimeSpan.between(at(fromMinute), at(toMinute)), new GeoTrip(45.76, 4.83, 45.77, 4.90,
                Optional.of("IN_TRAM"), Optional.empty(), List.of()), Position.line(2_000 + fromMinute));
    }

    private static Instant at(int minute) {
        return MORNING.plus(Duration.ofMinutes(minute));
    }
}
