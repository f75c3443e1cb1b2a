package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.testing.Corpus;
import org.selfdata.testing.TestPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresCommandsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aVaultOnPostgresIsCreatedFilledAndReadWithCredentialsFromTheEnvironment(@TempDir Path home) {
        String url = TestPostgres.get().newDatabase();
        String withoutCredentials = url.substring(0, url.indexOf('?'));
        CommandRun selfdata = new CommandRun(home)
                .with("SELFDATA_DB", withoutCredentials)
                .with("SELFDATA_DB_USER", TestPostgres.ROLE)
                .with("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD);

        CommandRun.Result init = selfdata.run("init", "--handle", "alice", "--zone", "Europe/Paris");
        CommandRun.Result imported = selfdata.run("import", Corpus.file("google-location/takeout_Records.json").toString());
        JsonNode status = JSON.readTree(selfdata.run("status", "--json").out());

        assertThat(init.exitCode()).isZero();
        assertThat(init.out()).startsWith("Created a vault for alice at " + withoutCredentials);
        assertThat(imported.exitCode()).isZero();
        assertThat(status.get("records").asLong()).isEqualTo(12);
        assertThat(selfdata.run("records", "--type", "geo.point").out().lines()).hasSize(12);
    }

    @Test
    void aWrongDatabasePasswordIsReportedWithItsExitCode(@TempDir Path home) {
        String url = TestPostgres.get().newDatabase();
        CommandRun selfdata = new CommandRun(home)
                .with("SELFDATA_DB", url.substring(0, url.indexOf('?')))
                .with("SELFDATA_DB_USER", TestPostgres.ROLE)
                .with("SELFDATA_DB_PASSWORD", "not-the-password");

        CommandRun.Result result = selfdata.run("status");

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.err()).startsWith("selfdata: PostgreSQL refused the credentials while connecting to jdbc:postgresql://")
                .doesNotContain("not-the-password");
    }
}
