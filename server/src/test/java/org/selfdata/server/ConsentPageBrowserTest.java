package org.selfdata.server;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent screen in a real browser: the person signs in, reads what the app asks and why its declaration does not
 * justify it, sees a preview of what the app would receive, and shares; the app gets its code back.
 */
class ConsentPageBrowserTest {
    private static final URI CALLBACK = URI.create("https://alertes.example/callback");

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
    void thePersonSeesWhyThenSharesRegionsAndTheAppGetsItsCode() {
        State state = new State();
        URI authorize = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(clientId))
                .endpointURI(URI.create(running.server().url() + "oauth/authorize"))
                .redirectionURI(CALLBACK)
                .state(state)
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .authorizationDetails(List.of(SharingFixtures.exactLocationForNotifications()))
                .build().toURI();
        Page page = consentPage(authorize, CALLBACK, "consent");

        assertThat(page.locator("#consent-title").textContent()).startsWith("Alertes Régionales asks for your data");
        assertThat(page.locator("#consent-reasons li").allTextContents()).containsExactly("asks for location at exact "
                + "precision; the declared purpose, notifications by region, needs location at region precision");
        assertThat(page.locator("#consent-offer").textContent()).contains("location region");
        String preview = page.locator("#consent-preview").textContent();
        assertThat(preview).contains("\"level\":\"region\"", "FR-ARA");
        SharingScenarioTest.assertNoCoordinate(preview);

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
        Page page = consentPage(authorize, callback, "consent-free-text");

        assertThat(page.locator("#consent-asked").textContent())
                .contains("Free text · Texte libre : counterparty, label, memo");
        String unnamed = ", which the declared purpose, monthly budget by category, does not name; it names label of "
                + "bank.transaction records";
        assertThat(page.locator("#consent-reasons li").allTextContents()).containsExactly(
                "asks for the free-text field counterparty of bank.transaction records" + unnamed,
                "asks for the free-text field memo of bank.transaction records" + unnamed);
        assertThat(page.locator("#consent-offer").textContent()).contains("Free text · Texte libre : label");
        assertThat(page.locator("#consent-preview").textContent()).contains(BudgetApp.LABEL)
                .doesNotContain(BudgetApp.PAYEE, "rue des Lilas");

        page.locator("#consent-accept").click();
        page.waitForURL(url -> url.startsWith(callback.toString()));

        assertThat(vault.grants().list(camille.id())).singleElement()
                .satisfies(grant -> assertThat(grant.terms().fields()).containsExactly("label"));
    }

    /**
     * The consent page of this authorization request, opened by Camille once signed in, and kept as a screenshot; the
     * app's callback answers as the app would.
     */
    private Page consentPage(URI authorize, URI callback, String screenshot) {
        Page page = chromium.browser().newPage();
        page.route(callback.resolve("/") + "**", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                .setStatus(200).setContentType("text/plain").setBody("back at the app")));
        page.navigate(running.server().url());
        page.locator("#sign-in-form input[name=handle]").fill("camille");
        page.locator("#sign-in-form input[name=password]").fill(TestServers.PASSWORD);
        page.locator("#sign-in-form button[type=submit]").click();
        page.locator("#overview").waitFor();
        page.navigate(authorize.toString());
        page.locator("#consent").waitFor();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(screenshot)).setFullPage(true));
        return page;
    }
}
