package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeysTest {
    @TempDir
    Path folder;

    @Test
    void theKeyFileIsCreatedWithTheVaultReadableByItsOwnerOnly() throws IOException {
        TestVaults.create(Engine.SQLITE, folder).close();

        Path keyFile = folder.resolve(VaultLocation.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void afterRotationNewRecordsUseTheNewKeyAndOldRecordsStillOpen() throws SQLException {
        Person camille;
        try (Vault vault = TestVaults.create(Engine.SQLITE, folder)) {
            camille = TestVaults.camille(vault);
            vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "a.json"),
                    SyntheticRecords.points(100));

            assertThat(vault.rotateKeys(camille.id())).isEqualTo(1);

            vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "b.json"),
                    LongStream.range(100, 200).mapToObj(SyntheticRecords::point));
        }
        try (Vault reopened = Vault.open(VaultLocation.sqlite(folder), TestVaults.keyFile(folder));
             Stream<StoredRecord> records = reopened.records().read(camille.id(), RecordQuery.all())) {
            assertThat(records.map(StoredRecord::payload)).hasSize(200);
        }
        List<String> keyIds = keyIdsOfPayloads();
        // Tink prefixes each ciphertext with the id of the key that sealed it: two keys, one per half.
        assertThat(keyIds.subList(0, 100)).containsOnly(keyIds.getFirst());
        assertThat(keyIds.subList(100, 200)).containsOnly(keyIds.getLast());
        assertThat(keyIds.getFirst()).isNotEqualTo(keyIds.getLast());
    }

    @Test
    void aKeyFileFromAnotherVaultIsRefusedAndNothingIsWritten(@TempDir Path otherFolder) {
        TestVaults.create(Engine.SQLITE, folder).close();
        TestVaults.create(Engine.SQLITE, otherFolder).close();
        FolderSnapshot before = FolderSnapshot.of(folder);

        assertThatThrownBy(() -> Vault.open(VaultLocation.sqlite(folder), TestVaults.keyFile(otherFolder)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the key file " + otherFolder.resolve("master.key") + " belongs to another vault, not to "
                        + folder.resolve("vault.db"))
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.KEY_UNAVAILABLE);
        assertThat(FolderSnapshot.of(folder)).isEqualTo(before);
    }

    @Test
    void aMissingKeyFileIsNamedAndNothingIsWritten() throws IOException {
        TestVaults.create(Engine.SQLITE, folder).close();
        Path keyFile = folder.resolve(VaultLocation.KEY_FILE);
        Files.move(keyFile, folder.resolveSibling(folder.getFileName() + ".key.backup"));
        FolderSnapshot before = FolderSnapshot.of(folder);

        assertThatThrownBy(() -> Vault.open(VaultLocation.sqlite(folder), TestVaults.keyFile(folder)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the key file " + keyFile + " is missing; without it the vault cannot be opened. Put back the "
                        + "copy you saved when the vault was created, or point --key-file at it");
        assertThat(FolderSnapshot.of(folder)).isEqualTo(before);
        assertThat(keyFile).doesNotExist();
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws IOException {
        TestVaults.create(Engine.SQLITE, folder).close();
        Path keyFile = folder.resolve(VaultLocation.KEY_FILE);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> Vault.open(VaultLocation.sqlite(folder), TestVaults.keyFile(folder)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the key file " + keyFile + " can be read by other users (mode rw-r--r--); make it private with: "
                        + "chmod 600 " + keyFile);
    }

    @Test
    void aPassphraseOpensWhatItLockedAndAWrongOneIsRefusedWithoutWriting() {
        char[] passphrase = "correct horse battery staple".toCharArray();
        try (Vault vault = Vault.create(VaultLocation.sqlite(folder), KeySource.passphrase(passphrase))) {
            Person camille = TestVaults.camille(vault);
            vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "a.json"),
                    SyntheticRecords.points(10));
        }
        assertThat(folder.resolve(VaultLocation.KEY_FILE)).doesNotExist();
        FolderSnapshot before = FolderSnapshot.of(folder);

        assertThatThrownBy(() -> Vault.open(VaultLocation.sqlite(folder),
                        KeySource.passphrase("correct horse battery stapler".toCharArray())))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the passphrase is wrong for the vault at " + folder.resolve("vault.db"));
        assertThat(FolderSnapshot.of(folder)).isEqualTo(before);

        try (Vault vault = Vault.open(VaultLocation.sqlite(folder), KeySource.passphrase(passphrase));
             Stream<StoredRecord> records = vault.records()
                     .read(vault.person(java.util.Optional.empty()).id(), RecordQuery.all())) {
            assertThat(records).hasSize(10);
        }
    }

    @Test
    void aVaultLockedByAPassphraseSaysSoWhenGivenAKeyFile() {
        Vault.create(VaultLocation.sqlite(folder), KeySource.passphrase("correct horse battery staple".toCharArray())).close();

        assertThatThrownBy(() -> Vault.open(VaultLocation.sqlite(folder), TestVaults.keyFile(folder)))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the vault at " + folder.resolve("vault.db") + " is locked by a passphrase, not a key file; "
                        + "give it with SELFDATA_PASSPHRASE or --passphrase-file");
    }

    private List<String> keyIdsOfPayloads() throws SQLException {
        List<String> keyIds = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("vault.db"));
             ResultSet rows = connection.createStatement().executeQuery("SELECT payload FROM records ORDER BY record_number")) {
            while (rows.next()) {
                keyIds.add(Arrays.toString(Arrays.copyOfRange(rows.getBytes(1), 0, 5)));
            }
        }
        return keyIds;
    }
}
