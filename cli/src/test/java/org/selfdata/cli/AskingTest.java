package org.selfdata.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What selfdata asks a person on a terminal, in which order, and what it does with a wrong answer. */
class AskingTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path home;

    @Test
    void initAsksForTheTimeZoneNamingThisComputersAsTheDefault() {
        CommandRun selfdata = new CommandRun(home);
        String computers = ZoneId.systemDefault().getId();

        CommandRun.Result init = selfdata.runAtTerminal(List.of("", PASSWORD, PASSWORD), "init", "--handle", "camille");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.err()).isEqualTo("Time zone [" + computers + "]: \nSign-in password for camille: \nAgain: \n");
        assertThat(init.out()).contains("Times are shown in " + computers + ".\n");
        assertThat(zoneOf(selfdata, "camille")).isEqualTo(computers);
    }

    @Test
    void theTimeZoneTypedAtInitIsThePersons() {
        CommandRun selfdata = new CommandRun(home);

        CommandRun.Result init = selfdata.runAtTerminal(List.of("Europe/Paris", PASSWORD, PASSWORD),
                "init", "--handle", "camille");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("Times are shown in Europe/Paris.\n");
        assertThat(zoneOf(selfdata, "camille")).isEqualTo("Europe/Paris");
    }

    @Test
    void anUnknownTimeZoneIsRefusedAndNothingIsCreated() {
        CommandRun selfdata = new CommandRun(home);

        CommandRun.Result typed = selfdata.runAtTerminal(List.of("Europe/Lyon"), "init", "--handle", "camille");
        CommandRun.Result given = selfdata.run("init", "--handle", "camille", "--zone", "Mars/Olympus");

        assertThat(typed.exitCode()).isEqualTo(3);
        assertThat(typed.err()).isEqualTo("Time zone [" + ZoneId.systemDefault().getId() + "]: \n"
                + "selfdata: unknown time zone 'Europe/Lyon': give one such as Europe/Paris or America/Montreal; "
                + "nothing was created\n");
        assertThat(given.exitCode()).isEqualTo(3);
        assertThat(given.err()).isEqualTo("selfdata: --zone: unknown time zone 'Mars/Olympus': give one such as "
                + "Europe/Paris or America/Montreal; nothing was created\n");
        assertThat(home.resolve(".selfdata")).doesNotExist();
    }

    @Test
    void aZoneGivenOnTheCommandLineIsNotAskedFor() {
        CommandRun selfdata = new CommandRun(home);

        CommandRun.Result init = selfdata.runAtTerminal(List.of(PASSWORD, PASSWORD),
                "init", "--handle", "camille", "--zone", "America/Montreal");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.err()).isEqualTo("Sign-in password for camille: \nAgain: \n");
        assertThat(zoneOf(selfdata, "camille")).isEqualTo("America/Montreal");
    }

    @Test
    void aPasswordTooShortIsRefusedBeforeItIsAskedAgain() {
        CommandRun selfdata = new CommandRun(home);
        selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris");

        CommandRun.Result result = selfdata.runAtTerminal(List.of("short", "short"), "password");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("Sign-in password for camille: \n"
                + "selfdata: a password must be 8 to 1024 characters long; nothing was changed\n");
    }

    @Test
    void twoDifferentPasswordsAreRefusedAfterTheSecond() {
        CommandRun selfdata = new CommandRun(home);
        selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris");

        CommandRun.Result result = selfdata.runAtTerminal(List.of(PASSWORD, PASSWORD + "!"), "password");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("Sign-in password for camille: \nAgain: \n"
                + "selfdata: the two passwords differ; nothing was changed\n");
    }

    @Test
    void erasingASourceAsksForItsNumberSayingItIsTheSourcesNumber(@TempDir Path files) throws Exception {
        CommandRun selfdata = new CommandRun(home);
        selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris");
        Path contacts = java.nio.file.Files.writeString(files.resolve("contacts.vcf"),
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Agence Exemple\r\nEND:VCARD\r\n");
        selfdata.run("import", contacts.toString());

        CommandRun.Result refused = selfdata.runAtTerminal(List.of("yes"), "erase", "--source", "1");
        CommandRun.Result erased = selfdata.runAtTerminal(List.of("1"), "erase", "--source", "1");

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).endsWith("Type 1 (the number of this source) to confirm: \n"
                + "selfdata: not confirmed; nothing was erased\n");
        assertThat(erased.exitCode()).as(erased.err()).isZero();
        assertThat(erased.out()).isEqualTo("Erased 1 record from 1 source and 1 import.\n");
    }

    private static String zoneOf(CommandRun selfdata, String handle) {
        return JSON.readTree(selfdata.run("people", "list", "--json").out()).get("people").get(0).get("zone").stringValue();
    }
}
