package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @TempDir
    Path home;

    @Test
    void theHelpNamesTheDemosOwnFolderAsTheDefault() {
        CommandRun.Result help = new CommandRun(home).run("demo", "--help");

        assertThat(help.exitCode()).isZero();
        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text).contains("--data=FOLDER The demo vault's folder (default: ~/.selfdata-demo, away from your own vault).");
        assertThat(text).doesNotContain("else ~/.selfdata)");
    }

    @Test
    void theDemoKeepsToItsOwnFolderEvenWhereTheHomeOfYourVaultIsSet(@TempDir Path yours) {
        CommandRun selfdata = new CommandRun(home).with("SELFDATA_HOME", yours.toString());
        // A vault that is not a demo vault where the demo's would be: the demo says so and touches nothing.
        assertThat(selfdata.run("init", "--handle", "dominique", "--zone", "Europe/Paris",
                "--data", home.resolve(".selfdata-demo").toString()).exitCode()).isZero();

        CommandRun.Result demo = selfdata.run("demo", "--no-serve");

        assertThat(demo.exitCode()).isEqualTo(5);
        assertThat(demo.err()).isEqualTo("selfdata: the vault at " + home.resolve(".selfdata-demo/vault.db")
                + " is not a demo vault; give the demo a folder of its own with --data\n");
        assertThat(yours).isEmptyDirectory();
    }
}
