package org.selfdata.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CryptoShreddingTest {
    @Test
    void afterErasureTheSourcesKeysAndSealedPayloadsAreGoneFromEveryFile(@TempDir Path folder) throws SQLException, IOException {
        List<byte[]> keysets;
        List<byte[]> payloads;
        try (Vault vault = TestVaults.create(Engine.SQLITE, folder)) {
            Person camille = TestVaults.camille(vault);
            ImportBatch batch = vault.imports().write(camille.id(),
                    new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records", "Records.json"),
                    SyntheticRecords.points(200));
            keysets = column(folder, "SELECT aead_keyset FROM keysets UNION ALL SELECT prf_keyset FROM keysets");
            payloads = column(folder, "SELECT payload FROM records LIMIT 20");

            vault.erasure().eraseSource(camille.id(), batch.source());
        }

        String files = allDatabaseBytesAsHex(folder);
        for (byte[] keyset : keysets) {
            assertThat(files).as("a wrapped keyset").doesNotContain(HexFormat.of().formatHex(keyset, 0, 48));
        }
        for (byte[] payload : payloads) {
            assertThat(files).as("a sealed payload").doesNotContain(HexFormat.of().formatHex(payload));
        }
    }

    private static List<byte[]> column(Path folder, String sql) throws SQLException {
        List<byte[]> values = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("vault.db"));
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getBytes(1));
            }
        }
        return values;
    }

    private static String allDatabaseBytesAsHex(Path folder) throws IOException {
        StringBuilder hex = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().startsWith("vault.db")).toList()) {
                hex.append(HexFormat.of().formatHex(Files.readAllBytes(file))).append('|');
            }
        }
        return hex.toString();
    }
}
