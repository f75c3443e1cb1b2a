package org.selfdata.server;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Recipient;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's story as a newcomer lives it, in a real browser on a vault filled as {@code selfdata demo} fills it:
 * PayEtud, the student payment app, asks again for her exact positions, now for restaurant opening hours. The consent
 * page shows side by side what exact positions would tell it (her home to within metres, her place of study) and what
 * the region its declaration justifies would (only the region she lives in); she shares at region precision, the app
 * reads, and the page of what her data reveals shows what PayEtud can work out from what it received.
 */
class DemoStoryBrowserTest {
    /** Worked out from every location point of the demo, twice for the two columns: seconds on a busy machine. */
    private static final double REVEAL_READ = 180_000;
    private static final URI CALLBACK = URI.create("https://payetud.example/oauth/retour");
    private static DemoServer demo;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeAll
    static void fillTheDemoVault() {
        demo = DemoServer.told();
    }

    @AfterAll
    static void deleteTheDemoVault() {
        demo.close();
    }

    @Test
    void theConsentPageShowsWhatExactAndRegionalPositionsWouldTellAndTheRevealPageWhatThePaymentAppCanWorkOut() {
        Recipient payments = demo.vault().recipients().list().stream()
                .filter(recipient -> recipient.identity().name().equals("PayEtud")).findFirst().orElseThrow();
        CodeVerifier verifier = new CodeVerifier();
        URI authorize = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID(payments.id().toString()))
                .endpointURI(URI.create(demo.server().url() + "oauth/authorize"))
                .redirectionURI(CALLBACK)
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .authorizationDetails(List.of(exactPositionsForRestaurants()))
                .build().toURI();
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server(), "en-GB");
        Page page = tab.page();
        page.setDefaultTimeout(REVEAL_READ);
        page.setDefaultNavigationTimeout(REVEAL_READ);
        page.route(CALLBACK.resolve("/") + "**", route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("text/plain").setBody("back at PayEtud")));
        page.navigate(authorize.toString());
        page.locator("#sign-in-handle").fill("camille");
        page.locator("#sign-in-password").fill(TestServers.PASSWORD);
        page.locator("#sign-in-form button[type=submit]").click();
        page.locator("#consent-reveals .reveal-column").first().waitFor();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        tab.screenshot("demo-consent-payetud");

        assertThat(page.locator("#consent-title").textContent()).isEqualTo("PayEtud asks for your data");
        assertThat(page.locator("#consent-reasons li").allTextContents()).containsExactly(
                "Location: it asks for “exact”; what it declares needs no more than “region”.");
        Locator asked = page.locator("#consent-reveals [data-for='asked']");
        Locator justified = page.locator("#consent-reveals [data-for='justified']");
        assertThat(asked.locator("h4").textContent()).isEqualTo("Under the terms asked");
        assertThat(asked.locator(".reveal-finds li").allTextContents()).containsExactly("your home, to within 10 m",
                "your place of work or study, to within 10 m",
                "6 of your regular places (6 in all), told apart from one another",
                "your weekly routine: when you leave home and come back");
        assertThat(justified.locator(".reveal-finds li").allTextContents())
                .containsExactly("only that you live in Auvergne-Rhône-Alpes");
        assertThat(justified.locator(".reveal-cannot-find li").allTextContents())
                .contains("your home", "your place of work or study");

        page.locator("#consent-accept").click();
        page.waitForURL(url -> url.startsWith(CALLBACK.toString()));
        String code = SharingFixtures.queryParameter(URI.create(page.url()), "code");
        AccessTokenResponse tokens = (AccessTokenResponse) SharingFixtures.send(new TokenRequest.Builder(
                URI.create(demo.server().url() + "oauth/token"), new ClientID(payments.id().toString()),
                new AuthorizationCodeGrant(new AuthorizationCode(code), CALLBACK, verifier)).build());
        HttpResponse<String> read = SharingFixtures.bearerGet(demo.server(), tokens.getTokens().getAccessToken().getValue(),
                "/api/v1/shared/records?type=geo.point&limit=1000");
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);

        tab.open("/reveal");
        page.locator("#reveal-grants[aria-busy=false]").waitFor();
        tab.screenshot("demo-reveal-payetud");

        Locator payetud = page.locator("#reveal-grants .reveal-grant", new Page.LocatorOptions()
                .setHasText("PayEtud"));
        assertThat(payetud.locator("h4").textContent()).isEqualTo("What PayEtud can work out about you from what it received");
        assertThat(payetud.locator("p.muted").first().textContent()).contains("location: region", "1 read", "1,000 records");
        assertThat(payetud.locator(".reveal-finds li").allTextContents())
                .containsExactly("only that you live in Auvergne-Rhône-Alpes");
        assertThat(payetud.locator(".reveal-cannot-find li").allTextContents()).contains("your home");
        tab.assertNoProblems();
    }

    /** What PayEtud asks for its restaurant hours: every position, exact, over the last three years. */
    private static AuthorizationDetail exactPositionsForRestaurants() {
        return new AuthorizationDetail.Builder(new AuthorizationType("selfdata"))
                .actions(List.of(new Action("read")))
                .dataTypes(List.of(new DataType("geo.point")))
                .field("purpose", "dpv:ServicePersonalisation")
                .field("precision", Map.of("location", "exact"))
                .field("covered", "trailing:P3Y")
                .field("retention", "P30D")
                .build();
    }
}
