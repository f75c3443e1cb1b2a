package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.Source;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.selfdata.vault.SyntheticRecords.BANK;
import static org.selfdata.vault.SyntheticRecords.LOCATION_HISTORY;
import static org.selfdata.vault.SyntheticRecords.coffee;
import static org.selfdata.vault.SyntheticRecords.rent;

@ParameterizedClass
@EnumSource(Engine.class)
class ImportsTest {
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 10);

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;

    ImportsTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void importWritesEveryRecordWithItsProvenance() {
        ImportBatch batch = vault.imports().write(camille.id(),
                new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json"), SyntheticRecords.points(2_500));

        assertThat(batch.added()).isEqualTo(2_500);
        assertThat(batch.duplicates()).isZero();
        assertThat(batch.fileName()).isEqualTo("Records.json");
        List<StoredRecord> records = fixture.readAll();
        assertThat(records).hasSize(2_500);
        StoredRecord third = records.get(2);
        assertThat(third.type()).isEqualTo(RecordType.GEO_POINT);
        assertThat(third.time()).isEqualTo(TimeSpan.at(SyntheticRecords.START.plusSeconds(120)));
        assertThat(third.provenance().batch()).isEqualTo(batch.id());
        assertThat(third.provenance().source()).isEqualTo(batch.source());
        assertThat(third.provenance().position()).isEqualTo(Position.jsonPointer("/locations/2"));
        GeoPoint point = (GeoPoint) third.payload();
        assertThat(point.latitude()).isEqualTo(45.75002);
        assertThat(point.accuracyMeters()).contains(12);
    }

    @Test
    void aBatchIsReadBackAsItWasReported() {
        ImportBatch reported = vault.imports().write(camille.id(),
                new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json"), SyntheticRecords.points(10));

        assertThat(vault.imports().batches(camille.id())).containsExactly(reported);
    }

    @Test
    void importTwiceAddsNothing() {
        ImportRequest request = new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json");
        vault.imports().write(camille.id(), request, SyntheticRecords.points(1_200));

        ImportBatch second = vault.imports().write(camille.id(), request, SyntheticRecords.points(1_200));

        assertThat(second.added()).isZero();
        assertThat(second.duplicates()).isEqualTo(1_200);
        assertThat(fixture.readAll()).hasSize(1_200);
        assertThat(vault.imports().sources(camille.id())).hasSize(1);
        assertThat(vault.imports().batches(camille.id())).extracting(ImportBatch::added).containsExactly(1_200L, 0L);
    }

    @Test
    void overlappingExportsAddOnlyWhatIsNew() {
        ImportRequest request = new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json");
        vault.imports().write(camille.id(), request, SyntheticRecords.points(1_000));

        ImportBatch later = vault.imports().write(camille.id(), request, Stream.iterate(500L, index -> index + 1).limit(1_000)
                .map(SyntheticRecords::point));

        assertThat(later.added()).isEqualTo(500);
        assertThat(later.duplicates()).isEqualTo(500);
        assertThat(fixture.readAll()).hasSize(1_500);
    }

    @Test
    void twoIdenticalCoffeesOnOneDayAreBothKept() {
        ImportRequest statement = new ImportRequest(BANK, "ofx", "releve.ofx");

        ImportBatch batch = vault.imports().write(camille.id(), statement,
                Stream.of(coffee(MONDAY, 1), coffee(MONDAY, 2), rent(MONDAY, 3)));

        assertThat(batch.added()).isEqualTo(3);
        assertThat(fixture.readAll()).extracting(StoredRecord::occurrence).containsExactlyInAnyOrder(1, 2, 1);
    }

    @Test
    void aLaterStatementWithAThirdCoffeeAddsOnlyTheThird() {
        ImportRequest statement = new ImportRequest(BANK, "ofx", "releve.ofx");
        vault.imports().write(camille.id(), statement, Stream.of(coffee(MONDAY, 1), coffee(MONDAY, 2)));

        ImportBatch again = vault.imports().write(camille.id(), statement, Stream.of(coffee(MONDAY, 1), coffee(MONDAY, 2)));
        ImportBatch withThird = vault.imports().write(camille.id(), statement,
                Stream.of(coffee(MONDAY, 7), coffee(MONDAY, 8), coffee(MONDAY, 9)));

        assertThat(again.added()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(withThird.added()).isEqualTo(1);
        assertThat(withThird.duplicates()).isEqualTo(2);
        List<StoredRecord> coffees = fixture.readAll();
        assertThat(coffees).hasSize(3);
        assertThat(coffees.getLast().provenance().position()).isEqualTo(Position.line(9));
    }

    @Test
    void identicalLocationPointsInOneFileAreOneFact() {
        ImportRequest request = new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json");

        ImportBatch batch = vault.imports().write(camille.id(), request,
                Stream.of(SyntheticRecords.point(7), SyntheticRecords.point(7), SyntheticRecords.point(8)));

        assertThat(batch.added()).isEqualTo(2);
        assertThat(batch.duplicates()).isEqualTo(1);
    }

    @Test
    void aMalformedRecordLeavesTheVaultAsItWas() {
        ImportRequest request = new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json");
        Stream<RecordDraft> failsHalfWay = SyntheticRecords.points(3_000).peek(draft -> {
            if (draft.position().equals(Position.jsonPointer("/locations/2500"))) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT, "/locations/2500: latitudeE7 is not a number");
            }
        });

        assertThatThrownBy(() -> vault.imports().write(camille.id(), request, failsHalfWay))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("/locations/2500: latitudeE7 is not a number");

        assertThat(fixture.readAll()).isEmpty();
        assertThat(vault.imports().sources(camille.id())).isEmpty();
        assertThat(vault.imports().batches(camille.id())).isEmpty();
        // The failed import's numbers are given back, since nobody took any after them.
        ImportBatch next = vault.imports().write(camille.id(), request, SyntheticRecords.points(1));
        assertThat(next.id().value()).isEqualTo(1);
        assertThat(fixture.readAll().getFirst().id().number()).isEqualTo(1);
        assertThat(vault.imports().batches(camille.id())).extracting(ImportBatch::id).containsExactly(next.id());
    }

    @Test
    void eachSourceIsFoundAgainByItsOrganizationAndLabel() {
        vault.imports().write(camille.id(), new ImportRequest(BANK, "ofx", "janvier.ofx"), Stream.of(rent(MONDAY, 1)));
        vault.imports().write(camille.id(), new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json"),
                SyntheticRecords.points(3));
        vault.imports().write(camille.id(), new ImportRequest(BANK, "ofx", "fevrier.ofx"),
                Stream.of(rent(MONDAY.plusMonths(1), 1)));

        List<Source> sources = vault.imports().sources(camille.id());

        assertThat(sources).extracting(Source::organization, Source::label)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Banque Exemple", "account ••6789"),
                        org.assertj.core.groups.Tuple.tuple("Google", "Location History"));
        assertThat(vault.imports().batches(camille.id())).extracting(ImportBatch::fileName, batch -> batch.source().value())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("janvier.ofx", 1L),
                        org.assertj.core.groups.Tuple.tuple("Records.json", 2L),
                        org.assertj.core.groups.Tuple.tuple("fevrier.ofx", 1L));
    }

    @Test
    void amountsComeBackWithEveryDigit() {
        BankTransaction refund = new BankTransaction("1", MONDAY, java.util.Optional.empty(), new BigDecimal("12.34567"), "EUR",
                "VIR CPAM LYON", java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty());
        vault.imports().write(camille.id(), new ImportRequest(BANK, "camt.053", "releve.xml"),
                Stream.of(RecordDraft.of(TimeSpan.day(MONDAY, TestVaults.PARIS), refund, Position.line(4))));

        assertThat(((BankTransaction) fixture.readAll().getFirst().payload()).amount()).isEqualByComparingTo("12.34567")
                .hasScaleOf(5);
    }

    @Test
    void importForSomeoneWhoIsNotInTheVaultIsRefused() {
        org.selfdata.model.PersonId stranger = org.selfdata.model.PersonId.of(99);

        assertThatThrownBy(() -> vault.imports().write(stranger, new ImportRequest(BANK, "ofx", "x.ofx"),
                        Stream.of(rent(MONDAY, 1))))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("there is no person 99 in this vault");
    }
}
