package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeSpan;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EncryptionAtRestTest {
    private static final List<String> SECRETS = List.of("PHARMACIE DU BON SECOURS", "Dr Mirabelle Quintard",
            "FR7630004000031234567890143", "releve-confidentiel-camille.ofx", "CABINET DU DOCTEUR ABERNATHY");

    @Test
    void knownPayloadStringsNeverAppearInTheDatabaseFilesWalIncluded(@TempDir Path folder) throws IOException {
        try (Vault vault = TestVaults.create(Engine.SQLITE, folder)) {
            Person camille = TestVaults.camille(vault);
            vault.imports().write(camille.id(),
                    new ImportRequest(SyntheticRecords.BANK, "ofx", "releve-confidentiel-camille.ofx"),
                    Stream.concat(Stream.of(secretTransaction(), secretRejection()), SyntheticRecords.points(5_000)));
            try (Stream<StoredRecord> records = vault.records().read(camille.id(), RecordQuery.all())) {
                assertThat(records.filter(
                        record -> new String(record.payloadJson(), StandardCharsets.UTF_8).contains(SECRETS.getFirst())))
                        .as("the secret is in the vault, opened for its owner").hasSize(1);
            }
            // While the vault is open the write-ahead log holds the latest pages: check it too, before it is folded in.
            assertNoSecretsIn(folder);
        }
        assertNoSecretsIn(folder);
    }

    private static RecordDraft secretTransaction() {
        BankTransaction medicine = new BankTransaction("FR7630004000031234567890143", LocalDate.of(2025, 2, 3), Optional.empty(),
                new BigDecimal("-23.90"), "EUR", "PHARMACIE DU BON SECOURS", Optional.of("Dr Mirabelle Quintard"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        return RecordDraft.of(TimeSpan.day(LocalDate.of(2025, 2, 3), TestVaults.PARIS), medicine, Position.line(1));
    }

    private static Rejection secretRejection() {
        return new Rejection(Position.line(2), "expected an amount", Optional.empty(),
                Optional.of("03/02/2025;CABINET DU DOCTEUR ABERNATHY;??"));
    }

    private static void assertNoSecretsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> databaseFiles = files.filter(file -> file.getFileName().toString().startsWith(VaultLocation.DATABASE_FILE))
                    .toList();
            assertThat(databaseFiles).isNotEmpty();
            for (Path file : databaseFiles) {
                byte[] bytes = Files.readAllBytes(file);
                String asLatin1 = new String(bytes, StandardCharsets.ISO_8859_1);
                for (String secret : SECRETS) {
                    assertThat(asLatin1).as(secret + " in " + file.getFileName()).doesNotContain(secret);
                }
            }
        }
    }
}
