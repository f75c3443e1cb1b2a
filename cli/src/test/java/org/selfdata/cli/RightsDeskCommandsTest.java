package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.rights.DayWording;
import org.selfdata.rights.DeskSettings;
import org.selfdata.rights.Sender;
import org.selfdata.texts.Words;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata rights sender}, {@code draft}, {@code list} and {@code sent}: the person says who they are, drafts a
 * request, reads its letter, finds it in the list and records it as sent, kept in their vault, on SQLite as on
 * PostgreSQL; in English here (French is in {@link CommandsInFrenchTest}).
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RightsDeskCommandsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Engine engine;

    @TempDir
    Path home;

    private RightsCommands camille;
    private CommandRun selfdata;

    RightsDeskCommandsTest(Engine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void aVault() {
        camille = new RightsCommands(home, engine).init();
        selfdata = camille.selfdata();
    }

    @Test
    void theSenderIsSavedWithTheLinesOfTheAddressAndTheEmailAddress() {
        CommandRun.Result result = selfdata.run("rights", "sender", "--name", " Camille Martin ", "--address",
                "12 rue de la République\\n 69002 Lyon\n\nFrance", "--email", "camille@example.org");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Sender saved: your letters will be signed with this name and address.\n");
        assertThat(savedSender()).contains(new Sender("Camille Martin",
                Optional.of("12 rue de la République\n69002 Lyon\nFrance"), Optional.of("camille@example.org")));
    }

    @Test
    void aSenderWithoutAnAddressOrWithABadEmailAddressIsRefusedAndNothingIsSaved() {
        CommandRun.Result noAddress = selfdata.run("rights", "sender", "--name", "Camille Martin", "--address", " \\n ");
        CommandRun.Result badEmail = selfdata.run("rights", "sender", "--name", "Camille Martin", "--address",
                "69002 Lyon", "--email", "camille at example.org");

        assertThat(noAddress.exitCode()).isEqualTo(3);
        assertThat(noAddress.err()).contains("--address: expected some text, found none");
        assertThat(badEmail.exitCode()).isEqualTo(3);
        assertThat(badEmail.err()).contains("--email: expected an e-mail address, such as name@example.org")
                .doesNotContain("camille at example.org");
        assertThat(savedSender()).isEmpty();
    }

    @Test
    void aDraftPrintsItsReferenceItsIdAndItsLetter() {
        sender();

        CommandRun.Result result = selfdata.run("rights", "draft", "sncf-connect", "--right", "access",
                "--about", "customer number 4417", "--channel", "web-form", "--language", "en");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).matches("(?s)Request (SD-[A-Z0-9]+) drafted \\(id [^)]+\\)\\. Its letter, not sent yet:\n"
                + "\n\\[\\1\\] .*")
                .contains("Camille Martin", "customer number 4417", "Article 15");
    }

    @Test
    void aDraftBeforeTheSenderIsSavedIsRefused() {
        CommandRun.Result result = selfdata.run("rights", "draft", "sncf-connect", "--right", "access", "--channel",
                "web-form");
        CommandRun.Result list = selfdata.run("rights", "list");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("Say who you are (your name and postal address) before a letter is written.");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).isEqualTo("No request yet: draft one with selfdata rights draft.\n");
    }

    @Test
    void anUnknownRightOrLanguageIsRefusedNamingTheOption() {
        sender();

        CommandRun.Result right = selfdata.run("rights", "draft", "sncf-connect", "--right", "everything", "--channel",
                "email");
        CommandRun.Result language = selfdata.run("rights", "draft", "sncf-connect", "--right", "erasure", "--channel",
                "letter", "--language", "de");

        assertThat(right.exitCode()).isEqualTo(3);
        assertThat(right.err()).contains("--right: expected access, portability, rectification, erasure, restriction, "
                + "objection, direct-marketing-objection, consent-withdrawal, automated-decision or "
                + "recipient-notification");
        assertThat(language.exitCode()).isEqualTo(3);
        assertThat(language.err()).contains("--language: expected fr or en");
    }

    @Test
    void theListGivesEachRequestsReferenceOrganizationRightStatusAndDeadline() {
        sender();
        String reference = reference(selfdata.run("rights", "draft", "sncf-connect", "--right", "access",
                "--portability", "--channel", "letter"));

        CommandRun.Result list = selfdata.run("rights", "list");
        CommandRun.Result json = selfdata.run("rights", "list", "--json");

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).isEqualTo(reference + "  SNCF Connect  access (art. 15) + portability (art. 20)  drafted  "
                + "no deadline running\n");
        JsonNode requests = JSON.readTree(json.out());
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0).get("reference").asString()).isEqualTo(reference);
        assertThat(requests.get(0).get("organization").asString()).isEqualTo("sncf-connect");
        assertThat(requests.get(0).get("right").asString()).isEqualTo("access");
        assertThat(requests.get(0).get("portability").asBoolean()).isTrue();
        assertThat(requests.get(0).get("channel").asString()).isEqualTo("letter");
        assertThat(requests.get(0).get("status").asString()).isEqualTo("draft");
        assertThat(requests.get(0).has("deadline")).isFalse();
    }

    @Test
    void aLetterRecordedAsSentByItsReferenceStartsItsDeadline() {
        sender();
        String reference = reference(selfdata.run("rights", "draft", "sncf-connect", "--right", "erasure",
                "--channel", "letter"));
        LocalDate posted = LocalDate.now().minusDays(20);

        CommandRun.Result sent = selfdata.run("rights", "sent", reference.toLowerCase(Locale.ROOT), "--on",
                posted.toString());
        CommandRun.Result list = selfdata.run("rights", "list");

        assertThat(sent.exitCode()).as(sent.err()).isZero();
        assertThat(sent.out().lines().toList()).hasSize(2).first()
                .isEqualTo("Request " + reference + " recorded as sent on " + Words.english().say(DayWording.of(posted))
                        + ".");
        assertThat(sent.out().lines().toList().get(1)).startsWith("answer due by ").endsWith(" days left");
        assertThat(list.out()).startsWith(reference + "  SNCF Connect  erasure (art. 17)  sent  answer due by ");
    }

    @Test
    void aSendingInTheFutureOrToAnUnknownReferenceIsRefusedAndTheDraftStays() {
        sender();
        String reference = reference(selfdata.run("rights", "draft", "sncf-connect", "--right", "erasure",
                "--channel", "letter"));

        CommandRun.Result future = selfdata.run("rights", "sent", reference, "--on",
                LocalDate.now().plusDays(2).toString());
        CommandRun.Result unknown = selfdata.run("rights", "sent", "SD-ZZZZ", "--on", "2025-01-31");
        CommandRun.Result badDate = selfdata.run("rights", "sent", reference, "--on", "31/01/2025");

        assertThat(future.exitCode()).isEqualTo(3);
        assertThat(future.err()).contains("is in the future: record a step once it has happened");
        assertThat(unknown.exitCode()).isEqualTo(4);
        assertThat(unknown.err()).contains("you have no request SD-ZZZZ: see your requests with selfdata rights list");
        assertThat(badDate.exitCode()).isEqualTo(3);
        assertThat(badDate.err()).contains("--on: expected a date written year-month-day, such as 2025-01-31");
        assertThat(selfdata.run("rights", "list").out()).isEqualTo(reference + "  SNCF Connect  erasure (art. 17)  "
                + "drafted  no deadline running\n");
    }

    private static String reference(CommandRun.Result drafted) {
        return RightsCommands.reference(drafted);
    }

    private void sender() {
        camille.sender();
    }

    private Optional<Sender> savedSender() {
        try (Vault vault = camille.openVault()) {
            return new DeskSettings(vault.rightsRequests()).sender(vault.person(Optional.of("camille")).id());
        }
    }
}
