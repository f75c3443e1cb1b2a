package org.selfdata.gate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
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
}
