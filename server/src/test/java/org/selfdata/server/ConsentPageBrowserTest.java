package org.selfdata.server;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.LoadState;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
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
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent page in a real browser, in English and in French: the person reads what the app asks, in words, why its
 * declaration does not justify all of it, what would be shared and a preview of what the app would receive, with why
 * a place is less precise than asked or why nothing is shown; then shares, and the app gets its code back.
 */
class ConsentPageBrowserTest {
    private static final URI CALLBACK = URI.create("https://alertes.example/callback");
    /** The app's own words, which the page shows as the app wrote them, in whatever language. */
    private static final String APP_DESCRIPTION = "notifications by region";
    /** Codes of the API and of the records, which a person must never read. */
    private static final Pattern RAW_CODE = Pattern.compile(
            "pd:|dpv:|eu-gdpr:|trailing:|from-grant|\\bP\\d+[DMY]\\b|\\b[A-Z]{2,}_[A-Z_]+\\b|\\{\"|geo\\.|h3:");
    /** English words that have no business on the French page. */
    private static final List<String> ENGLISH = List.of("the", "asks", "What", "would", "Share", "Refuse", "records",
            "location", "days", "precision", "Purpose", "before", "each", "request", "country", "region", "Location points",
            "Nothing", "Trips", "by car");

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private String clientId;

    @BeforeEach
    void registerTheApp() {
        running.importLocationPoints(12);
        running.start();
        clientId = SharingFixtures.registerRegionalAlerts(running.camille(), CALLBACK);
    }

    @Test
    void thePersonReadsTheRequestInWordsSeesWhyThenSharesRegionsAndTheAppGetsItsCode() {
        State state = new State();
        BrowserTab tab = consentPage("en-GB", authorize(SharingFixtures.exactLocationForNotifications(), state));
        Page page = tab.page();
        tab.screenshot("consent-en");

        assertThat(page.locator("#page-title").textContent()).isEqualTo("A request for your data");
        assertThat(page.locator("header.top .languages a#language-fr").count()).isEqualTo(1);
        assertThat(page.locator("#consent-title").textContent()).isEqualTo("Alertes Régionales asks for your data");
        assertThat(page.locator("#consent-recipient").textContent()).isEqualTo("Alertes Régionales SAS · France · "
                + "contact@alertes.example · data protection officer: dpo@alertes.example");
        assertThat(page.locator("#consent-asked li").allTextContents()).containsExactly(
                "What for: notifications by region (communicating with you)",
                "Allowed: to read your data",
                "Data: Location points",
                "Free text: none",
                "How precisely: location: exact, time: day, identifiers: pseudonymized",
                "Which part of your history: the last 3 years before each request",
                "Kept by the app: 30 days",
                "Volume: at most 10,000 records a day");
        assertThat(page.locator("#consent-verdict").textContent()).isEqualTo("What Alertes Régionales declares does not "
                + "justify all of this, so you would share less than it asks:");
        assertThat(page.locator("#consent-reasons li").allTextContents()).containsExactly(
                "Location: it asks for “exact”; what it declares needs no more than “region”.");
        assertThat(page.locator("#consent-offer").textContent())
                .contains("How precisely: location: region, time: day, identifiers: pseudonymized")
                .contains("For how long: 30 days, until");
        assertThat(page.locator("#consent-preview-note").textContent())
                .isEqualTo("A few of your records as Alertes Régionales would receive them:");
        assertThat(page.locator("#consent-preview tbody tr").allTextContents()).hasSize(5)
                .allSatisfy(row -> assertThat(row).contains("Location points").endsWith("Auvergne-Rhône-Alpes"));
        assertThat(page.locator("#consent-reveals .reveal-column h4").allTextContents())
                .containsExactly("Under the terms asked", "Under the terms the declaration justifies");
        assertThat(page.locator("#consent-reveals [data-for='asked'] .reveal-cannot-find li").allTextContents())
                .containsExactly("your home", "your place of work or study", "your weekly routine");
        assertThat(page.locator("#consent-reveals [data-for='justified'] .reveal-finds li").allTextContents())
                .containsExactly("only that you live in Auvergne-Rhône-Alpes");
        assertThat(page.locator("#consent-next").textContent()).contains("Activity page", "withdraw");
        assertNoRawCode(page);

        page.locator("#consent-accept").click();
        page.waitForURL(url -> url.startsWith(CALLBACK.toString()));
        page.waitForLoadState(LoadState.LOAD);

        URI back = URI.create(page.url());
        assertThat(back.getQuery()).contains("state=" + state.getValue()).contains("code=");
        assertThat(page.content()).contains("back at the app");
        assertThat(vault.grants().list(camille.id())).singleElement()
                .satisfies(grant -> assertThat(grant.terms().precision().location().term()).isEqualTo("region"));
    }

    @Test
    void inFrenchThePageSaysItAllInFrenchAndExplainsWhyATripAbroadIsGivenByItsCountry() {
        running.importTripFromLyonToMontreal();
        AuthorizationDetail trips = new AuthorizationDetail.Builder(new AuthorizationType("selfdata"))
                .actions(List.of(new Action("read")))
                .dataTypes(List.of(new DataType("geo.trip")))
                .field("purpose", "dpv:CommunicationManagement")
                .field("precision", Map.of("location", "region", "time", "day", "identifiers", "pseudonymized"))
                .field("covered", "trailing:P3Y")
                .field("retention", "P30D")
                .build();
        BrowserTab tab = consentPage("fr-FR", authorize(trips, new State()));
        Page page = tab.page();
        tab.screenshot("consent-fr-trip");

        assertThat(page.locator("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(page.locator("#page-title").textContent()).isEqualTo("Une demande d’accès à vos données");
        assertThat(page.locator("#consent-title").textContent()).isEqualTo("Alertes Régionales demande vos données");
        assertThat(page.locator("#consent-asked li").allTextContents()).contains(
                "Données : Trajets",
                "Avec quelle précision : lieu : région, heure : jour",
                "Quelle partie de votre historique : les 3 dernières années avant chaque demande",
                "Conservé par l’application : 30 jours");
        assertThat(page.locator("#consent-reasons").isHidden()).isTrue();
        assertThat(page.locator("#consent-preview tbody tr").allTextContents()).singleElement()
                .satisfies(row -> assertThat(row).contains("Trajets").endsWith("En voiture : Auvergne-Rhône-Alpes → Canada"));
        assertThat(page.locator("#consent-preview-why li").allTextContents()).containsExactly(
                "Canada : le pays et non la région. selfdata ne connaît que les régions de France et donne le pays d’un "
                        + "lieu situé ailleurs.",
                "La longueur d’un trajet est omise : elle se calcule à partir des points exacts du trajet, que cette "
                        + "précision ne partage pas.");
        assertNoRawCode(page);
        assertNoEnglish(page);
        tab.assertNoProblems();
    }

    @Test
    void inFrenchAnEmptyPreviewSaysWhyAndTheLanguageSwitchKeepsTheRequest() {
        AuthorizationDetail trips = new AuthorizationDetail.Builder(new AuthorizationType("selfdata"))
                .actions(List.of(new Action("read")))
                .dataTypes(List.of(new DataType("geo.trip")))
                .field("purpose", "dpv:CommunicationManagement")
                .field("covered", "trailing:P3Y")
                .build();
        BrowserTab tab = consentPage("fr-FR", authorize(trips, new State()));
        Page page = tab.page();

        assertThat(page.locator("#consent-preview-note").textContent()).isEqualTo("Rien à montrer : votre coffre ne "
                + "contient aucune de ces données (Trajets) sur les 3 dernières années avant chaque demande. Il ne recevrait "
                + "rien pour l’instant.");
        assertThat(page.locator("#consent-preview").isHidden()).isTrue();
        assertNoRawCode(page);
        assertNoEnglish(page);

        page.locator("#language-en").click();
        page.locator("#consent-request").waitFor();
        assertThat(page.locator("#consent-title").textContent()).isEqualTo("Alertes Régionales asks for your data");
        assertThat(page.locator("#consent-preview-note").textContent()).isEqualTo("Nothing to show: your vault holds "
                + "none of this data (Trips) over the last 3 years before each request. It would receive nothing for now.");
        tab.assertNoProblems();
    }

    @Test
    void thePersonSeesTheFreeTextAskedAndWhyPayeesAndMemosAreRefusedThenSharesLabelsOnly() {
        BudgetApp.importStatement(vault);
        URI callback = URI.create("https://budget-malin.example/callback");
        String budget = BudgetApp.register(running.camille(), callback, Map.of("bank.transaction", List.of("label")));
        URI authorize = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(budget))
                .endpointURI(URI.create(running.server().url() + "oauth/authorize"))
                .redirectionURI(callback)
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .authorizationDetails(List.of(BudgetApp.askingPayeesAndMemos()))
                .build().toURI();
        BrowserTab tab = consentPage("en-GB", authorize, callback);
        Page page = tab.page();

        assertThat(page.locator("#consent-asked").textContent()).contains("Free text: counterparty, label, memo");
        assertThat(page.locator("#consent-reasons li").allTextContents()).contains(
                "It asks for the free text counterparty, memo, which what it declares for this purpose does not name.");
        assertThat(page.locator("#consent-offer").textContent()).contains("Free text: label");
        assertThat(page.locator("#consent-preview tbody").textContent()).contains(BudgetApp.LABEL)
                .doesNotContain(BudgetApp.PAYEE, "rue des Lilas");

        page.locator("#consent-accept").click();
        page.waitForURL(url -> url.startsWith(callback.toString()));

        assertThat(vault.grants().list(camille.id())).singleElement()
                .satisfies(grant -> assertThat(grant.terms().fields()).containsExactly("label"));
    }

    private URI authorize(AuthorizationDetail detail, State state) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(clientId))
                .endpointURI(URI.create(running.server().url() + "oauth/authorize"))
                .redirectionURI(CALLBACK)
                .state(state)
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .authorizationDetails(List.of(detail))
                .build().toURI();
    }

    private BrowserTab consentPage(String locale, URI authorize) {
        return consentPage(locale, authorize, CALLBACK);
    }

    /**
     * The consent page of this authorization request, opened by Camille: asked for before she signed in, it leads to
     * the sign-in page, which leads back to it. The app's callback answers as the app would.
     */
    private BrowserTab consentPage(String locale, URI authorize, URI callback) {
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server(), locale);
        Page page = tab.page();
        page.route(callback.resolve("/") + "**", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("text/plain").setBody("back at the app")));
        page.navigate(authorize.toString());
        page.locator("#sign-in-handle").fill("camille");
        page.locator("#sign-in-password").fill(TestServers.PASSWORD);
        page.locator("#sign-in-form button[type=submit]").click();
        page.locator("#consent-request").waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return tab;
    }

    private static void assertNoRawCode(Page page) {
        String shown = page.locator("main").innerText();
        assertThat(RAW_CODE.matcher(shown).results().map(result -> result.group()).toList()).as(shown).isEmpty();
    }

    private static void assertNoEnglish(Page page) {
        String shown = page.locator("body").innerText().replace(APP_DESCRIPTION, "");
        assertThat(ENGLISH).as(shown).noneSatisfy(word -> assertThat(shown).containsPattern("\\b" + word + "\\b"));
    }
}
