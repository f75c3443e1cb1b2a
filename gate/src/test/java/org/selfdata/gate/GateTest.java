package org.selfdata.gate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogEntry;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.RecordTiming;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GateTest {
    @TempDir
    Path folder;

    private Vault vault;
    private Gate gate;
    private Person camille;
    private Person dominique;

    @BeforeEach
    void createVaultWithTwoPeople() {
        vault = TestVaults.create(Engine.SQLITE, folder);
        gate = Gate.over(vault);
        camille = TestVaults.camille(vault);
        dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.imports().write(camille.id(),
                new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "StoredRecords.json"),
                SyntheticRecords.points(50));
        vault.imports().write(dominique.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.rent(LocalDate.of(2025, 1, 5), 1)));
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    @Test
    void theOwnerReadsAllOfTheirRecordsAtFullPrecision() {
        try (Stream<StoredRecord> records = gate.records(Accessor.owner(camille.id()), RecordQuery.all())) {
            List<StoredRecord> all = records.toList();
            assertThat(all).hasSize(50).allMatch(record -> record.type() == RecordType.GEO_POINT);
            assertThat(all.getFirst().payloadJson()).asString().contains("\"latitude\":45.75,");
        }
    }

    @Test
    void anOwnerSeesNothingOfAnotherPerson() {
        StoredRecord dominiquesRent;
        try (Stream<StoredRecord> records = gate.records(Accessor.owner(dominique.id()), RecordQuery.all())) {
            dominiquesRent = records.findFirst().orElseThrow();
        }

        assertThat(gate.record(Accessor.owner(camille.id()), dominiquesRent.id())).isEmpty();
        try (Stream<StoredRecord> records = gate.records(Accessor.owner(camille.id()),
                RecordQuery.ofType(RecordType.BANK_TRANSACTION))) {
            assertThat(records).isEmpty();
        }
    }

    @Test
    void theOwnersTimingsAreTheIdsAndTimesOfHerRecordsAndNoOneElses() {
        List<StoredRecord> opened;
        try (Stream<StoredRecord> records = gate.records(Accessor.owner(camille.id()), RecordQuery.all())) {
            opened = records.toList();
        }

        try (Stream<RecordTiming> timings = gate.timings(Accessor.owner(camille.id()), RecordQuery.all())) {
            assertThat(timings.toList()).hasSize(50).containsExactlyElementsOf(opened.stream()
                    .map(record -> new RecordTiming(record.id(), record.time())).toList());
        }
        try (Stream<RecordTiming> timings = gate.timings(Accessor.owner(camille.id()),
                RecordQuery.ofType(RecordType.BANK_TRANSACTION))) {
            assertThat(timings).isEmpty();
        }
    }

    @Test
    void readingTimingsIsLoggedAsReadingTheSameRecords() {
        try (Stream<StoredRecord> records = gate.records(Accessor.owner(camille.id()), RecordQuery.all())) {
            assertThat(records.count()).isEqualTo(50);
        }
        try (Stream<RecordTiming> timings = gate.timings(Accessor.owner(camille.id()), RecordQuery.all())) {
            assertThat(timings.count()).isEqualTo(50);
        }

        List<LogEntryDraft> reads = vault.log().query(camille.id(), LogQuery.all()).stream()
                .filter(entry -> entry.action() == LogAction.READ).map(LogEntry::draft).toList();
        assertThat(reads).hasSize(2);
        assertThat(reads.getLast()).isEqualTo(reads.getFirst());
        assertThat(reads.getLast().count()).isEqualTo(50);
        assertThat(reads.getLast().types()).containsExactly(RecordType.GEO_POINT);
        assertThat(reads.getLast().span()).contains(TimeSpan.ofEpochMillis(SyntheticRecords.START.toEpochMilli(),
                SyntheticRecords.START.toEpochMilli() + 49 * 60_000L));
    }
}
