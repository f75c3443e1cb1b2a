package org.selfdata.server;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Person;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with the operator's provider in a real browser: the provider is another site (localhost, where the vault
 * is 127.0.0.1), so the browser comes back from elsewhere and must still hold its session on the page it lands on.
 */
class SingleSignOnBrowserTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final MockOAuth2Server provider = new MockOAuth2Server();
    private String origin;
    private SelfdataServer server;

    @BeforeEach
    void startTheProviderAndTheServer() {
        chromium.browser();
        provider.start();
        String issuer = provider.issuerUrl("university").toString();
        Person camille = running.vault().people().find("camille").orElseThrow();
        running.vault().identities().link(camille.id(), issuer, "f3a1c2d4-camille");
        server = running.start(TestServers.SETTINGS.withSingleSignOn(new SingleSignOn(URI.create(issuer), "selfdata-vault",
                "the-vaults-secret-at-the-university", "Université de Lyon", false)));
        origin = server.url().substring(0, server.url().length() - 1);
    }

    @AfterEach
    void stopTheProvider() {
        provider.shutdown();
    }

    @Test
    void aPersonSignsInAtTheProviderAndLandsSignedInOnThePageThatAskedForIt() {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback("university", "f3a1c2d4-camille"));
        BrowserTab tab = new BrowserTab(chromium.browser(), server);
        Page page = tab.page();
        page.navigate(origin + "/money");
        assertThat(page.url()).startsWith(origin + "/sign-in");

        page.locator("#sign-in-provider").click();
        page.waitForURL(origin + "/money");
        page.waitForLoadState(LoadState.NETWORKIDLE);

        assertThat(page.locator("#page-title").textContent()).isEqualTo("Money");
        assertThat(page.locator("#failure").isHidden()).isTrue();
        tab.screenshot("single-sign-on-landed");
        tab.assertNoProblems();
    }

    @Test
    void someoneTheVaultDoesNotKnowIsToldWhyInTheirLanguage() {
        for (Language language : Language.values()) {
            provider.enqueueCallback(new DefaultOAuth2TokenCallback("university", "stranger-42"));
            BrowserTab tab = new BrowserTab(chromium.browser(), server);
            tab.open("/language?to=" + language.code());
            tab.open("/sign-in");

            tab.page().locator("#sign-in-provider").click();
            tab.page().waitForURL(origin + "/sign-in?refused=unknown");

            assertThat(tab.page().locator("#sign-in-refused").isVisible()).isTrue();
            assertThat(tab.page().locator("#sign-in-provider").textContent()).contains("Université de Lyon");
            WrittenInOneLanguage.assertWhollyIn(language, tab.page(), "sign-in refused");
            tab.screenshot("single-sign-on-refused-" + language.code());
            tab.assertNoProblems();
        }
    }
}
