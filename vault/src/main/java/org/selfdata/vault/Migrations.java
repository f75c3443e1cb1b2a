package org.selfdata.vault;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Brings a vault's schema up to date with Flyway. One schema, written once per engine because SQLite and
 * PostgreSQL differ in types and only PostgreSQL has row-level security; on a PostgreSQL with Citus, the tables are
 * then spread over the cluster ({@link CitusDistribution}).
 */
final class Migrations {
    /** The version of the newest migration in db/vault; MigrationsTest holds it to the files. */
    static final String CURRENT_VERSION = "19";

    private Migrations() {}

    /**
     * Brings the schema up to date. A vault already at the current version is left alone without starting Flyway,
     * whose scan of the class path would cost every start of selfdata half a second; what is left to spread over a
     * Citus cluster is spread either way.
     */
    static void migrate(Database database) {
        if (CURRENT_VERSION.equals(database.transaction(Migrations::appliedVersion).orElse(""))) {
            CitusDistribution.apply(database);
            return;
        }
        String folder = database.isPostgres() ? "postgresql" : "sqlite";
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(database.dataSource())
                .locations("classpath:db/vault/" + folder)
                .table("vault_schema_history")
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .loggers("slf4j")
                .load();
        try {
            flyway.migrate();
            CitusDistribution.apply(database);
        }
        catch (FlywayException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot bring the vault's schema up to date in "
                    + database.description() + ": " + e.getMessage(), e);
        }
    }

    /** The newest successful migration recorded in the vault, if Flyway has run there. */
    static Optional<String> appliedVersion(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "vault_schema_history", new String[] {"TABLE"})) {
            if (!tables.next()) {
                return Optional.empty();
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM vault_schema_history WHERE success "
                     + "AND version IS NOT NULL ORDER BY installed_rank DESC")) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }
}
