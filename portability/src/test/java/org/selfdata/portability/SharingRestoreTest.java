package org.selfdata.portability;

import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.gate.ConsentReceipts;
import org.selfdata.gate.Gate;
import org.selfdata.gate.Sharing;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantStatus;
import org.selfdata.model.Person;
import org.selfdata.model.Recipient;
import org.selfdata.model.SelfdataException;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.ConsentReceiptArchive;
import org.selfdata.vault.Engine;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.vault.Recipients;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.texts.Language;
import tools.jackson.databind.node.ArrayNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A restore is the same vault again for the person's sharing too: the recipients their grants name, with the
 * declarations they were shown, every grant with its id, times and status, and every receipt exactly as signed and
 * still verifiable; never the codes, tokens or secrets an app acted with. A recipient is the vault's, not the
 * person's: an archive brings one back as evidence, and only the operator admits one.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class SharingRestoreTest {
    private static final Clock EXPORT = Clock.fixed(SampleSharing.EXPORT, ZoneOffset.UTC);

    @Parameter
    Engine engine;

    @TempDir
    Path folder;

    private Vault original;
    private Person olivia;
    private Person camille;
    private SampleSharing.Given given;
    private Path archive;

    /** Olivia runs the vault and admitted Météo Locale; Camille, a member, shared with it and exports. */
    @BeforeEach
    void exportCamillesSharing() {
        SteppingClock clock = new SteppingClock(SampleSharing.JUNE);
        original = TestVaults.create(engine, folder.resolve("original"), clock);
        olivia = original.people().create("olivia", TestVaults.PARIS);
        camille = TestVaults.camille(original);
        given = SampleSharing.give(original, clock, camille.id());
        archive = folder.resolve("camille.zip");
        new Export(original, Gate.over(original), EXPORT).write(camille.id(), archive, ExistingFile.REFUSE);
    }

    @AfterEach
    void closeVault() {
        original.close();
    }

    @Test
    void theGrantsComeBackWithTheirIdsTimesAndStatus() {
        try (Vault restored = newVault("restored")) {
            Person newcomer = TestVaults.camille(restored);

            new Restore(restored).restore(newcomer.id(), archive);

            assertThat(restored.grants().list(newcomer.id()))
                    .extracting(Grant::id, Grant::terms, Grant::givenAt, Grant::withdrawnAt,
                            grant -> grant.status(SampleSharing.EXPORT))
                    .containsExactly(
                            tuple(given.active().id(), given.active().terms(), SampleSharing.JANUARY,
                                    given.active().withdrawnAt(), GrantStatus.GIVEN),
                            tuple(given.withdrawn().id(), given.withdrawn().terms(), SampleSharing.DECEMBER,
                                    Optional.of(SampleSharing.MID_DECEMBER), GrantStatus.WITHDRAWN),
                            tuple(given.expired().id(), given.expired().terms(), SampleSharing.JUNE,
                                    given.expired().withdrawnAt(), GrantStatus.EXPIRED));
        }
    }

    @Test
    void theRecipientComesBackWithTheDeclarationItsGrantsPointAt() {
        try (Vault restored = newVault("restored")) {
            Person newcomer = TestVaults.camille(restored);

            new Restore(restored).restore(newcomer.id(), archive);

            assertThat(restored.recipients().registration(given.recipient().id(), 1))
                    .isEqualTo(original.recipients().registration(given.recipient().id(), 1));
            assertThat(restored.recipients().declaration(given.recipient().id(), 1))
                    .contains(SampleRecipients.notificationsByRegion(1));
        }
    }

    @Test
    void theReceiptsComeBackAsSignedAndVerifyAgainstTheKeyThatSignedThemNotTheNewVaults() {
        try (Vault restored = newVault("restored")) {
            Person newcomer = TestVaults.camille(restored);

            new Restore(restored).restore(newcomer.id(), archive);

            JWKSet signers = restored.receipts().restoredSigners(newcomer.id());
            assertThat(signers.getKeys()).containsExactlyElementsOf(original.signingKey().publicKeys().getKeys());
            for (Grant grant : List.of(given.expired(), given.withdrawn(), given.active())) {
                List<ConsentReceiptArchive.KeptReceipt> receipts = restored.receipts().list(newcomer.id(), grant.id());
                assertThat(receipts).isEqualTo(original.receipts().list(camille.id(), grant.id()));
                assertThat(receipts).allSatisfy(receipt -> {
                    assertThat(ConsentReceipts.verify(receipt.jws(), signers).grant()).isEqualTo(grant.id());
                    assertThatThrownBy(() -> ConsentReceipts.verify(receipt.jws(), restored.signingKey().publicKeys()))
                            .isInstanceOf(SelfdataException.class)
                            .hasMessageContaining("which is not among the published EC keys");
                });
            }
            assertThat(restored.receipts().list(newcomer.id(), given.withdrawn().id()))
                    .extracting(ConsentReceiptArchive.KeptReceipt::event).containsExactly("given", "withdrawn");
        }
    }

    @Test
    void aReceiptSignedWithinAMillisecondComesBackAsTheVaultKeptIt() {
        SteppingClock clock = new SteppingClock(Instant.parse("2026-01-20T09:15:30.123456789Z"));
        try (Vault precise = TestVaults.create(engine, folder.resolve("precise"), clock); Vault restored = newVault("restored")) {
            Person person = TestVaults.camille(precise);
            Recipient meteo = SampleRecipients.meteoLocale(precise);
            Sharing.over(precise, clock).give(person.id(), SampleRecipients.regionTerms(meteo, clock.instant(),
                    Duration.ofDays(30)));
            Path exported = folder.resolve("precise.zip");
            new Export(precise, Gate.over(precise), EXPORT).write(person.id(), exported, ExistingFile.REFUSE);
            Person newcomer = TestVaults.camille(restored);

            new Restore(restored).restore(newcomer.id(), exported);

            Grant grant = restored.grants().list(newcomer.id()).getFirst();
            assertThat(restored.receipts().list(newcomer.id(), grant.id()))
                    .isEqualTo(precise.receipts().list(person.id(), grant.id()));
        }
    }

    @Test
    void noCodeTokenOrSecretTravelsAndTheAppMustAuthorizeAgain() {
        String token = original.oauthTokens().issueAccessToken(
                new OAuthTokens.Binding(camille.id(), given.active().id(), given.recipient().id()), Duration.ofHours(1));
        String secret = original.oauthTokens().newRecipientSecret(olivia.id(), given.recipient().id());
        Path withCredentials = folder.resolve("with-credentials.zip");
        new Export(original, Gate.over(original), EXPORT).write(camille.id(), withCredentials, ExistingFile.REFUSE);

        try (Vault restored = newVault("restored")) {
            Person newcomer = TestVaults.camille(restored);
            new Restore(restored).restore(newcomer.id(), withCredentials);

            assertThat(ArchiveEdits.entries(withCredentials).values())
                    .allSatisfy(part -> assertThat(new String(part, StandardCharsets.UTF_8)).doesNotContain(token, secret));
            assertThat(restored.oauthTokens().findAccess(token)).isEmpty();
            assertThat(restored.oauthTokens().isRecipientSecret(given.recipient().id(), secret)).isFalse();
            assertThat(restored.grants().get(newcomer.id(), given.active().id()).status(SampleSharing.EXPORT))
                    .isEqualTo(GrantStatus.GIVEN);
        }
    }

    @Test
    void theOperatorRestoringIntoANewVaultAdmitsTheRecipientsAgain() {
        try (Vault restored = newVault("restored")) {
            Person newcomer = TestVaults.camille(restored);

            new Restore(restored).restore(newcomer.id(), archive);

            assertThat(restored.recipients().list()).containsExactly(given.recipient());
            assertThat(restored.recipients().isAdmitted(given.recipient().id())).isTrue();
        }
    }

    @Test
    void aMemberRestoringBringsANewRecipientBackAsEvidenceThatAwaitsTheOperator() {
        try (Vault restored = newVault("restored")) {
            Person operator = restored.people().create("olivia", TestVaults.PARIS);
            Person newcomer = TestVaults.camille(restored);

            new Restore(restored).restore(newcomer.id(), archive);

            assertThat(restored.grants().list(newcomer.id())).hasSize(3);
            assertThat(restored.recipients().get(given.recipient().id())).isEqualTo(given.recipient());
            assertThat(restored.recipients().list()).isEmpty();
            assertThat(restored.recipients().isAdmitted(given.recipient().id())).isFalse();
            String awaiting = "recipient " + given.recipient().id() + " came back with a restored grant and awaits the "
                    + "admission of the vault's operator; until then it cannot ask for or use a grant";
            Sharing sharing = Sharing.over(restored, EXPORT);
            assertThatThrownBy(() -> sharing.give(newcomer.id(),
                    SampleRecipients.regionTerms(given.recipient(), SampleSharing.EXPORT, Duration.ofDays(30))))
                    .isInstanceOf(SelfdataException.class).hasMessage(awaiting);
            assertThatThrownBy(() -> restored.oauthTokens().issueCode(new OAuthTokens.Binding(newcomer.id(),
                    given.active().id(), given.recipient().id()), "challenge", "https://meteo-locale.example/selfdata/back",
                    Duration.ofMinutes(1)))
                    .isInstanceOf(SelfdataException.class).hasMessage(awaiting);
            assertThatThrownBy(() -> restored.oauthTokens().newRecipientSecret(operator.id(), given.recipient().id()))
                    .isInstanceOf(SelfdataException.class).hasMessage(awaiting);

            assertThat(restored.recipients().awaitingAdmission(operator.id()))
                    .extracting(Recipients.Awaiting::recipient).containsExactly(given.recipient());

            restored.recipients().admit(operator.id(), given.recipient().id());

            assertThat(restored.recipients().list()).containsExactly(given.recipient());
            assertThat(restored.recipients().awaitingAdmission(operator.id())).isEmpty();
        }
    }

    @Test
    void onlyTheOperatorAdmitsARestoredRecipient() {
        try (Vault restored = newVault("restored")) {
            restored.people().create("olivia", TestVaults.PARIS);
            Person newcomer = TestVaults.camille(restored);
            new Restore(restored).restore(newcomer.id(), archive);

            assertThatThrownBy(() -> restored.recipients().admit(newcomer.id(), given.recipient().id()))
                    .isInstanceOf(SelfdataException.class)
                    .hasMessage("only the vault's operator admits recipients and their declarations");
            assertThatThrownBy(() -> restored.recipients().awaitingAdmission(newcomer.id()))
                    .isInstanceOf(SelfdataException.class)
                    .hasMessage("only the vault's operator admits recipients and their declarations");
            assertThat(restored.recipients().isAdmitted(given.recipient().id())).isFalse();
        }
    }

    @Test
    void aRecipientTheVaultHasIsMatchedNotDuplicated() {
        original.erasure().erasePerson(camille.id());
        Person again = TestVaults.camille(original);

        new Restore(original).restore(again.id(), archive);

        assertThat(original.recipients().list()).containsExactly(given.recipient());
        assertThat(original.recipients().isAdmitted(given.recipient().id())).isTrue();
        assertThat(original.grants().list(again.id())).hasSize(3);
        assertThat(original.receipts().restoredSigners(again.id()).getKeys()).isEmpty();
    }

    @Test
    void aDifferentDeclarationForARecipientTheVaultHasIsRefusedAndNothingIsRestored() {
        original.erasure().erasePerson(camille.id());
        Person again = TestVaults.camille(original);
        Path forged = ArchiveEdits.forged(archive, ArchiveFormat.RECIPIENTS, "\"retention\":\"P30D\"",
                "\"retention\":\"P3650D\"");

        assertThatThrownBy(() -> new Restore(original).restore(again.id(), forged))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("this vault already has recipient " + given.recipient().id() + ", and the archive describes it "
                        + "otherwise (its declaration version 1); a recipient's registration and declarations never change, "
                        + "so the archive was written by another vault under the same id, or altered. Nothing was restored")
                .extracting(problem -> ((SelfdataException) problem).code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(original.grants().list(again.id())).isEmpty();
        assertThat(original.recipients().declaration(given.recipient().id(), 1))
                .contains(SampleRecipients.notificationsByRegion(1));
    }

    @Test
    void aGrantAnotherPersonHoldsIsRefusedAndNothingIsRestored() {
        Person dominique = original.people().create("dominique", TestVaults.PARIS);

        assertThatThrownBy(() -> new Restore(original).restore(dominique.id(), archive))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the archive's grant " + given.expired().id() + " is already in this vault; a grant comes back "
                        + "once, to one person")
                .satisfies(refusal -> assertThat(((SelfdataException) refusal).message(Language.FRENCH))
                        .isEqualTo("l’autorisation " + given.expired().id() + " de l’archive est déjà dans ce coffre ; "
                                + "une autorisation ne revient qu’une fois, à une seule personne"));
        assertThat(original.grants().list(dominique.id())).isEmpty();
        assertThat(original.grants().list(camille.id())).hasSize(3);
    }

    @Test
    void aReceiptChangedAfterItWasSignedIsRefused() {
        String receipts = ArchiveEdits.text(archive, ArchiveFormat.RECEIPTS);
        String jws = receipts.substring(receipts.indexOf("\"jws\":\"") + 7, receipts.indexOf("\",\"key\""));
        String payload = jws.split("\\.")[1];
        String changed = jws.replace(payload, payload.substring(0, payload.length() - 2) + "AA");
        Path forged = ArchiveEdits.forged(archive, ArchiveFormat.RECEIPTS, jws, changed);

        try (Vault restored = newVault("restored")) {
            Person newcomer = TestVaults.camille(restored);

            assertThatThrownBy(() -> new Restore(restored).restore(newcomer.id(), forged))
                    .isInstanceOf(SelfdataException.class)
                    .hasMessage("the archive's receipts.jsonl, line 1: the receipt is not signed by the key the line gives");
            assertThat(restored.grants().list(newcomer.id())).isEmpty();
        }
    }

    @Test
    void aGrantToARecipientTheArchiveDoesNotDescribeIsRefused() {
        Path forged = ArchiveEdits.forged(archive, ArchiveFormat.GRANTS, "\"declarationVersion\":1",
                "\"declarationVersion\":2");

        try (Vault restored = newVault("restored")) {
            Person newcomer = TestVaults.camille(restored);

            assertThatThrownBy(() -> new Restore(restored).restore(newcomer.id(), forged))
                    .isInstanceOf(SelfdataException.class)
                    .hasMessage("the archive's grants.jsonl, line 1: grant " + given.expired().id() + " points at "
                            + "declaration version 2 of recipient " + given.recipient().id() + ", which recipients.jsonl "
                            + "does not give");
        }
    }

    @Test
    void aPrivateKeyOrAFieldTheFormatDoesNotHaveIsRefused() {
        Path extra = ArchiveEdits.forged(archive, ArchiveFormat.GRANTS, "\"givenAt\"", "\"token\":\"t\",\"givenAt\"");

        try (Vault restored = newVault("restored")) {
            Person newcomer = TestVaults.camille(restored);

            assertThatThrownBy(() -> new Restore(restored).restore(newcomer.id(), extra))
                    .isInstanceOf(SelfdataException.class)
                    .hasMessage("the archive's grants.jsonl, line 1: has an unknown field 'token'");
        }
    }

    @Test
    void anArchiveWrittenBeforeSharingWasCarriedStillRestores() {
        Map<String, byte[]> entries = ArchiveEdits.entries(archive);
        List<String> sharing = List.of(ArchiveFormat.RECIPIENTS, ArchiveFormat.GRANTS, ArchiveFormat.RECEIPTS);
        sharing.forEach(entries::remove);
        ArchiveEdits.write(archive, entries);
        Path older = ArchiveEdits.withManifest(archive, manifest -> {
            ArrayNode parts = (ArrayNode) manifest.get("parts");
            for (int position = parts.size() - 1; position >= 0; position--) {
                if (sharing.contains(parts.get(position).get("name").asString())) {
                    parts.remove(position);
                }
            }
        });

        try (Vault restored = newVault("restored")) {
            Person newcomer = TestVaults.camille(restored);

            new Restore(restored).restore(newcomer.id(), older);

            assertThat(restored.grants().list(newcomer.id())).isEmpty();
        }
    }

    private Vault newVault(String name) {
        return TestVaults.create(engine, folder.resolve(name), EXPORT);
    }
}
