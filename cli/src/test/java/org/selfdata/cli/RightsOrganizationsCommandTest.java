package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.rights.Directory;
import org.selfdata.rights.Organization;
import org.selfdata.rights.PersonOrganizations;
import org.selfdata.testing.TestPostgres;
import org.selfdata.vault.Engine;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata rights organizations} and {@code organization}: the shipped directory searched from the command line,
 * without a vault, and with the person's own organizations once there is one, on SQLite as on PostgreSQL.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RightsOrganizationsCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Engine engine;
    private final Optional<String> database;

    @TempDir
    Path home;

    private CommandRun selfdata;

    RightsOrganizationsCommandTest(Engine engine) {
        this.engine = engine;
        this.database = engine == Engine.POSTGRES ? Optional.of(TestPostgres.get().newDatabase()) : Optional.empty();
    }

    @BeforeEach
    void noVaultYet() {
        selfdata = new CommandRun(home);
        database.ifPresent(url -> selfdata.with("SELFDATA_DB", url.substring(0, url.indexOf('?')))
                .with("SELFDATA_DB_USER", TestPostgres.ROLE)
                .with("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD));
    }

    @Test
    void aSearchListsEachOrganizationWithItsSlugAndTheWaysToReachIt() {
        CommandRun.Result result = selfdata.run("rights", "organizations", "sncf connect");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(
                "SNCF Connect  sncf-connect  web form https://forms.sncf-connect.com/form-50364/, letter\n");
    }

    @Test
    void aSearchByCategoryAndLimitAsJsonGivesTheDirectorysRecords() {
        CommandRun.Result result = selfdata.run("rights", "organizations", "", "--category", "telecommunication",
                "--limit", "3", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode array = JSON.readTree(result.out());
        assertThat(array.size()).isEqualTo(3);
        assertThat(array.values()).allSatisfy(organization -> {
            assertThat(organization.get("slug").isString()).isTrue();
            assertThat(organization.get("categories").values().stream().map(JsonNode::stringValue))
                    .contains("telecommunication");
        });
    }

    @Test
    void aSearchThatFindsNothingSaysSo() {
        CommandRun.Result result = selfdata.run("rights", "organizations", "no such organization anywhere");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("No organization of the directory matches.\n");
    }

    @Test
    void oneOrganizationShowsItsContactsAndWhatItAsksToIdentifyYou() {
        CommandRun.Result result = selfdata.run("rights", "organization", "1und1-gmx");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("""
                GMX (1und1-gmx)
                Postal address:
                  c/o 1&1 Mail & Media GmbH
                  Elgendorfer Straße 57
                  56410 Montabaur
                  Deutschland
                E-mail: datenschutz@gmxnet.de
                Phone: +49 180 3 000832
                Fax: +49 180 5 001485
                Website: https://www.gmx.net
                Categories: telecommunication
                Requests in the language: de
                Best sent by: e-mail
                To identify you, it asks for:
                  - Name (name)
                  - E-Mail (email)
                """);
    }

    @Test
    void oneOrganizationAsJsonIsTheDirectorysRecord() {
        CommandRun.Result result = selfdata.run("rights", "organization", "sncf-connect", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("name").stringValue()).isEqualTo("SNCF Connect");
        assertThat(json.get("webForm").stringValue()).isEqualTo("https://forms.sncf-connect.com/form-50364/");
        assertThat(json.get("needsIdentityDocument").booleanValue()).isTrue();
    }

    @Test
    void anUnknownSlugIsNotFound() {
        CommandRun.Result result = selfdata.run("rights", "organization", "no-such-organization");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).isEqualTo("selfdata: the directory has no organization no-such-organization: search "
                + "for it with selfdata rights organizations\n");
    }

    @Test
    void aLimitBeyondTheDirectorysIsRefused() {
        CommandRun.Result result = selfdata.run("rights", "organizations", "free", "--limit", "101");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("selfdata: a search of the directory returns from 1 to 100 organizations\n");
    }

    @Test
    void withAVaultThePersonsOwnOrganizationsAreSearchedAndShownInPlaceOfTheDirectorys() {
        CommandRun.Result init = selfdata.runWithInput("lyon-2025-guillotiere\n", "init", "--handle", "camille",
                "--zone", "Europe/Paris", "--password-stdin");
        assertThat(init.exitCode()).as(init.err()).isZero();
        try (Vault vault = openVault()) {
            new PersonOrganizations(vault.rightsOrganizations(), Directory.shipped()).save(
                    vault.person(Optional.of("camille")).id(), sncfConnectWithItsAddress());
        }

        CommandRun.Result search = selfdata.run("rights", "organizations", "sncf connect");
        CommandRun.Result shown = selfdata.run("rights", "organization", "sncf-connect");

        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(search.out()).isEqualTo("SNCF Connect  sncf-connect  e-mail donnees@sncf-connect.example\n");
        assertThat(shown.out().lines().limit(3).toList()).containsExactly("SNCF Connect (sncf-connect)",
                "Your own version of this organization, kept in your vault.",
                "E-mail: donnees@sncf-connect.example");
    }

    @Test
    void organizationSetChangesOnlyTheOptionsGivenAndResetBringsBackTheDirectorysEntry() {
        init();

        CommandRun.Result set = selfdata.run("rights", "organization-set", "sncf-connect", "--email",
                "dpo@sncf-connect.example", "--siren", "732 829 320");

        assertThat(set.exitCode()).as(set.err()).isZero();
        assertThat(set.out()).isEqualTo("Your version of SNCF Connect (sncf-connect) is saved: it is used in place of "
                + "the directory's entry.\n");
        assertThat(selfdata.run("rights", "organization", "sncf-connect").out()).startsWith("""
                SNCF Connect (sncf-connect)
                Your own version of this organization, kept in your vault.
                Postal address:
                  1-3 rue Camille Moke
                  CS 20012
                  93212 La Plaine Saint-Denis Cedex
                  France
                E-mail: dpo@sncf-connect.example
                Web form: https://forms.sncf-connect.com/form-50364/
                Website: https://www.sncf-connect.com
                SIREN number: 732829320
                Categories: travel
                """);

        CommandRun.Result reset = selfdata.run("rights", "organization-reset", "sncf-connect");

        assertThat(reset.exitCode()).as(reset.err()).isZero();
        assertThat(reset.out()).isEqualTo("Your version of sncf-connect is removed: the directory's entry is used again.\n");
        assertThat(selfdata.run("rights", "organization", "sncf-connect").out()).doesNotContain("E-mail", "SIREN",
                "Your own version");
        CommandRun.Result again = selfdata.run("rights", "organization-reset", "sncf-connect");
        assertThat(again.exitCode()).isEqualTo(4);
        assertThat(again.err()).isEqualTo("selfdata: you keep no version of your own of the organization sncf-connect: "
                + "there is nothing to reset\n");
    }

    @Test
    void anOrganizationTheDirectoryLacksIsAddedOnceItHasANameAndAnOptionEmptiedRemovesWhatItHad() {
        init();

        CommandRun.Result nameless = selfdata.run("rights", "organization-set", "mutuelle-des-lilas", "--email",
                "dpo@mutuelle-des-lilas.example");
        CommandRun.Result added = selfdata.run("rights", "organization-set", "mutuelle-des-lilas", "--name",
                "Mutuelle des Lilas", "--email", "dpo@mutuelle-des-lilas.example", "--address",
                "12 rue des Lilas\\n93260 Les Lilas\\nFrance");
        CommandRun.Result emptied = selfdata.run("rights", "organization-set", "mutuelle-des-lilas", "--email", "");

        assertThat(nameless.exitCode()).isEqualTo(3);
        assertThat(nameless.err()).isEqualTo("selfdata: the directory has no organization mutuelle-des-lilas: to add it, "
                + "give at least its name with --name and a way to reach it with --email, --address or --web-form\n");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("Mutuelle des Lilas (mutuelle-des-lilas) is added to your organizations.\n");
        assertThat(emptied.exitCode()).as(emptied.err()).isZero();
        assertThat(selfdata.run("rights", "organization", "mutuelle-des-lilas").out()).isEqualTo("""
                Mutuelle des Lilas (mutuelle-des-lilas)
                Your own version of this organization, kept in your vault.
                Postal address:
                  12 rue des Lilas
                  93260 Les Lilas
                  France
                It asks for nothing in particular to identify you.
                """);
        assertThat(selfdata.run("rights", "organization-reset", "mutuelle-des-lilas").out())
                .isEqualTo("Your organization mutuelle-des-lilas is removed.\n");
    }

    @Test
    void aWrongSirenNumberIsRefusedNamingTheFieldAndNothingIsKept() {
        init();

        CommandRun.Result refused = selfdata.run("rights", "organization-set", "sncf-connect", "--siren", "732829321");

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).isEqualTo("selfdata: siren: expected a SIREN number, nine digits with a valid check "
                + "digit, such as 732 829 320\n");
        assertThat(selfdata.run("rights", "organization", "sncf-connect").out()).doesNotContain("Your own version");
    }

    private void init() {
        CommandRun.Result init = selfdata.runWithInput("lyon-2025-guillotiere\n", "init", "--handle", "camille",
                "--zone", "Europe/Paris", "--password-stdin");
        assertThat(init.exitCode()).as(init.err()).isZero();
    }

    private static Organization sncfConnectWithItsAddress() {
        return new Organization("sncf-connect", "SNCF Connect", Optional.empty(),
                Optional.of("donnees@sncf-connect.example"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of("travel"), List.of("fr"), List.of(), false, Optional.empty(),
                Optional.empty(), false, Organization.Origin.PERSON);
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
