package org.selfdata.vault;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Engine.class)
class ErasureTest {
    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;
    private ImportBatch locations;
    private ImportBatch bank;

    ErasureTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @BeforeEach
    void createVaultWithTwoSources() {
        locations = vault.imports().write(camille.id(),
                new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "Records.json"),
                SyntheticRecords.points(500));
        bank = vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.rent(LocalDate.of(2025, 1, 5), 1)));
    }

    @Test
    void erasingASourceDestroysItsRecordsAndLeavesTheOthers() {
        Erasure.Report report = vault.erasure().eraseSource(camille.id(), locations.source());

        assertThat(report).isEqualTo(new Erasure.Report(1, 1, 500));
        try (Stream<StoredRecord> records = vault.records().read(camille.id(), RecordQuery.all())) {
            assertThat(records).extracting(StoredRecord::type).containsExactly(RecordType.BANK_TRANSACTION);
        }
        assertThat(vault.imports().sources(camille.id())).extracting(source -> source.id()).containsExactly(bank.source());
        assertThat(vault.imports().batches(camille.id())).extracting(ImportBatch::id).containsExactly(bank.id());
    }

    @Test
    void anErasedSourceComesBackAsANewSourceWhenImportedAgain() {
        vault.erasure().eraseSource(camille.id(), locations.source());

        ImportBatch again = vault.imports().write(camille.id(),
                new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "Records.json"),
                SyntheticRecords.points(500));

        assertThat(again.added()).isEqualTo(500);
        assertThat(again.source()).isNotEqualTo(locations.source());
    }

    @Test
    void erasingAPersonLeavesNothingOfThemAndTheOthersAllOfTheirs() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.imports().write(dominique.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                "Records.json"), SyntheticRecords.points(40));
        vault.imports().write(dominique.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "d.ofx"),
                Stream.of(SyntheticRecords.rent(LocalDate.of(2025, 1, 5), 1)));
        vault.sessions().start(dominique.id(), java.time.Duration.ofHours(1));

        Erasure.Report report = vault.erasure().erasePerson(dominique.id());

        assertThat(report).isEqualTo(new Erasure.Report(2, 2, 41));
        assertThat(vault.people().find("dominique")).isEmpty();
        assertThatThrownBy(() -> vault.status(dominique.id())).isInstanceOf(SelfdataException.class)
                .hasMessage("there is no person " + dominique.id() + " in this vault");
        assertThat(vault.status(camille.id()).records()).isEqualTo(501);
    }

    @Test
    void theOperatorIsErasedOnlyOnceNobodyElseRemains() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        Person eloise = vault.people().create("eloise", TestVaults.PARIS);

        for (ThrowingCallable erasure : List.<ThrowingCallable>of(() -> vault.erasure().requireErasable(camille.id()),
                () -> vault.erasure().erasePerson(camille.id()))) {
            assertThatThrownBy(erasure)
                    .isInstanceOf(SelfdataException.class)
                    .hasMessage("this person is the vault's operator and cannot be erased while 2 other people remain in "
                            + "the vault; remove them first")
                    .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.CONFLICT);
        }
        vault.erasure().requireErasable(dominique.id());
        vault.erasure().erasePerson(dominique.id());
        assertThatThrownBy(() -> vault.erasure().erasePerson(camille.id()))
                .hasMessage("this person is the vault's operator and cannot be erased while 1 other person remains in the "
                        + "vault; remove them first");
        assertThat(vault.status(camille.id()).records()).isEqualTo(501);
        vault.erasure().erasePerson(eloise.id());

        assertThat(vault.erasure().erasePerson(camille.id())).isEqualTo(new Erasure.Report(2, 2, 501));
        assertThat(vault.people().list()).isEmpty();
    }

    @Test
    void erasingASourceThatIsNotThereSaysSo() {
        assertThatThrownBy(() -> vault.erasure().eraseSource(camille.id(), org.selfdata.model.SourceId.of(42)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("there is no source 42");
    }
}
