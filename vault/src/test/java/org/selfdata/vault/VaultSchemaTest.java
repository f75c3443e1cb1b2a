package org.selfdata.vault;

import org.jooq.Field;
import org.jooq.Meta;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class VaultSchemaTest {
    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyDeclaredColumnExistsInTheMigratedSchemaAndNoOther(Engine engine, @TempDir Path folder) throws SQLException {
        VaultLocation location = TestVaults.location(engine, folder);
        Vault.create(location, TestVaults.keyFile(folder)).close();

        Map<String, Set<String>> migrated = columns(location);

        Map<String, Set<String>> declared = new TreeMap<>();
        VaultTables.COLUMNS.forEach((table, fields) -> declared.put(table.getName(),
                fields.stream().map(Field::getName).collect(Collectors.toCollection(TreeSet::new))));
        assertThat(migrated).isEqualTo(declared);
    }

    @Test
    void bothEnginesHaveTheSameTablesAndColumns(@TempDir Path sqliteFolder, @TempDir Path postgresFolder) throws SQLException {
        VaultLocation sqlite = TestVaults.location(Engine.SQLITE, sqliteFolder);
        VaultLocation postgres = TestVaults.location(Engine.POSTGRES, postgresFolder);
        Vault.create(sqlite, TestVaults.keyFile(sqliteFolder)).close();
        Vault.create(postgres, TestVaults.keyFile(postgresFolder)).close();

        assertThat(columns(sqlite)).isEqualTo(columns(postgres));
    }

    @Test
    void aNewSqliteVaultHasSixteenKilobytePagesAndAWriteAheadLog(@TempDir Path folder) throws SQLException {
        VaultLocation location = TestVaults.location(Engine.SQLITE, folder);
        Vault.create(location, TestVaults.keyFile(folder)).close();

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + location.databaseFile());
             var statement = connection.createStatement()) {
            try (var pageSize = statement.executeQuery("PRAGMA page_size")) {
                assertThat(pageSize.next()).isTrue();
                assertThat(pageSize.getInt(1)).isEqualTo(16_384);
            }
            try (var journalMode = statement.executeQuery("PRAGMA journal_mode")) {
                assertThat(journalMode.next()).isTrue();
                assertThat(journalMode.getString(1)).isEqualTo("wal");
            }
        }
    }

    private static Map<String, Set<String>> columns(VaultLocation location) throws SQLException {
        String url = location.postgres().map(VaultLocation.PostgresDatabase::jdbcUrl)
                .orElse("jdbc:sqlite:" + location.databaseFile());
        try (Connection connection = DriverManager.getConnection(url)) {
            Meta meta = DSL.using(connection).meta();
            Map<String, Set<String>> columns = new TreeMap<>();
            for (Table<?> table : meta.getTables()) {
                boolean vaultTable = table.getSchema() == null
                        || Set.of("", "main", "public").contains(table.getSchema().getName());
                // On a Citus cluster the extension's views (citus_tables, citus_schemas) are there too: Citus's, not the vault's.
                if (vaultTable && !table.getName().startsWith("vault_schema_history") && !table.getName().startsWith("sqlite_")
                        && !table.getName().startsWith("citus_")) {
                    columns.put(table.getName(), Arrays.stream(table.fields()).map(Field::getName)
                            .collect(Collectors.toCollection(TreeSet::new)));
                }
            }
            return columns;
        }
    }
}
