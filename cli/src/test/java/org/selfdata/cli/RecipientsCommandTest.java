package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.Gate;
import org.selfdata.gate.Sharing;
import org.selfdata.model.Person;
import org.selfdata.model.Recipient;
import org.selfdata.portability.ExistingFile;
import org.selfdata.portability.Export;
import org.selfdata.portability.Restore;
import org.selfdata.testing.TestPostgres;
import org.selfdata.vault.Engine;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata recipients}: Dominique, a member of Camille's vault, restored the archive of a vault where she had
 * shared with Météo Locale, which this vault had never admitted; whoever holds the key, acting as the operator, reads
 * what it declares and admits it.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RecipientsCommandTest {
    private final Engine engine;
    private final Optional<String> database;

    @TempDir
    Path home;

    private CommandRun selfdata;
    private Recipient meteo;

    RecipientsCommandTest(Engine engine) {
        this.engine = engine;
        this.database = engine == Engine.POSTGRES ? Optional.of(TestPostgres.get().newDatabase()) : Optional.empty();
    }

    @BeforeEach
    void dominiqueRestoresHerSharingIntoCamillesVault() {
        selfdata = new CommandRun(home);
        database.ifPresent(url -> selfdata.with("SELFDATA_DB", url.substring(0, url.indexOf('?')))
                .with("SELFDATA_DB_USER", TestPostgres.ROLE)
                .with("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD));
        CommandRun.Result init = selfdata.runWithInput("lyon-2025-guillotiere\n", "init", "--handle", "camille", "--zone",
                "Europe/Paris", "--password-stdin");
        assertThat(init.exitCode()).as(init.err()).isZero();
        Path archive = home.resolve("dominique.zip");
        Path elsewhere = home.resolve("elsewhere");
        try (Vault other = TestVaults.create(engine, elsewhere)) {
            Person her = other.people().create("dominique", TestVaults.PARIS);
            meteo = SampleRecipients.meteoLocale(other);
            Sharing.over(other, Clock.systemUTC()).give(her.id(),
                    SampleRecipients.regionTerms(meteo, Instant.now(), Duration.ofDays(30)));
            new Export(other, Gate.over(other), Clock.systemUTC()).write(her.id(), archive, ExistingFile.REFUSE);
        }
        try (Vault vault = openVault()) {
            Person member = vault.people().create("dominique", TestVaults.PARIS);
            new Restore(vault).restore(member.id(), archive);
        }
    }

    @Test
    void theRecipientsAwaitingAdmissionAreListedWithWhatTheyDeclare() {
        CommandRun.Result listed = selfdata.run("recipients", "awaiting");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out().lines().toList()).satisfiesExactly(
                line -> assertThat(line).matches(meteo.id() + "  Météo Locale  restored \\d{4}-\\d\\d-\\d\\dT[\\d:]+Z"),
                line -> assertThat(line).isEqualTo("  run by Météo Locale SAS (FR), contact: privacy@meteo-locale.example"),
                line -> assertThat(line).isEqualTo("  sends people back to: https://meteo-locale.example/selfdata/back"),
                line -> assertThat(line).startsWith("  for “" + SampleRecipients.NOTIFICATIONS.description() + "”: "),
                line -> assertThat(line).isEqualTo("  keeps what it receives 30 days"),
                line -> assertThat(line).isEqualTo("  passes it on to: OVH SAS, hosting"));
    }

    @Test
    void admittingShowsTheDeclarationFirstAndAsksOnATerminal() {
        CommandRun.Result refused = selfdata.runAtTerminal(List.of("no"), "recipients", "admit", meteo.id().value());
        CommandRun.Result admitted = selfdata.runAtTerminal(List.of("yes"), "recipients", "admit", meteo.id().value());

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).startsWith("Before admitting Météo Locale, read what it declares:\n"
                + "  run by Météo Locale SAS (FR), contact: privacy@meteo-locale.example\n");
        assertThat(refused.err()).endsWith("selfdata: not confirmed; nothing was admitted\n");
        assertThat(admitted.exitCode()).as(admitted.err()).isZero();
        assertThat(admitted.err()).contains("Admit Météo Locale? It may then ask every person of this vault for grants, "
                + "and use those it holds. Type yes to admit it: ");
        assertThat(admitted.out()).isEqualTo("Admitted Météo Locale: it may ask for grants again, and use those it holds.\n");
        assertThat(selfdata.run("recipients", "awaiting").out()).isEqualTo("No recipient awaits admission.\n");
        try (Vault vault = openVault()) {
            assertThat(vault.recipients().isAdmitted(meteo.id())).isTrue();
        }
    }

    @Test
    void offATerminalAdmittingTakesYesAndOnlyARecipientThatAwaits() {
        CommandRun.Result unconfirmed = selfdata.run("recipients", "admit", meteo.id().value());
        CommandRun.Result unknown = selfdata.run("recipients", "admit", "AAAAAAAAAAAAAAAAAAAAAA", "--yes");
        CommandRun.Result admitted = selfdata.run("recipients", "admit", meteo.id().value(), "--yes");
        CommandRun.Result again = selfdata.run("recipients", "admit", meteo.id().value(), "--yes");

        assertThat(unconfirmed.exitCode()).isEqualTo(3);
        assertThat(unconfirmed.err()).endsWith("selfdata: add --yes to admit a recipient when not on a terminal; nothing was "
                + "admitted\n");
        assertThat(unknown.exitCode()).isEqualTo(4);
        assertThat(unknown.err()).endsWith("selfdata: no recipient AAAAAAAAAAAAAAAAAAAAAA awaits admission; 'selfdata "
                + "recipients awaiting' lists those that do\n");
        assertThat(admitted.exitCode()).as(admitted.err()).isZero();
        assertThat(again.exitCode()).isEqualTo(4);
    }

    @Test
    void theCommandSpeaksFrench() {
        CommandRun.Result listed = selfdata.with("LANG", "fr_FR.UTF-8").run("recipients", "awaiting");
        CommandRun.Result admitted = selfdata.run("recipients", "admit", meteo.id().value(), "--yes");

        assertThat(listed.out()).contains("  géré par Météo Locale SAS (FR), contact : privacy@meteo-locale.example\n",
                "  conserve ce qu’il reçoit 30 jours\n", "  le transmet à : OVH SAS, hosting\n");
        assertThat(admitted.out()).isEqualTo("Météo Locale est admis : il peut de nouveau demander des autorisations, et "
                + "utiliser celles qu’il détient.\n");
    }

    private Vault openVault() {
        Path folder = home.resolve(".selfdata");
        VaultLocation location = switch (engine) {
            case SQLITE -> VaultLocation.sqlite(folder);
            case POSTGRES -> VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(database.orElseThrow()));
        };
        return Vault.open(location, KeySource.keyFile(folder.resolve(VaultLocation.KEY_FILE)));
    }
}
