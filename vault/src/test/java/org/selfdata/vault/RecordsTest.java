package org.selfdata.vault;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Category;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;
import org.selfdata.model.RecordHistory;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.selfdata.vault.SyntheticRecords.BANK;
import static org.selfdata.vault.SyntheticRecords.LOCATION_HISTORY;

@ParameterizedClass
@EnumSource(Engine.class)
class RecordsTest {
    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;

    RecordsTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @BeforeEach
    void createVaultWithPointsAndTransactions() {
        vault.imports().write(camille.id(), new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json"),
                SyntheticRecords.points(3_000));
        vault.imports().write(camille.id(), new ImportRequest(BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.rent(DAY, 1), SyntheticRecords.coffee(DAY.plusDays(1), 2)));
    }

    @Test
    void theCountOfChangesGrowsWithEveryImportPushRectificationAndErasureThatChangesRecordsAndWithNothingElse() {
        Person dominique = vault.people().create("dominique", java.time.ZoneId.of("Europe/Paris"));
        assertThat(vault.records().changes(camille.id())).isEqualTo(2);
        assertThat(vault.records().changes(dominique.id())).isZero();

        read(RecordQuery.all());
        vault.imports().write(camille.id(), new ImportRequest(BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.rent(DAY, 1), SyntheticRecords.coffee(DAY.plusDays(1), 2)));
        assertThat(vault.records().changes(camille.id())).as("a read, and an import of records already held").isEqualTo(2);

        ImportBatch pushed = vault.imports().writeAtOnce(camille.id(), new ImportRequest(BANK, "ofx", "autre.ofx"),
                Stream.of(SyntheticRecords.rent(DAY.plusDays(31), 3)));
        assertThat(vault.records().changes(camille.id())).isEqualTo(3);

        StoredRecord point = read(RecordQuery.ofType(RecordType.GEO_POINT)).getFirst();
        vault.records().rectify(camille.id(), point.id(), GeoPoint.of(48.85, 2.35));
        assertThat(vault.records().changes(camille.id())).isEqualTo(4);

        vault.erasure().eraseSource(camille.id(), pushed.source());
        assertThat(vault.records().changes(camille.id())).isEqualTo(5);
        assertThat(vault.records().changes(dominique.id())).isZero();
    }

    @Test
    void keysComeInTheOrderOfRecordsWithTheirCategoriesAndNothingOpened() {
        List<StoredRecord> records = read(RecordQuery.all());
        List<RecordKey> keys;
        try (Stream<RecordKey> read = vault.records().keys(camille.id(), RecordQuery.all())) {
            keys = read.toList();
        }

        assertThat(keys).extracting(RecordKey::id).containsExactlyElementsOf(records.stream().map(StoredRecord::id).toList());
        assertThat(keys.getFirst().category()).isEqualTo(Category.TRANSACTION);
        assertThat(keys.getLast().category()).isEqualTo(Category.GPS_COORDINATE);
    }

    @Test
    void keysFollowTheQuerysTypesAndWindow() {
        Instant from = SyntheticRecords.START.plusSeconds(60 * 100);
        try (Stream<RecordKey> keys = vault.records().keys(camille.id(), RecordQuery.ofType(RecordType.GEO_POINT)
                .between(Optional.of(from), Optional.of(from.plusSeconds(60 * 10))))) {
            assertThat(keys.map(key -> key.id().startMillis())).hasSize(10).allMatch(start -> start >= from.toEpochMilli());
        }
    }

    @Test
    void recordsOpenedByIdComeInTheOrderAskedAndAnIdOfNoRecordIsLeftOut() {
        List<StoredRecord> all = read(RecordQuery.all());
        RecordId missing = new RecordId(RecordType.GEO_POINT, all.get(5).id().startMillis(), 999_999);
        List<RecordId> asked = List.of(all.get(2_000).id(), all.get(1).id(), missing, all.getFirst().id(), all.get(7).id());

        List<StoredRecord> opened = vault.records().open(camille.id(), asked);

        assertThat(opened).containsExactly(all.get(2_000), all.get(1), all.getFirst(), all.get(7));
    }

    @Test
    void anotherPersonsRecordIsNotOpenedByItsId() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        RecordId camilles = read(RecordQuery.all()).getFirst().id();

        assertThat(vault.records().open(dominique.id(), List.of(camilles))).isEmpty();
    }

    @Test
    void recordsComeInOrderOfStartTimeThenId() {
        List<StoredRecord> all = read(RecordQuery.all());

        assertThat(all).hasSize(3_002);
        assertThat(all).extracting(StoredRecord::id).isSorted();
        assertThat(all).extracting(record -> record.time().span().orElseThrow().start()).isSorted();
        // The rent's day starts at midnight in Paris, 2024-12-31T23:00Z, before the first point at midnight UTC.
        assertThat(all.getFirst().type()).isEqualTo(RecordType.BANK_TRANSACTION);
    }

    @Test
    void filtersByTypeCategoryAndTime() {
        assertThat(read(RecordQuery.ofType(RecordType.BANK_TRANSACTION))).hasSize(2);
        assertThat(read(RecordQuery.all().withCategories(Set.of(Category.GPS_COORDINATE)))).hasSize(3_000);
        List<StoredRecord> firstHour = read(RecordQuery.ofType(RecordType.GEO_POINT)
                .between(Optional.of(SyntheticRecords.START), Optional.of(SyntheticRecords.START.plusSeconds(3_600))));
        assertThat(firstHour).hasSize(60);
        assertThat(firstHour.getLast().time().span().orElseThrow().start()).isEqualTo(Instant.parse("2025-01-01T00:59:00Z"));
    }

    @Test
    void pagingWithCursorsVisitsEveryRecordOnce() {
        List<RecordId> visited = new ArrayList<>();
        RecordQuery page = RecordQuery.all().limit(700);
        while (true) {
            List<StoredRecord> records = read(page);
            records.forEach(record -> visited.add(record.id()));
            if (records.size() < 700) {
                break;
            }
            page = page.after(records.getLast().id());
        }

        assertThat(visited).hasSize(3_002).doesNotHaveDuplicates();
        assertThat(visited).containsExactlyElementsOf(read(RecordQuery.all()).stream().map(StoredRecord::id).toList());
    }

    @Test
    void rectifyingKeepsTheEarlierVersionReadable() {
        StoredRecord rent = read(RecordQuery.ofType(RecordType.BANK_TRANSACTION)).getFirst();
        BankTransaction original = (BankTransaction) rent.payload();
        BankTransaction corrected = new BankTransaction(original.account(), original.bookingDate(), original.valueDate(),
                new BigDecimal("-485.00"), original.currency(), "PRLV SEPA LOYER MARS", original.counterparty(),
                original.reference(), original.memo(), original.kind(), original.bankCategory());

        StoredRecord rectified = vault.records().rectify(camille.id(), rent.id(), corrected);

        assertThat(rectified.version()).isEqualTo(2);
        assertThat(vault.records().find(camille.id(), rent.id()).orElseThrow().payload()).isEqualTo(corrected);
        RecordHistory history = vault.records().history(camille.id(), rent.id());
        assertThat(history.earlier()).hasSize(1);
        assertThat(history.earlier().getFirst().version().version()).isEqualTo(1);
        assertThat(history.earlier().getFirst().version().payload()).isEqualTo(original);
        assertThat(history.current().payload()).isEqualTo(corrected);
    }

    @Test
    void importingTheOriginalAgainDoesNotBringTheMistakeBack() {
        StoredRecord rent = read(RecordQuery.ofType(RecordType.BANK_TRANSACTION)).getFirst();
        BankTransaction original = (BankTransaction) rent.payload();
        vault.records().rectify(camille.id(), rent.id(), new BankTransaction(original.account(), original.bookingDate(),
                original.valueDate(), new BigDecimal("-485.00"), original.currency(), original.label(), original.counterparty(),
                original.reference(), original.memo(), original.kind(), original.bankCategory()));

        ImportBatch again = vault.imports().write(camille.id(), new ImportRequest(BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.rent(DAY, 1), SyntheticRecords.coffee(DAY.plusDays(1), 2)));

        assertThat(again.added()).isZero();
        assertThat(read(RecordQuery.ofType(RecordType.BANK_TRANSACTION))).hasSize(2);
    }

    @Test
    void aRectificationCannotChangeARecordsType() {
        StoredRecord rent = read(RecordQuery.ofType(RecordType.BANK_TRANSACTION)).getFirst();

        assertThatThrownBy(() -> vault.records().rectify(camille.id(), rent.id(), GeoPoint.of(45.0, 4.0)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("record " + rent.id()
                        + " is a bank.transaction; a rectification must keep its type, not make it a geo.point");
    }

    @Test
    void aRecordIsFoundByItsIdWithItsPositionInTheFile() {
        StoredRecord coffee = read(RecordQuery.ofType(RecordType.BANK_TRANSACTION)).getLast();

        StoredRecord found = vault.records().find(camille.id(), RecordId.fromToken(coffee.id().token())).orElseThrow();

        assertThat(found).isEqualTo(coffee);
        assertThat(found.provenance().position()).isEqualTo(org.selfdata.model.Position.line(2));
        assertThat(vault.records().find(camille.id(),
                        new RecordId(RecordType.BANK_TRANSACTION, coffee.id().startMillis(), 999_999)))
                .isEmpty();
    }

    @Test
    void pagesOfOneTypeAndOfAllTypesAgreeWithTheWholeRead() {
        List<StoredRecord> bank = new ArrayList<>();
        RecordQuery page = RecordQuery.ofType(RecordType.BANK_TRANSACTION).limit(1);
        for (List<StoredRecord> records = read(page); !records.isEmpty(); records = read(page)) {
            bank.addAll(records);
            page = page.after(records.getLast().id());
        }

        assertThat(bank).containsExactlyElementsOf(read(RecordQuery.ofType(RecordType.BANK_TRANSACTION)));
    }

    @Test
    void anotherPersonsRecordsAreNotFound() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        StoredRecord camillesRent = read(RecordQuery.ofType(RecordType.BANK_TRANSACTION)).getFirst();

        assertThat(vault.records().find(dominique.id(), camillesRent.id())).isEmpty();
        try (Stream<StoredRecord> records = vault.records().read(dominique.id(), RecordQuery.all())) {
            assertThat(records).isEmpty();
        }
    }

    @Test
    void statusCountsRecordsPerSourceAndTypeWithTheTimeTheyCover() {
        VaultStatus status = vault.status(camille.id());

        assertThat(status.records()).isEqualTo(3_002);
        assertThat(status.sources()).hasSize(2);
        assertThat(status.batches()).isEqualTo(2);
        VaultStatus.Totals points = status.byType().get(RecordType.GEO_POINT);
        assertThat(points.records()).isEqualTo(3_000);
        assertThat(points.span()).contains(TimeSpan.between(SyntheticRecords.START, Instant.parse("2025-01-03T01:59:00Z")));
        VaultStatus.Totals bank = status.byType().get(RecordType.BANK_TRANSACTION);
        assertThat(bank.span()).contains(TimeSpan.between(Instant.parse("2024-12-31T23:00:00Z"),
                Instant.parse("2025-01-02T23:00:00Z")));
    }

    private List<StoredRecord> read(RecordQuery query) {
        try (Stream<StoredRecord> records = vault.records().read(camille.id(), query)) {
            return records.toList();
        }
    }
}
