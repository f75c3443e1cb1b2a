package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Document;
import org.selfdata.model.PersonId;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.testing.TestPostgres;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata rights change} and {@code selfdata rights ask} on a vault holding records from SNCF Connect, an
 * organization of the directory, and from a mutual insurer the directory lacks, on SQLite as on PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RightsChangeCommandsTest {
    private static final String OLD_ADDRESS = "12 rue de la République, 69002 Lyon";

    private final Engine engine;
    private final Optional<String> database;

    @TempDir
    Path home;

    private CommandRun selfdata;

    RightsChangeCommandsTest(Engine engine) {
        this.engine = engine;
        this.database = engine == Engine.POSTGRES ? Optional.of(TestPostgres.get().newDatabase()) : Optional.empty();
    }

    @BeforeEach
    void aVaultWithRecordsHoldingTheOldAddress() {
        selfdata = new CommandRun(home);
        database.ifPresent(url -> selfdata.with("SELFDATA_DB", url.substring(0, url.indexOf('?')))
                .with("SELFDATA_DB_USER", TestPostgres.ROLE)
                .with("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD));
        CommandRun.Result init = selfdata.runWithInput("lyon-2025-guillotiere\n", "init", "--handle", "camille",
                "--zone", "Europe/Paris", "--password-stdin");
        assertThat(init.exitCode()).as(init.err()).isZero();
        try (Vault vault = openVault()) {
            PersonId camille = vault.person(Optional.of("camille")).id();
            imported(vault, camille, "SNCF Connect", "Billet Lyon-Paris : Camille Martin, 12 RUE DE LA REPUBLIQUE, 69002 LYON");
            imported(vault, camille, "Mutuelle des Lilas", "Adhérente : Camille Martin, 12 rue de la République 69002 Lyon");
        }
        CommandRun.Result sender = selfdata.run("rights", "sender", "--name", "Camille Martin", "--address",
                "12 rue de la République\n69002 Lyon");
        assertThat(sender.exitCode()).as(sender.err()).isZero();
    }

    @Test
    void theChangeListsTheOrganizationsHoldingTheOldAddressAndDraftsItOnceForEachItCanReach() {
        CommandRun.Result first = change();
        CommandRun.Result again = change();

        assertThat(first.exitCode()).as(first.err()).isZero();
        String reference = reference(first.out());
        assertThat(first.out()).isEqualTo("""
                The organizations that hold the old value:
                mutuelle-des-lilas  Mutuelle des Lilas
                  1 record from Mutuelle des Lilas (source 2): document
                  not in the directory: add it, with an address, before the change can be sent to it
                sncf-connect  SNCF Connect
                  1 record from SNCF Connect (source 1): document

                The change, organization by organization:
                mutuelle-des-lilas: no address: This organization is not in the directory yet: add it, with an \
                address, before the change can be sent to it.
                sncf-connect: drafted, request %s
                """.formatted(reference));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).endsWith("sncf-connect: drafted, request " + reference + "\n");
        assertThat(selfdata.run("rights", "list").out().lines().filter(line -> line.contains("SD-")).count())
                .isEqualTo(1);
    }

    @Test
    void onlyTheOrganizationsNamedAreWrittenTo() {
        CommandRun.Result result = selfdata.run("rights", "change", "--detail", "address", "--old", OLD_ADDRESS,
                "--new", "8 place Bellecour, 69002 Lyon", "--only", "sncf-connect", "--language", "en");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("The change, organization by organization:\nsncf-connect: drafted, request ")
                .doesNotContain("mutuelle-des-lilas: ");
    }

    @Test
    void aSourceIsAskedWhatItHoldsWithItsLetterPrinted() {
        CommandRun.Result result = selfdata.run("rights", "ask", "--source", "1", "--language", "en");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).matches("(?s)Request SD-[0-9A-Z]{4} drafted \\(id [^)]+\\) to SNCF Connect\\. Its letter, "
                + "not sent yet:\n\n.*").contains("the data I have already received from SNCF Connect: 1 record (documents)");
    }

    @Test
    void aSourceTheDirectoryLacksIsAskedThroughASlugThePersonCompletes() {
        CommandRun.Result result = selfdata.run("rights", "ask", "--source", "2", "--language", "en");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("mutuelle-des-lilas is not in the directory: add it under this slug, with an "
                + "address, before the request is sent.");
    }

    @Test
    void anAskNamingNeitherASourceNorARecipientIsRefused() {
        CommandRun.Result result = selfdata.run("rights", "ask");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("Name either a source (--source) or a recipient (--recipient) to ask, not both.");
    }

    private CommandRun.Result change() {
        return selfdata.run("rights", "change", "--detail", "address", "--old", OLD_ADDRESS, "--new",
                "8 place Bellecour, 69002 Lyon", "--language", "en");
    }

    private static String reference(String out) {
        Matcher matcher = Pattern.compile("drafted, request (SD-[0-9A-Z]{4})").matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return matcher.group(1);
    }

    private static void imported(Vault vault, PersonId person, String organization, String text) {
        vault.imports().write(person, new ImportRequest(SourceDescriptor.file(organization, "export"), "test",
                "export.json"), Stream.of(RecordDraft.of(TimeSpan.day(LocalDate.of(2026, 1, 5), TestVaults.PARIS),
                        new Document("Export", "text/plain", text.length(), "0".repeat(64), Optional.of(text)),
                        Position.line(1))));
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
