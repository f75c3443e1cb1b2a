package org.selfdata.vault;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;

/**
 * Brings a vault's schema up to date with Flyway. One schema, written once per engine because SQLite and
 * PostgreSQL differ in types and only PostgreSQL has row-level security.
 */
final class Migrations {
    private Migrations() {}

    static void migrate(Database database) {
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
        }
        catch (FlywayException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot bring the vault's schema up to date in " + database.description()
                    + ": " + e.getMessage(), e);
        }
    }
}
