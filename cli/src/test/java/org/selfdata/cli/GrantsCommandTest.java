package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.gate.ReceiptedGrant;
import org.selfdata.gate.Sharing;
import org.selfdata.model.AmountPrecision;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Person;
import org.selfdata.model.PersonId;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordType;
import org.selfdata.model.TimePrecision;
import org.selfdata.vault.KeySource;
import org.selfdata.texts.Language;
import org.selfdata.texts.Words;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GrantsCommandTest {
    @TempDir
    Path home;

    private CommandRun selfdata;
    private String grant;

    @BeforeEach
    void camilleGaveOneGrant() {
        selfdata = new CommandRun(home);
        assertThat(selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris").exitCode()).isZero();
        Path folder = home.resolve(".selfdata");
        try (Vault vault = Vault.open(VaultLocation.sqlite(folder), KeySource.keyFile(folder.resolve("master.key")))) {
            Person camille = vault.person(Optional.of("camille"));
            Recipient alerts = vault.recipients().register(camille.id(), new RecipientIdentity("Alertes Régionales",
                    "Alertes Régionales SAS", "FR", "contact@alertes.example", Optional.empty()),
                    List.of(URI.create("https://alertes.example/callback")), Recipient.Kind.APP);
            Precision region = Precision.EXACT.withLocation(LocationPrecision.REGION);
            vault.recipients().declare(camille.id(), alerts.id(), new ProcessingDeclaration(1, List.of(
                    new DeclaredPurpose(Purpose.COMMUNICATION_MANAGEMENT, "notifications by region",
                            Set.of(Category.LOCATION), Set.of(), region, LegalBasis.CONSENT)), List.of(), List.of(),
                    Duration.ofDays(30), List.of()));
            Instant now = Instant.now();
            ReceiptedGrant given = (ReceiptedGrant) Sharing.over(vault, Clock.systemUTC()).give(camille.id(),
                    new GrantTerms(alerts.id(), 1, GrantKind.READ, Purpose.COMMUNICATION_MANAGEMENT,
                            "notifications by region", LegalBasis.CONSENT, Set.of(RecordType.GEO_POINT), Set.of(), Set.of(),
                            region, CoveredPeriod.fromGrant(), now, now.plus(Duration.ofDays(30)), Duration.ofDays(30),
                            1_000));
            grant = given.grant().id().value();
        }
    }

    @Test
    void aRestoreBringsTheGrantBackAndSaysItsAppMustAuthorizeAgainAndTheNewKeyFileMustBeBackedUp(@TempDir Path elsewhere) {
        Path archive = elsewhere.resolve("camille.zip");
        selfdata.run("export", archive.toString());
        CommandRun restoring = new CommandRun(elsewhere);

        CommandRun.Result restored = restoring.run("restore", archive.toString());

        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).isEqualTo("Restored 0 records of camille from " + archive + "\n"
                + "Grants: 1, with their receipts; still given: 1\n"
                + "The apps you had authorized must be authorized again: no code, token or secret leaves a vault, so none "
                + "came back. 'selfdata grants' lists what you gave.\n"
                + "This vault has a new key file, " + elsewhere.resolve(".selfdata").resolve("master.key") + ": back it up "
                + "now, apart from the vault. Without it, nothing restored here can be read.\n"
                + "Set a sign-in password with 'selfdata password' before 'selfdata serve'.\n");
        assertThat(restoring.run("grants").out()).isEqualTo(selfdata.run("grants").out());
        assertThat(restoring.run("grants", "receipts", grant).out()).isEqualTo(selfdata.run("grants", "receipts", grant).out());
    }

    @Test
    void theGrantIsListedWithdrawnAndItsTwoReceiptsPrinted() {
        CommandRun.Result listed = selfdata.run("grants");
        CommandRun.Result withdrawn = selfdata.run("grants", "withdraw", grant);
        CommandRun.Result again = selfdata.run("grants", "withdraw", grant);
        CommandRun.Result receipts = selfdata.run("grants", "receipts", grant);

        assertThat(listed.out()).startsWith(grant + "  given  read  Alertes Régionales  notifications by region  "
                + "Location points  places to the region, exact amounts, exact times, identifiers in clear  until ");
        assertThat(withdrawn.exitCode()).isZero();
        assertThat(withdrawn.out()).startsWith("Withdrew grant " + grant + "; its receipt:\n");
        assertThat(again.exitCode()).isNotZero();
        assertThat(selfdata.run("grants").out()).startsWith(grant + "  withdrawn  ");
        assertThat(receipts.out().lines().toList()).hasSize(2)
                .allSatisfy(receipt -> assertThat(receipt.split("\\.")).hasSize(3));
        assertThat(selfdata.run("log", "show", "--grant", grant).out()).contains("grant", "withdrawal");
    }

    @Test
    void aRestoreAndAWithdrawalSpeakTheTerminalsLanguage(@TempDir Path elsewhere) {
        Path archive = elsewhere.resolve("camille.zip");
        selfdata.run("export", archive.toString());
        CommandRun french = new CommandRun(elsewhere).with("LANG", "fr_FR.UTF-8");

        CommandRun.Result restored = french.run("restore", archive.toString());
        CommandRun.Result withdrawn = french.run("grants", "withdraw", grant);

        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(restored.out()).isEqualTo("0 enregistrement de camille restauré depuis " + archive + "\n"
                + "Autorisations restaurées avec leurs reçus : 1 ; toujours en vigueur : 1\n"
                + "Les applications que vous aviez autorisées doivent l’être de nouveau : aucun code, jeton ou secret ne "
                + "quitte un coffre, aucun n’a donc été restauré. « selfdata grants » liste ce que vous avez accordé.\n"
                + "Ce coffre a un nouveau fichier de clé, " + elsewhere.resolve(".selfdata").resolve("master.key")
                + " : sauvegardez-le maintenant, à part du coffre. Sans lui, rien de ce qui a été restauré ici ne peut être "
                + "lu.\n"
                + "Définissez un mot de passe de connexion avec « selfdata password » avant « selfdata serve ».\n");
        assertThat(withdrawn.out()).startsWith("Autorisation " + grant + " retirée ; son reçu :\n");
        assertThat(french.run("grants").out()).startsWith(grant + "  retirée  lecture  Alertes Régionales  "
                + "notifications by region  Points de localisation  lieux à la région, montants exacts, heures exactes, "
                + "identifiants en clair  jusqu’au ");
    }

    @Test
    void aGrantNamingFreeTextListsItsFields() {
        Instant given = Instant.parse("2025-06-01T08:00:00Z");
        Grant labels = new Grant(GrantId.of("grant-0001"), PersonId.of(1), new GrantTerms(RecipientId.of("budget-malin"), 1,
                GrantKind.READ, Purpose.SERVICE_PROVISION, "monthly budget by category", LegalBasis.CONSENT,
                Set.of(RecordType.BANK_TRANSACTION), Set.of(), Set.of("memo", "label"), Precision.EXACT,
                CoveredPeriod.fromGrant(), given, given.plus(Duration.ofDays(30)), Duration.ofDays(30), 1_000), given,
                Optional.empty());

        assertThat(GrantsCommand.line(labels, "Budget Malin", given, Words.english()))
                .isEqualTo("grant-0001  given  read  Budget Malin  monthly budget by category  Bank transactions  "
                        + "free text: label, memo  exact places, exact amounts, exact times, identifiers in clear  "
                        + "until 2025-07-01T08:00:00Z");
    }

    @Test
    void aGrantIsListedInFrenchWithItsTypesCategoriesAndPrecisionInWordsAndNoCode() {
        Instant given = Instant.parse("2025-06-01T08:00:00Z");
        Precision coarse = new Precision(LocationPrecision.h3(7), AmountPrecision.rounded(10), TimePrecision.DAY,
                IdentifierPrecision.PSEUDONYMIZED);
        Grant budget = new Grant(GrantId.of("grant-0002"), PersonId.of(1), new GrantTerms(RecipientId.of("budget-malin"), 1,
                GrantKind.READ, Purpose.SERVICE_PROVISION, "budget du mois", LegalBasis.CONSENT,
                Set.of(RecordType.BANK_TRANSACTION), Set.of(Category.LOCATION, Category.PURCHASE), Set.of(), coarse,
                CoveredPeriod.fromGrant(), given, given.plus(Duration.ofDays(30)), Duration.ofDays(30), 1_000), given,
                Optional.empty());

        assertThat(GrantsCommand.line(budget, "Budget Malin", given, Words.of(Language.FRENCH)))
                .isEqualTo("grant-0002  accordée  lecture  Budget Malin  budget du mois  Achat, Localisation, Opérations "
                        + "bancaires  lieux à un hexagone de niveau 7, montants arrondis à 10, dates au jour près, "
                        + "identifiants pseudonymisés  jusqu’au 2025-07-01T08:00:00Z");
        assertThat(GrantsCommand.line(budget, "Budget Malin", given, Words.english()))
                .isEqualTo("grant-0002  given  read  Budget Malin  budget du mois  Bank transactions, Location, Purchase  "
                        + "places to a hexagon of level 7, amounts rounded to 10, times to the day, identifiers pseudonymized  "
                        + "until 2025-07-01T08:00:00Z");
    }

    @Test
    void everyCategoryAndPurposeHasANameInEveryLanguage() {
        for (Language language : Language.values()) {
            for (Category category : Category.values()) {
                assertThat(Vocabulary.category(category, Words.of(language))).as(category.term()).doesNotContain(":")
                        .isNotBlank();
            }
            for (Purpose purpose : Purpose.values()) {
                assertThat(Vocabulary.purpose(purpose, Words.of(language))).as(purpose.term()).doesNotContain(":")
                        .isNotBlank();
            }
        }
        assertThat(Vocabulary.category(Category.GPS_COORDINATE, Words.of(Language.FRENCH))).isEqualTo("Coordonnées GPS");
        assertThat(Vocabulary.purpose(Purpose.COMMUNICATION_MANAGEMENT, Words.of(Language.FRENCH)))
                .isEqualTo("vous envoyer des messages");
    }

    @Test
    void aCommuneListThatCannotBeReadIsNamedBeforeAnythingRuns() {
        Path missing = home.resolve("communes.csv");

        CommandRun.Result result = new CommandRun(home).with("SELFDATA_COMMUNES", missing.toString()).run("grants");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.of(org.selfdata.model.ErrorCode.INVALID_ARGUMENT));
        assertThat(result.err()).contains("the commune list " + missing + " cannot be read");
    }

    @Test
    void aWithdrawalGivenTheVaultsAddressNamesItsTermsAndNoticeBeneathItAndWithoutOneInTheUnservedNamespace() {
        CommandRun.Result served = selfdata.run("grants", "withdraw", "--issuer", "https://vault.example/", grant);

        JsonNode receipt = payload(served.out().lines().toList().getLast());
        assertThat(served.exitCode()).as(served.err()).isZero();
        assertThat(receipt.get("@context").get("selfdata").stringValue()).isEqualTo("https://vault.example/ns/consent#");
        assertThat(receipt.get("notice").get("id").stringValue()).matches("https://vault\\.example/ns/notices/[A-Za-z0-9_-]+/1");
    }

    @Test
    void aWithdrawalWithoutTheVaultsAddressNamesItsTermsInTheUnservedNamespace() {
        CommandRun.Result withdrawn = selfdata.run("grants", "withdraw", grant);

        JsonNode receipt = payload(withdrawn.out().lines().toList().getLast());
        assertThat(receipt.get("@context").get("selfdata").stringValue()).isEqualTo("https://selfdata.invalid/ns/consent#");
        assertThat(receipt.get("notice").get("id").stringValue()).startsWith("urn:selfdata:recipient:")
                .endsWith(":declaration:1");
    }

    @Test
    void anIssuerThatIsNoAddressOfAVaultIsRefusedAndTheGrantStaysGiven() {
        CommandRun.Result result = selfdata.run("grants", "withdraw", "--issuer", "https://vault.example/x?y=1", grant);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.of(org.selfdata.model.ErrorCode.INVALID_ARGUMENT));
        assertThat(result.err()).contains("the issuer must be an absolute http or https address");
        assertThat(selfdata.run("grants").out()).startsWith(grant + "  given  ");
    }

    private static JsonNode payload(String jws) {
        return PayloadCodec.mapper().readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
    }

    @Test
    void anUnknownGrantIsNotFound() {
        CommandRun.Result result = selfdata.run("grants", "withdraw", "not-a-grant-of-hers");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.of(org.selfdata.model.ErrorCode.NOT_FOUND));
        assertThat(result.err()).contains("there is no such grant of yours; 'selfdata grants' lists them");
    }
}
