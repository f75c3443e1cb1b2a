package org.selfdata.vault;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aVaultMadeBeforeRolesMakesItsOldestPersonTheOperator(Engine engine, @TempDir Path folder) throws SQLException {
        VaultLocation location = TestVaults.location(engine, folder);
        try (Database database = Database.connect(location, true)) {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(database.dataSource())
                    .locations("classpath:db/vault/" + (engine == Engine.SQLITE ? "sqlite" : "postgresql"))
                    .table("vault_schema_history")
                    .target("5")
                    .load()
                    .migrate();
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO persons (person_id, handle, time_zone, created_at) VALUES "
                        + "(7, 'dominique', 'Europe/Paris', 1), (3, 'camille', 'Europe/Paris', 2), "
                        + "(12, 'eloise', 'Europe/Paris', 0)");
            }

            Migrations.migrate(database);

            assertThat(database.transaction(Migrations::appliedVersion)).contains(Migrations.CURRENT_VERSION);
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT handle, role FROM persons ORDER BY person_id")) {
                List<String> roles = new ArrayList<>();
                while (rows.next()) {
                    roles.add(rows.getString(1) + " " + rows.getString(2));
                }
                assertThat(roles).containsExactly("camille operator", "dominique member", "eloise member");
            }
        }
    }
}
