package org.selfdata.cli;

import org.selfdata.rights.DayWording;
import org.selfdata.testing.TestPostgres;
import org.selfdata.texts.Words;
import org.selfdata.vault.Engine;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the tests of {@code selfdata rights} share: Camille's vault on SQLite or PostgreSQL, made with {@code selfdata
 * init} in Europe/Paris, the sender her letters are signed with, her drafts and the steps they take, each through the
 * command line, and her vault opened to see what the commands kept.
 */
final class RightsCommands {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Path home;
    private final Engine engine;
    private final Optional<String> database;
    private final CommandRun selfdata;

    RightsCommands(Path home, Engine engine) {
        this.home = home;
        this.engine = engine;
        this.database = engine == Engine.POSTGRES ? Optional.of(TestPostgres.get().newDatabase()) : Optional.empty();
        this.selfdata = new CommandRun(home);
        database.ifPresent(url -> selfdata.with("SELFDATA_DB", url.substring(0, url.indexOf('?')))
                .with("SELFDATA_DB_USER", TestPostgres.ROLE)
                .with("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD));
    }

    /** The command line on Camille's vault, which {@link #init()} makes. */
    CommandRun selfdata() {
        return selfdata;
    }

    RightsCommands init() {
        CommandRun.Result init = selfdata.runWithInput("lyon-2025-guillotiere\n", "init", "--handle", "camille",
                "--zone", PARIS.getId(), "--password-stdin");
        assertThat(init.exitCode()).as(init.err()).isZero();
        return this;
    }

    /** Camille says who she is, as every letter needs. */
    RightsCommands sender() {
        CommandRun.Result saved = selfdata.run("rights", "sender", "--name", "Camille Martin", "--address",
                "12 rue de la République\n69002 Lyon", "--email", "camille@example.org");
        assertThat(saved.exitCode()).as(saved.err()).isZero();
        return this;
    }

    /** Drafts a request with these options after the organization's slug, and gives its reference. */
    String draft(String organization, String... options) {
        String[] arguments = new String[options.length + 3];
        arguments[0] = "rights";
        arguments[1] = "draft";
        arguments[2] = organization;
        System.arraycopy(options, 0, arguments, 3, options.length);
        return reference(selfdata.run(arguments));
    }

    /** Drafts a request and records it as sent by post on that day. */
    String posted(String organization, String right, LocalDate on) {
        String reference = draft(organization, "--right", right, "--channel", "letter", "--language", "en");
        succeeds("rights", "sent", reference, "--on", on.toString());
        return reference;
    }

    /** Runs a command that must succeed, and gives what it printed. */
    CommandRun.Result succeeds(String... arguments) {
        CommandRun.Result result = selfdata.run(arguments);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    /** Today in Camille's zone, as the desk counts it. */
    static LocalDate today() {
        return LocalDate.now(PARIS);
    }

    /** A day as the English commands say it, such as Friday 31 January 2025. */
    static String say(LocalDate day) {
        return Words.english().say(DayWording.of(day));
    }

    static String reference(CommandRun.Result drafted) {
        assertThat(drafted.exitCode()).as(drafted.err()).isZero();
        Matcher matcher = Pattern.compile("(?:Request|Demande) (SD-[0-9A-Z]{4}) (?:drafted|préparée)").matcher(drafted.out());
        assertThat(matcher.find()).as(drafted.out()).isTrue();
        return matcher.group(1);
    }

    /** Camille's vault, opened as the commands open it, to see what they kept. */
    Vault openVault() {
        Path folder = home.resolve(".selfdata");
        VaultLocation location = switch (engine) {
            case SQLITE -> VaultLocation.sqlite(folder);
            case POSTGRES -> VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(database.orElseThrow()));
        };
        return Vault.open(location, KeySource.keyFile(folder.resolve(VaultLocation.KEY_FILE)));
    }
}
