package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.testing.TestPostgres;
import org.selfdata.vault.Engine;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata people}: how the holder of a vault's key, its operator, hosts several people in it, on SQLite as on
 * PostgreSQL. Camille made the vault with {@code selfdata init}, so she is its operator.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class PeopleCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "montreal-2025-plateau";
    private static final String CREATED = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    private final Engine engine;
    private final Optional<String> database;

    @TempDir
    Path home;

    private CommandRun selfdata;

    PeopleCommandTest(Engine engine) {
        this.engine = engine;
        this.database = engine == Engine.POSTGRES ? Optional.of(TestPostgres.get().newDatabase()) : Optional.empty();
    }

    @BeforeEach
    void camilleMakesTheVault() {
        selfdata = new CommandRun(home);
        database.ifPresent(url -> selfdata.with("SELFDATA_DB", url.substring(0, url.indexOf('?')))
                .with("SELFDATA_DB_USER", TestPostgres.ROLE)
                .with("SELFDATA_DB_PASSWORD", TestPostgres.PASSWORD));
        CommandRun.Result init = selfdata.runWithInput("lyon-2025-guillotiere\n", "init", "--handle", "camille", "--zone",
                "Europe/Paris", "--password-stdin");
        assertThat(init.exitCode()).as(init.err()).isZero();
    }

    @Test
    void theFirstPersonIsTheOperatorAndThoseAddedAreMembersWhoSignInWithTheirPassword() {
        CommandRun.Result added = selfdata.runWithInput(PASSWORD + "\n", "people", "add", "dominique", "--zone",
                "America/Montreal", "--password-stdin");
        CommandRun.Result listed = selfdata.run("people", "list");
        JsonNode json = JSON.readTree(selfdata.run("people", "list", "--json").out());

        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("Added dominique to the vault as a member.\n");
        assertThat(listed.out().lines().toList()).satisfiesExactly(
                line -> assertThat(line).matches("camille    operator  " + CREATED),
                line -> assertThat(line).matches("dominique  member    " + CREATED));
        assertThat(json.get("people")).hasSize(2);
        assertThat(json.get("people").get(0).get("handle").stringValue()).isEqualTo("camille");
        assertThat(json.get("people").get(0).get("role").stringValue()).isEqualTo("operator");
        assertThat(json.get("people").get(1).get("handle").stringValue()).isEqualTo("dominique");
        assertThat(json.get("people").get(1).get("role").stringValue()).isEqualTo("member");
        assertThat(Instant.parse(json.get("people").get(1).get("created").stringValue())).isBeforeOrEqualTo(Instant.now());
        try (Vault vault = openVault()) {
            assertThat(vault.people().authenticate("dominique", PASSWORD.toCharArray())).isPresent();
            assertThat(vault.people().authenticate("camille", "lyon-2025-guillotiere".toCharArray())).isPresent();
            assertThat(vault.people().find("dominique").orElseThrow().zone().getId()).isEqualTo("America/Montreal");
        }
    }

    @Test
    void aPersonAddedWithoutAPasswordIsToldHowToSetOne() {
        CommandRun.Result added = selfdata.run("people", "add", "eloise", "--zone", "Europe/Paris");
        CommandRun.Result password = selfdata.runWithInput(PASSWORD + "\n", "password", "--person", "eloise",
                "--password-stdin");

        assertThat(added.out()).isEqualTo("Added eloise to the vault as a member.\n"
                + "No sign-in password yet: set one with 'selfdata password --person eloise'.\n");
        assertThat(password.out()).isEqualTo("The password of eloise is set; their sessions were signed out.\n");
        try (Vault vault = openVault()) {
            assertThat(vault.people().authenticate("eloise", PASSWORD.toCharArray())).isPresent();
        }
    }

    @Test
    void aPersonRefusedIsNotAddedAndTheRefusalHasItsExitCode() {
        assertFailure(selfdata.run("people", "add", "camille"), 5,
                "selfdata: this vault already has a person with the handle 'camille'");
        assertFailure(selfdata.run("people", "add", "dominique", "--zone", "Lyon"), 3,
                "selfdata: --zone: unknown time zone 'Lyon': give one such as Europe/Paris or America/Montreal; nobody was "
                        + "added");
        assertFailure(selfdata.run("people", "add", "Dominique Martin"), 3,
                "selfdata: a person's handle must be 1 to 64 characters among a-z, 0-9, '.', '_' and '-', starting with "
                        + "a letter or digit");
        assertFailure(selfdata.runWithInput("short\n", "people", "add", "dominique", "--password-stdin"), 3,
                "selfdata: a password must be 8 to 1024 characters long");
        assertFailure(selfdata.run("people", "add"), 2, "Missing required parameter: 'HANDLE'");

        assertThat(selfdata.run("people", "list").out().lines()).singleElement().asString().startsWith("camille ");
    }

    @Test
    void removingAPersonErasesTheirDataOnceConfirmed(@TempDir Path files) throws IOException {
        selfdata.run("people", "add", "dominique");
        Path contacts = Files.writeString(files.resolve("contacts.vcf"),
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Agence Exemple\r\nEND:VCARD\r\n");
        assertThat(selfdata.run("import", "--person", "dominique", contacts.toString()).exitCode()).isZero();

        CommandRun.Result unconfirmed = selfdata.run("people", "remove", "dominique");
        assertFailure(unconfirmed, 3, "selfdata: erasing cannot be undone; add --yes to confirm when not on a terminal");
        assertThat(selfdata.run("people", "list").out().lines()).hasSize(2);

        CommandRun.Result removed = selfdata.run("people", "remove", "dominique", "--yes");

        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).isEqualTo("Removed dominique from the vault. Erased 1 record from 1 source and 1 import.\n");
        assertThat(selfdata.run("people", "list").out().lines()).singleElement().asString().startsWith("camille ");
        assertFailure(selfdata.run("status", "--person", "dominique"), 4,
                "selfdata: there is no person 'dominique' in this vault");
        assertFailure(selfdata.run("people", "remove", "dominique", "--yes"), 4,
                "selfdata: there is no person 'dominique' in this vault");
    }

    @Test
    void theOperatorIsRemovedLastAndTheNextPersonAddedBecomesTheOperator() {
        selfdata.run("people", "add", "dominique");
        selfdata.run("people", "add", "eloise");

        assertFailure(selfdata.run("people", "remove", "camille", "--yes"), 5,
                "selfdata: this person is the vault's operator and cannot be erased while 2 other people remain in the "
                        + "vault; remove them first");
        assertFailure(selfdata.run("erase", "--person", "camille", "--yes"), 5,
                "selfdata: this person is the vault's operator and cannot be erased while 2 other people remain in the "
                        + "vault; remove them first");
        for (String handle : List.of("dominique", "eloise", "camille")) {
            assertThat(selfdata.run("people", "remove", handle, "--yes").exitCode()).isZero();
        }
        CommandRun.Result nobody = selfdata.run("people", "list");
        CommandRun.Result added = selfdata.run("people", "add", "dominique");

        assertThat(nobody.out()).isEqualTo("Nobody yet: add a person with 'selfdata people add HANDLE'.\n");
        assertThat(added.out()).startsWith("Added dominique to the vault as its operator.\n");
    }

    @Test
    void aCommandActingForAPersonAsksWhichOnceThereAreSeveral() {
        selfdata.run("people", "add", "dominique");

        assertFailure(selfdata.run("status"), 3, "selfdata: this vault holds 2 people; say which with --person");
        assertThat(JSON.readTree(selfdata.run("status", "--person", "dominique", "--json").out()).get("person")
                .stringValue()).isEqualTo("dominique");
    }

    private Vault openVault() {
        Path folder = home.resolve(".selfdata");
        VaultLocation location = switch (engine) {
            case SQLITE -> VaultLocation.sqlite(folder);
            case POSTGRES -> VaultLocation.postgres(folder, VaultLocation.PostgresDatabase.of(database.orElseThrow()));
        };
        return Vault.open(location, KeySource.keyFile(folder.resolve(VaultLocation.KEY_FILE)));
    }

    @Test
    void theOperatorLinksAPersonToTheirIdentityAtTheProviderOnceAndUnlinksIt() {
        String university = "https://login.university.example/realms/students";
        selfdata.runWithInput(PASSWORD + "\n", "people", "add", "dominique", "--zone", "Europe/Paris", "--password-stdin");

        CommandRun.Result linked = selfdata.run("people", "link", "dominique", "--subject", "9b7e5a3c", "--issuer",
                university);

        assertThat(linked.exitCode()).as(linked.err()).isZero();
        assertThat(linked.out()).isEqualTo("dominique now signs in at " + university + " as '9b7e5a3c'.\n");
        assertThat(selfdata.run("people", "list").out().lines().toList()).satisfiesExactly(
                line -> assertThat(line).matches("camille    operator  " + CREATED),
                line -> assertThat(line).matches("dominique  member    " + CREATED + "  signs in at "
                        + Pattern.quote(university) + " as '9b7e5a3c'"));
        JsonNode listed = JSON.readTree(selfdata.run("people", "list", "--json").out()).get("people");
        assertThat(listed.get(0).get("identities")).isEmpty();
        assertThat(listed.get(1).get("identities")).singleElement().satisfies(identity -> {
            assertThat(identity.get("issuer").stringValue()).isEqualTo(university);
            assertThat(identity.get("subject").stringValue()).isEqualTo("9b7e5a3c");
        });
        assertFailure(selfdata.run("people", "link", "camille", "--subject", "9b7e5a3c", "--issuer", university), 5,
                "selfdata: the identity '9b7e5a3c' at " + university + " is already linked to someone in this vault");
        assertFailure(selfdata.with("SELFDATA_OIDC_ISSUER", university).run("people", "link", "dominique", "--subject",
                "other"), 5, "selfdata: this person is already linked to an identity at " + university + "; unlink it first");

        CommandRun.Result unlinked = selfdata.run("people", "unlink", "dominique");

        assertThat(unlinked.exitCode()).as(unlinked.err()).isZero();
        assertThat(unlinked.out()).isEqualTo("dominique no longer signs in at " + university + ".\n");
        assertThat(selfdata.run("people", "list").out()).doesNotContain("signs in at");
        assertFailure(selfdata.run("people", "unlink", "dominique"), 4,
                "selfdata: dominique is not linked to an identity at " + university);
        assertThat(selfdata.run("people", "link", "camille", "--subject", "9b7e5a3c").exitCode()).isZero();
    }

    @Test
    void linkingNeedsTheProviderAndASubjectItCouldSend() {
        assertFailure(selfdata.run("people", "link", "camille", "--subject", "9b7e5a3c"), 3,
                "selfdata: which provider? Give its issuer with --issuer, as given to 'selfdata serve --oidc-issuer', or in "
                        + "$SELFDATA_OIDC_ISSUER");
        assertFailure(selfdata.run("people", "link", "camille", "--subject", "with space", "--issuer",
                "https://login.university.example/"), 3, "selfdata: an identity is a provider's address and a subject of 1 "
                + "to 255 printable ASCII characters");
        CommandRun.Result nobody = selfdata.run("people", "link", "nobody", "--subject", "x", "--issuer",
                "https://login.university.example/");
        assertThat(nobody.exitCode()).as(nobody.err()).isEqualTo(4);
    }

    private static void assertFailure(CommandRun.Result result, int exitCode, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(exitCode);
        assertThat(result.err().lines().findFirst()).contains(message);
    }
}
