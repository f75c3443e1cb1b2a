package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.BatchId;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.selfdata.vault.SyntheticRecords.BANK;
import static org.selfdata.vault.SyntheticRecords.LOCATION_HISTORY;

@ParameterizedClass
@EnumSource(Engine.class)
class QuarantineTest {
    private static final Rejection BAD_AMOUNT = new Rejection(Position.line(7), "the amount is not a number");
    private static final Rejection BAD_DATE = new Rejection(Position.line(9), "the date is not dd/mm/yyyy");

    @RegisterExtension
    final VaultWithCamille fixture;
    private final Vault vault;
    private final Person camille;

    QuarantineTest(Engine engine) {
        fixture = new VaultWithCamille(engine);
        vault = fixture.vault();
        camille = fixture.camille();
    }

    @Test
    void aLenientImportWritesTheGoodRecordsAndQuarantinesEveryRejectionInFileOrder() {
        Stream<ImportItem> items = Stream.concat(Stream.concat(SyntheticRecords.points(1_500), Stream.of(BAD_AMOUNT)),
                Stream.concat(LongStream.range(1_500, 2_200).mapToObj(SyntheticRecords::point), Stream.of(BAD_DATE)));

        ImportBatch batch = vault.imports().write(camille.id(), new ImportRequest(LOCATION_HISTORY, "google-records", "a.json"),
                items);

        assertThat(batch.added()).isEqualTo(2_200);
        assertThat(batch.rejected()).isEqualTo(2);
        assertThat(vault.imports().batch(camille.id(), batch.id()).orElseThrow().rejected()).isEqualTo(2);
        assertThat(vault.imports().rejects(camille.id(), batch.id(), 0, 100))
                .containsExactly(new QuarantinedRecord(1, BAD_AMOUNT), new QuarantinedRecord(2, BAD_DATE));
        assertThat(vault.imports().rejects(camille.id(), batch.id(), 1, 100)).containsExactly(new QuarantinedRecord(2, BAD_DATE));
        assertThat(vault.imports().rejects(camille.id(), batch.id(), 0, 1)).containsExactly(new QuarantinedRecord(1, BAD_AMOUNT));
    }

    @Test
    void aReasonWithAWordingIsKeptWithItSoThatTheQuarantineSaysItInTheReadersLanguage() {
        Rejection worded = new Rejection(Position.line(4),
                Wording.of("error.csv.amount", Wording.of("error.csv.namedColumn", "Montant")));

        ImportBatch batch = vault.imports().write(camille.id(), new ImportRequest(BANK, "csv", "releve.csv"),
                Stream.of(worded, BAD_AMOUNT));

        List<QuarantinedRecord> read = vault.imports().rejects(camille.id(), batch.id(), 0, 10);
        assertThat(read).extracting(reject -> reject.rejection().reason(Language.FRENCH))
                .containsExactly("on attendait un montant dans la colonne «\u00a0Montant\u00a0»", "the amount is not a number");
        assertThat(read).extracting(reject -> reject.rejection().reason())
                .containsExactly("expected an amount in column 'Montant'", "the amount is not a number");
        assertThat(read.getFirst().rejection().wording()).contains(worded.wording().orElseThrow());
        assertThat(read.getLast().rejection().wording()).isEmpty();
    }

    @Test
    void theQuarantineGivesBackTheRejectedRecordsTextToItsOwner() {
        Rejection withText = BAD_AMOUNT.withText("10/03/2025;CAFE DES ARTS;douze euros");

        ImportBatch batch = vault.imports().write(camille.id(), new ImportRequest(BANK, "csv", "releve.csv"),
                Stream.of(withText, BAD_DATE));

        assertThat(vault.imports().rejects(camille.id(), batch.id(), 0, 10)).extracting(reject -> reject.rejection().text())
                .containsExactly(Optional.of("10/03/2025;CAFE DES ARTS;douze euros"), Optional.empty());
    }

    @Test
    void aRejectionTheSourcesQuarantineAlreadyHoldsIsCountedAndNotKeptAgain() {
        Rejection withText = BAD_AMOUNT.withText("10/03/2025;CAFE DES ARTS;douze euros");
        Rejection elsewhere = new Rejection(Position.line(12), BAD_AMOUNT.reason(), Optional.empty(), withText.text());
        ImportBatch first = vault.imports().write(camille.id(), new ImportRequest(BANK, "csv", "releve.csv"),
                Stream.of(withText, BAD_DATE));

        ImportBatch again = vault.imports().write(camille.id(), new ImportRequest(BANK, "csv", "releve.csv"),
                Stream.of(withText, BAD_DATE, elsewhere));

        assertThat(again.rejected()).isEqualTo(1);
        assertThat(again.alreadyRejected()).isEqualTo(2);
        assertThat(vault.imports().batch(camille.id(), again.id()).orElseThrow())
                .extracting(ImportBatch::rejected, ImportBatch::alreadyRejected).containsExactly(1L, 2L);
        assertThat(vault.imports().rejects(camille.id(), again.id(), 0, 10))
                .containsExactly(new QuarantinedRecord(3, elsewhere));
        assertThat(vault.imports().rejects(camille.id(), first.id(), 0, 10)).hasSize(2);
    }

    @Test
    void anotherSourceQuarantinesTheSameRejectionOfItsOwn() {
        vault.imports().write(camille.id(), new ImportRequest(BANK, "csv", "releve.csv"), Stream.of(BAD_AMOUNT));

        ImportBatch other = vault.imports().write(camille.id(),
                new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json"), Stream.of(BAD_AMOUNT));

        assertThat(other.rejected()).isEqualTo(1);
        assertThat(other.alreadyRejected()).isZero();
    }

    @Test
    void aRejectionReleasedFromTheQuarantineIsNoLongerListedNorCounted() {
        ImportBatch batch = vault.imports().write(camille.id(), new ImportRequest(BANK, "csv", "releve.csv"),
                Stream.of(BAD_AMOUNT, BAD_DATE));

        vault.imports().release(camille.id(), batch.id(), 1);

        assertThat(vault.imports().rejects(camille.id(), batch.id(), 0, 10)).containsExactly(new QuarantinedRecord(2, BAD_DATE));
        assertThat(vault.imports().batch(camille.id(), batch.id()).orElseThrow().rejected()).isEqualTo(1);
        assertThatThrownBy(() -> vault.imports().release(camille.id(), batch.id(), 1))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessage("batch " + batch.id().value() + " holds no rejected record 1");
    }

    @Test
    void theQuarantineOfABatchThatIsNotThereIsNotFound() {
        assertThatThrownBy(() -> vault.imports().rejects(camille.id(), BatchId.of(42), 0, 10))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
                .hasMessage("there is no batch 42");
    }

    @Test
    void erasingASourceEmptiesTheQuarantinesOfItsBatches() {
        ImportBatch batch = vault.imports().write(camille.id(), new ImportRequest(BANK, "csv", "releve.csv"),
                Stream.of(BAD_AMOUNT, BAD_DATE));

        vault.erasure().eraseSource(camille.id(), batch.source());

        assertThatThrownBy(() -> vault.imports().rejects(camille.id(), batch.id(), 0, 10))
                .isInstanceOfSatisfying(SelfdataException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(vault.imports().batches(camille.id())).isEmpty();
    }

    @Test
    void filesWrittenInOneTransactionLandTogether() {
        List<ImportBatch> batches = vault.imports().inOneTransaction(camille.id(), files -> List.of(
                files.write(new ImportRequest(LOCATION_HISTORY, "google-records", "takeout.zip!/Takeout/Records.json"),
                        SyntheticRecords.points(300)),
                files.write(new ImportRequest(BANK, "csv", "takeout.zip!/Takeout/releve.csv"), Stream.of(BAD_AMOUNT))));

        assertThat(batches).extracting(ImportBatch::added, ImportBatch::rejected)
                .containsExactly(tuple(300L, 0L), tuple(0L, 1L));
        assertThat(vault.imports().batches(camille.id())).hasSize(2);
    }

    @Test
    void aFileThatFailsIsUndoneAloneAndTheOthersLandWhenTheWorkGoesOn() {
        List<ImportBatch> landed = vault.imports().inOneTransaction(camille.id(), files -> {
            ImportBatch first = files.write(new ImportRequest(LOCATION_HISTORY, "google-records", "one.json"),
                    SyntheticRecords.points(300));
            assertThatThrownBy(() -> files.write(new ImportRequest(BANK, "csv", "broken.csv"), failingAfter(50)))
                    .hasMessage("line 51: the file ends in the middle of a quoted field");
            return List.of(first);
        });

        assertThat(landed).hasSize(1);
        assertThat(vault.imports().batches(camille.id())).extracting(ImportBatch::fileName).containsExactly("one.json");
        assertThat(vault.imports().sources(camille.id())).hasSize(1);
        assertThat(fixture.readAll()).hasSize(300);
    }

    @Test
    void aFailureThatEndsTheWorkUndoesEveryFile() {
        assertThatThrownBy(() -> vault.imports().inOneTransaction(camille.id(), files -> {
            files.write(new ImportRequest(LOCATION_HISTORY, "google-records", "one.json"), SyntheticRecords.points(300));
            return files.write(new ImportRequest(BANK, "csv", "broken.csv"), failingAfter(50));
        })).hasMessage("line 51: the file ends in the middle of a quoted field");

        assertThat(vault.imports().batches(camille.id())).isEmpty();
        assertThat(vault.imports().sources(camille.id())).isEmpty();
        assertThat(fixture.readAll()).isEmpty();
    }

    private static Stream<ImportItem> failingAfter(int records) {
        String fault = "line 51: the file ends in the middle of a quoted field";
        return Stream.concat(Stream.iterate(1, line -> line + 1).limit(records)
                        .map(line -> (ImportItem) SyntheticRecords.coffee(LocalDate.of(2025, 3, 10), line)),
                Stream.<ImportItem>of(BAD_AMOUNT).peek(rejection -> {
                    throw new SelfdataException(ErrorCode.INVALID_INPUT, fault);
                }));
    }
}
