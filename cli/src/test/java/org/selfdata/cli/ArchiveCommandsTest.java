package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.testing.Corpus;
import org.selfdata.testing.TestPostgres;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveCommandsTest {
    @Test
    void anExportRestoredWhereThereIsNoVaultGivesTheSameRecordsBack(@TempDir Path home, @TempDir Path elsewhere) {
        CommandRun selfdata = new CommandRun(home);
        selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris");
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString(),
                Corpus.file("google-location/takeout_Records.json").toString());
        Path archive = elsewhere.resolve("camille.zip");

        CommandRun.Result exported = selfdata.run("export", archive.toString());
        CommandRun.Result refused = selfdata.run("export", archive.toString());
        CommandRun restoring = new CommandRun(elsewhere);
        CommandRun.Result restored = restoring.run("restore", archive.toString());

        assertThat(exported.exitCode()).isZero();
        // One account and three transactions from the statement, twelve points from the history: three types, each as JSON
        // Lines and as a CSV table, then the sources, the batches and their (empty) quarantine, then the (empty) recipients,
        // grants and receipts, then the transparency log and its signed head.
        assertThat(exported.out()).isEqualTo("Exported 16 records of camille in 21 parts to " + archive + "\n");
        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(restored.exitCode()).isZero();
        assertThat(restored.out()).startsWith("Restored 16 records of camille from " + archive + "\n");
        assertThat(restoring.run("records").out()).isEqualTo(selfdata.run("records").out());
        // The two imports carried over, the restore, and the reading of the records just above.
        assertThat(restoring.run("log", "verify").out()).startsWith("intact: 4 entries, root ");
    }

    @Test
    void aRestoreIntoAVaultThatHoldsRecordsIsRefused(@TempDir Path home, @TempDir Path elsewhere) {
        CommandRun selfdata = new CommandRun(home);
        selfdata.run("init", "--handle", "camille");
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString());
        Path archive = elsewhere.resolve("camille.zip");
        selfdata.run("export", archive.toString());

        CommandRun.Result result = selfdata.run("restore", archive.toString());

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).isEqualTo("selfdata: a restore needs a person who holds nothing yet, and this person holds "
                + "1 source(s); restore into a new vault or a new person\n");
    }

    @Test
    void theArchiveOfAVaultThatHoldsRecordsIsRestoredIntoANewFolderBesideIt(@TempDir Path home, @TempDir Path elsewhere) {
        CommandRun selfdata = new CommandRun(home);
        selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris");
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString());
        Path archive = elsewhere.resolve("vault.zip");
        selfdata.run("export", archive.toString());
        String restoredFolder = home.resolve(".selfdata-restored").toString();

        CommandRun.Result restored = selfdata.run("restore", "--data", restoredFolder, archive.toString());

        assertThat(restored.exitCode()).isZero();
        assertThat(restored.out()).startsWith("Restored 4 records of camille from " + archive + "\n");
        assertThat(selfdata.run("records", "--data", restoredFolder).out()).isEqualTo(selfdata.run("records").out());
    }

    @Test
    void theStartUpTrainingRunsAndLeavesNothingBehind(@TempDir Path home) {
        CommandRun.Result result = new CommandRun(home).run("train");

        assertThat(result.exitCode()).isZero();
        assertThat(home.resolve(".selfdata")).doesNotExist();
    }

    @Test
    void theStartUpTrainingLeavesTheVaultTheEnvironmentNamesAlone(@TempDir Path home) {
        String url = TestPostgres.get().newDatabase();
        Path keyFile = home.resolve("alice.key");
        CommandRun selfdata = new CommandRun(home)
                .with("SELFDATA_DB", url.substring(0, url.indexOf('?')))
                .with("SELFDATA_DB_USER", TestPostgres.ROLE)
                .with("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD)
                .with("SELFDATA_KEY_FILE", keyFile.toString());

        CommandRun.Result trained = selfdata.run("train");
        boolean keyFileAfterTraining = Files.exists(keyFile);
        CommandRun.Result created = selfdata.run("init", "--handle", "alice", "--zone", "Europe/Paris");

        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(keyFileAfterTraining).as("a key file where SELFDATA_KEY_FILE says").isFalse();
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).startsWith("Created a vault for alice at jdbc:postgresql://");
        assertThat(keyFile).exists();
    }
}
