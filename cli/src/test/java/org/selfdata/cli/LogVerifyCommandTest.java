package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.PersonId;
import org.selfdata.testing.OfxStatements;
import org.selfdata.testing.TestPostgres;
import org.selfdata.vault.Engine;
import org.selfdata.vault.PersonScope;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata log verify} on SQLite and PostgreSQL, when the columns kept beside a log entry for the filtered views
 * were changed in the database behind selfdata's back: the filtered view no longer shows the entry, and verification
 * names it.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class LogVerifyCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Engine engine;
    @TempDir
    Path home;
    private CommandRun selfdata;
    private String databaseUrl;

    LogVerifyCommandTest(Engine engine) {
        this.engine = engine;
    }

    /** A vault with an import (entry 0) and Camille's read of her records (entry 1). */
    @BeforeEach
    void importThenRead() throws IOException {
        selfdata = new CommandRun(home);
        if (engine == Engine.POSTGRES) {
            databaseUrl = TestPostgres.get().newDatabase();
            selfdata.with("SELFDATA_DB", databaseUrl.substring(0, databaseUrl.indexOf('?')))
                    .with("SELFDATA_DB_USER", TestPostgres.ROLE).with("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD);
        }
        else {
            databaseUrl = "jdbc:sqlite:" + home.resolve(".selfdata/vault.db");
        }
        assertThat(selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris").exitCode()).isZero();
        Path statement = Files.writeString(home.resolve("releve.ofx"), OfxStatements.checking(
                "<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105<TRNAMT>-1.20<NAME>CB CAFE</STMTTRN>"));
        assertThat(selfdata.run("import", statement.toString()).exitCode()).isZero();
        assertThat(selfdata.run("records").exitCode()).isZero();
        assertThat(selfdata.run("log", "verify").exitCode()).isZero();
    }

    @Test
    void aReadWhoseActionColumnIsChangedIsHiddenFromShowButNamedByVerify() throws SQLException {
        assertThat(selfdata.run("log", "show", "--action", "read").out().lines()).hasSize(1);

        behindTheVault("UPDATE log_entries SET action = 'import' WHERE entry_index = 1");

        CommandRun.Result reads = selfdata.run("log", "show", "--action", "read");
        CommandRun.Result verify = selfdata.run("log", "verify");
        CommandRun.Result json = selfdata.run("log", "verify", "--json");

        assertThat(reads.out()).isEmpty();
        assertThat(verify.exitCode()).isEqualTo(8);
        assertThat(verify.out()).isEqualTo("entry 1 was altered: its action column does not match its content\n");
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.get("entry").asLong()).isEqualTo(1);
        assertThat(report.get("problem").asString()).isEqualTo("altered");
        assertThat(report.get("detail").asString()).isEqualTo("its action column does not match its content");
    }

    @Test
    void anEntryGivenARecipientOrAGrantItDoesNotNameIsNamedByVerify() throws SQLException {
        behindTheVault("UPDATE log_entries SET recipient_id = 'recipient-insurer' WHERE entry_index = 0");

        assertThat(selfdata.run("log", "verify").out())
                .isEqualTo("entry 0 was altered: its recipient column does not match its content\n");

        behindTheVault("UPDATE log_entries SET recipient_id = NULL, grant_id = 'grant-0001' WHERE entry_index = 0");

        assertThat(selfdata.run("log", "verify").out())
                .isEqualTo("entry 0 was altered: its grant column does not match its content\n");
    }

    /** Changes the log's rows directly, as someone with access to the database but not to selfdata could. */
    private void behindTheVault(String update) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl)) {
            connection.setAutoCommit(false);
            if (engine == Engine.POSTGRES) {
                PersonScope.name(connection, PersonId.of(1));
            }
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                assertThat(statement.executeUpdate()).isEqualTo(1);
            }
            connection.commit();
        }
    }
}
