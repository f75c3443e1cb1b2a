package org.selfdata.vault;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void theCurrentVersionIsTheNewestMigrationAndWhatANewVaultRecords(Engine engine, @TempDir Path folder)
            throws IOException, URISyntaxException {
        String folderName = engine == Engine.SQLITE ? "sqlite" : "postgresql";
        Path migrations = Path.of(Migrations.class.getResource("/db/vault/" + folderName).toURI());
        String newest;
        try (Stream<Path> files = Files.list(migrations)) {
            newest = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.+\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .max(Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow();
        }
        assertThat(Migrations.CURRENT_VERSION).isEqualTo(newest);

        VaultLocation location = TestVaults.location(engine, folder);
        Vault.create(location, TestVaults.keyFile(folder)).close();
        try (Database database = Database.connect(location, false)) {
            assertThat(database.transaction(Migrations::appliedVersion)).contains(newest);
        }
    }
}
