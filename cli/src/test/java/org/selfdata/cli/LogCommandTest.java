package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.testing.Corpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class LogCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private CommandRun selfdata;

    @BeforeEach
    void createVaultWithOneImport() {
        selfdata = new CommandRun(home);
        assertThat(selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris").exitCode()).isZero();
        assertThat(selfdata.run("import", Corpus.file("ofx/checking.ofx").toString()).exitCode()).isZero();
    }

    @Test
    void anImportIsLoggedAndTheLogVerifiesWithTheRootOfItsOneLeaf() throws Exception {
        CommandRun.Result show = selfdata.run("log", "show", "--json");
        CommandRun.Result verify = selfdata.run("log", "verify");

        assertThat(show.exitCode()).isZero();
        String leaf = show.out().strip();
        JsonNode entry = JSON.readTree(leaf);
        assertThat(entry.get("index").asLong()).isZero();
        assertThat(entry.get("action").asString()).isEqualTo("import");
        assertThat(entry.get("count").asLong()).isEqualTo(4);
        assertThat(entry.get("types").toString()).isEqualTo("[\"bank.account\",\"bank.transaction\"]");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update((byte) 0);
        String root = HexFormat.of().formatHex(sha256.digest(leaf.getBytes(StandardCharsets.UTF_8)));
        assertThat(verify.exitCode()).isZero();
        assertThat(verify.out()).isEqualTo("intact: 1 entry, root " + root + "\n");
    }

    @Test
    void showFiltersByAction() {
        assertThat(selfdata.run("log", "show", "--action", "erasure").out()).isEmpty();
        assertThat(selfdata.run("log", "show", "--action", "import").out()).startsWith("     0  ");
        CommandRun.Result wrong = selfdata.run("log", "show", "--action", "looked");
        assertThat(wrong.exitCode()).isEqualTo(3);
        assertThat(wrong.err()).contains("'looked' is not a log action");
    }

    @Test
    void anEntryAlteredInTheDatabaseFailsVerificationAndIsNamed() throws Exception {
        selfdata.run("import", Corpus.file("google-location/takeout_Records.json").toString());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(".selfdata/vault.db"))) {
            byte[] leaf;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT leaf FROM log_entries WHERE entry_index = 1"); ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                leaf = rows.getBytes(1);
            }
            leaf[20] ^= 1;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE log_entries SET leaf = ? WHERE entry_index = 1")) {
                update.setBytes(1, leaf);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }

        CommandRun.Result verify = selfdata.run("log", "verify");
        CommandRun.Result json = selfdata.run("log", "verify", "--json");

        assertThat(verify.exitCode()).isEqualTo(8);
        assertThat(verify.out()).isEqualTo("entry 1 was altered: its content does not match the hash recorded when it was "
                + "appended\n");
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.get("intact").asBoolean()).isFalse();
        assertThat(report.get("entry").asLong()).isEqualTo(1);
        assertThat(report.get("problem").asString()).isEqualTo("altered");
    }
}
