package org.selfdata.server;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.LoadState;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.rar.Action;
import com.nimbusds.oauth2.sdk.rar.AuthorizationDetail;
import com.nimbusds.oauth2.sdk.rar.AuthorizationType;
import com.nimbusds.oauth2.sdk.rar.DataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.demo.DemoPerson;
import org.selfdata.model.GrantStatus;
import org.selfdata.model.Person;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first hour of a French student, in a real browser and in French only: she imports her bank's files (a zip in
 * which one file is broken, and a CSV without a header whose columns she maps in the page), admits a budget app from
 * its registration document, shares with it on the consent page, watches its reads on the Activity page, downloads
 * her archive, restores it on a new vault where her grant comes back, and erases one source. Every page she opens is
 * checked for words left in English, message keys and raw codes.
 */
class FirstHourInFrenchBrowserTest {
    private static final URI CALLBACK = URI.create("https://budget-etudiant.example/callback");
    /** The registration document the app publishes: RFC 7591 client metadata, and selfdata's member. */
    private static final String BUDGET_DOCUMENT = """
            {
              "client_name": "Budget Étudiant",
              "redirect_uris": ["https://budget-etudiant.example/callback"],
              "client_uri": "https://budget-etudiant.example",
              "contacts": ["dpo@budget-etudiant.example"],
              "token_endpoint_auth_method": "none",
              "selfdata": {
                "legalName": "Budget Étudiant SAS",
                "country": "FR",
                "declaration": {
                  "purposes": [{
                    "purpose": "dpv:ServiceProvision",
                    "description": "votre budget du mois par catégorie",
                    "types": ["bank.transaction"],
                    "categories": ["pd:Transaction"],
                    "precision": {"location": "none", "amount": "banded", "time": "month",
                        "identifiers": "pseudonymized"},
                    "legalBasis": "eu-gdpr:A6-1-a"
                  }],
                  "retention": "P30D",
                  "securityMeasures": ["chiffrement au repos"]
                }
              }
            }""";

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final RunningServer newMachine = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    @TempDir
    Path folder;
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private Path exports;
    private Path bankCsv;

    @BeforeEach
    void downloadTheBanksFiles() throws IOException {
        chromium.browser();
        LocalDate today = LocalDate.now(TestVaults.PARIS);
        Path statement = DemoPerson.generate(2026, today.minusMonths(2), today.minusMonths(1))
                .write(folder.resolve("banque")).file("ofx").path();
        exports = folder.resolve("exports.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(exports))) {
            out.putNextEntry(new ZipEntry("releve.ofx"));
            Files.copy(statement, out);
            out.closeEntry();
            out.putNextEntry(new ZipEntry("casse.ofx"));
            out.write(Arrays.copyOf(Files.readAllBytes(statement), 600));
            out.closeEntry();
        }
        DateTimeFormatter french = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        bankCsv = Files.writeString(folder.resolve("compte-joint.csv"), today.minusDays(12).format(french)
                + ";CARTE X1234 BOULANGERIE DU MARCHÉ;-4,50;\n" + today.minusDays(11).format(french)
                + ";PRLV SEPA EDF;-62,17;\n", Charset.forName("windows-1252"));
        running.start();
        newMachine.start();
    }

    @Test
    void aFrenchStudentGathersSharesWatchesMovesAndErasesWithoutReadingAWordOfEnglish() throws IOException {
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server(), "fr-FR");
        Page page = tab.page();
        tab.open("/sign-in");
        checked(page, "sign-in");
        tab.signIn("camille", TestServers.PASSWORD);
        assertThat(page.locator("#summary")).hasText("Votre coffre est vide : importez un fichier pour commencer.");
        checked(page, "overview");

        importTheZipWithOneBrokenFile(tab);
        importABankCsvWithAMappingMadeInThePage(tab);
        String clientId = admitTheBudgetApp(tab);
        String accessToken = shareOnTheConsentPage(tab, clientId);
        watchTheAppsReadsOnTheActivityPage(tab, accessToken);
        Path archive = downloadTheArchive(tab);
        tab.assertNoProblems();

        BrowserTab moved = new BrowserTab(chromium.browser(), newMachine.server(), "fr-FR").signIn("camille",
                TestServers.PASSWORD);
        restoreAndFindTheGrantBack(moved, archive);
        eraseOneSource(moved);
        moved.assertNoProblems();
    }

    private void importTheZipWithOneBrokenFile(BrowserTab tab) {
        Page page = tab.open("/import").page();
        checked(page, "import");
        page.locator("#import-files").setInputFiles(exports);
        page.locator("#import-send").click();
        page.locator("#import-upload-0[data-state=done]").waitFor();

        Locator outcome = page.locator("#import-upload-0 .outcome li");
        assertThat(outcome).hasCount(2);
        assertThat(outcome.nth(0)).containsText("exports.zip!/releve.ofx : ");
        assertThat(outcome.nth(0)).containsText("ajoutés");
        assertThat(outcome.nth(1)).containsText("exports.zip!/casse.ofx : ");
        assertThat(outcome.nth(1)).containsText("le fichier s’arrête ici");
        checked(page, "import-report");
    }

    /** Her other bank's export has no header: no importer knows it, and she maps its columns in the page. */
    private void importABankCsvWithAMappingMadeInThePage(BrowserTab tab) {
        Page page = tab.page();
        page.locator("#import-files").setInputFiles(bankCsv);
        page.locator("#import-send").click();
        page.locator("#import-mapping-0-check tbody tr").nth(1).waitFor();
        tab.forgetProblems();

        assertThat(page.locator("#import-upload-1-label")).hasText("Non importé");
        assertThat(page.locator("#import-mapping-0-title")).hasText("Lire ce fichier avec une correspondance de colonnes");
        assertThat(page.locator("#import-mapping-0-date")).hasValue("1");
        assertThat(page.locator("#import-mapping-0-amount")).hasValue("3");
        assertThat(page.locator("#import-mapping-0-label")).hasValue("2");
        assertThat(page.locator("#import-mapping-0-mark")).hasValue("comma");
        checked(page, "import-mapping");
        page.locator("#import-mapping-0-send").click();
        page.locator("#import-upload-2[data-state=done]").waitFor();

        assertThat(page.locator("#import-upload-2 .report")).hasText("compte-joint.csv : 2 ajoutés, 0 déjà présent, "
                + "0 mis de côté");
        checked(page, "import-mapped");
    }

    private String admitTheBudgetApp(BrowserTab tab) {
        Page page = tab.open("/sharing").page();
        assertThat(page.locator("#no-recipients")).hasText("Aucun destinataire n’est encore enregistré auprès de votre coffre.");
        checked(page, "sharing-empty");
        page.locator("#recipient-document").fill(BUDGET_DOCUMENT);
        page.locator("#recipient-review").click();

        assertThat(page.locator("#recipient-review-title")).hasText("Admettre Budget Étudiant ?");
        assertThat(page.locator("#recipient-review-result .declaration h4")).hasText("votre budget du mois par catégorie");
        checked(page, "sharing-review");
        page.locator("#recipient-admit").click();

        assertThat(page.locator("#given-next-text")).containsText("Budget Étudiant est admis");
        checked(page, "sharing-admitted");
        return vault.recipients().list().stream().filter(recipient -> recipient.identity().name().equals("Budget Étudiant"))
                .findFirst().orElseThrow().id().value();
    }

    /** The app sends her to the consent page; she shares, and the app trades its code for a token. */
    private String shareOnTheConsentPage(BrowserTab tab, String clientId) {
        Page page = tab.page();
        page.route(CALLBACK.resolve("/") + "**", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("text/plain").setBody("retour dans l’application")));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationDetail budget = new AuthorizationDetail.Builder(new AuthorizationType("selfdata"))
                .actions(List.of(new Action("read")))
                .dataTypes(List.of(new DataType("bank.transaction")))
                .field("purpose", "dpv:ServiceProvision")
                .field("precision", Map.of("amount", "banded", "time", "month", "identifiers", "pseudonymized"))
                .field("covered", "trailing:P1Y")
                .field("retention", "P30D")
                .build();
        URI authorize = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(clientId))
                .endpointURI(URI.create(running.server().url() + "oauth/authorize"))
                .redirectionURI(CALLBACK)
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .authorizationDetails(List.of(budget))
                .build().toURI();
        page.navigate(authorize.toString());
        page.locator("#consent-request").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);

        assertThat(page.locator("#consent-title")).hasText("Budget Étudiant demande vos données");
        assertThat(page.locator("#consent-preview tbody tr").first()).containsText("Opérations bancaires");
        assertThat(page.locator("#consent-next")).containsText("Activité");
        checked(page, "consent");
        page.locator("#consent-accept").click();
        page.waitForURL(url -> url.startsWith(CALLBACK.toString()));

        AuthorizationCode code = new AuthorizationCode(SharingFixtures.queryParameter(URI.create(page.url()), "code"));
        AccessTokenResponse tokens = (AccessTokenResponse) SharingFixtures.send(new TokenRequest.Builder(
                URI.create(running.server().url() + "oauth/token"), new ClientID(clientId),
                new AuthorizationCodeGrant(code, CALLBACK, verifier)).build());
        return tokens.getTokens().getAccessToken().getValue();
    }

    private void watchTheAppsReadsOnTheActivityPage(BrowserTab tab, String accessToken) {
        HttpResponse<String> read = SharingFixtures.bearerGet(running.server(), accessToken,
                "/api/v1/shared/records?type=bank.transaction");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);

        Page page = tab.open("/activity").page();
        assertThat(page.locator("#verification-status")).containsText("Votre journal de 4 entrées est intact");
        assertThat(page.locator("#entries > li").first()).containsText("Budget Étudiant");
        checked(page, "activity");
        Page sharing = tab.open("/sharing").page();
        assertThat(sharing.locator(".recipient .grant .badge")).hasText("accordée");
        checked(sharing, "sharing-given");
    }

    private Path downloadTheArchive(BrowserTab tab) throws IOException {
        Page page = tab.open("/account").page();
        checked(page, "account");
        Download download = page.waitForDownload(() -> page.locator("#export-link").click());
        Path archive = folder.resolve("coffre.zip");
        download.saveAs(archive);
        return archive;
    }

    private void restoreAndFindTheGrantBack(BrowserTab moved, Path archive) {
        Page page = moved.open("/account").page();
        assertThat(page.locator("#restore-form")).isVisible();
        checked(page, "account-empty");
        page.locator("#restore-file").setInputFiles(archive);
        page.locator("#restore-form button[type=submit]").click();

        assertThat(page.locator("#restore-result")).containsText("assurez-vous que le fichier de clé de ce coffre est "
                + "sauvegardé", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        assertThat(page.locator("#restore-result")).containsText("Autorisations restaurées avec leurs reçus : 1. "
                + "Toujours en vigueur : 1.");
        checked(page, "account-restored");
        Vault restored = newMachine.vault();
        Person again = restored.person(Optional.of("camille"));
        assertThat(restored.grants().list(again.id())).singleElement()
                .satisfies(grant -> assertThat(grant.status(Instant.now())).isEqualTo(GrantStatus.GIVEN));

        Page sharing = moved.open("/sharing").page();
        assertThat(sharing.locator(".recipient h2")).hasText("Budget Étudiant");
        assertThat(sharing.locator(".recipient .grant .badge")).hasText("accordée");
        checked(sharing, "sharing-restored");
    }

    private void eraseOneSource(BrowserTab moved) {
        Page page = moved.open("/account").page();
        Locator choices = page.locator("#erase-source-choice option");
        assertThat(choices).hasCount(2);
        page.locator("#erase-source-choice").selectOption("1");
        page.locator("#erase-source-open").click();
        page.locator("#erase-source-dialog[open]").waitFor();
        assertThat(page.locator("#erase-source-number-label")).hasText("Tapez 1 (le numéro de cette source) pour confirmer");
        checked(page, "account-erase-source");
        page.locator("#erase-source-number").fill("1");
        page.locator("#erase-source-confirm").click();
        assertThat(choices).hasCount(1);

        assertThat(newMachine.vault().status(newMachine.vault().person(Optional.of("camille")).id()).sources()).hasSize(1);
        checked(page, "account-source-erased");
        moved.screenshot("first-hour-fr-end");
    }

    private static void checked(Page page, String name) {
        WrittenInOneLanguage.assertWhollyIn(Language.FRENCH, page, name);
    }
}
