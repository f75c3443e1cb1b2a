package org.selfdata.server;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page in a real browser, reached through crafted links: whatever its address carries as {@code next},
 * once Camille is signed in the browser is on this site, at the path the server let through.
 */
class SignInPageBrowserTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private String origin;
    private BrowserTab tab;

    @BeforeEach
    void startTheServer() {
        chromium.browser();
        SelfdataServer server = running.start();
        origin = server.url().substring(0, server.url().length() - 1);
        tab = new BrowserTab(chromium.browser(), server);
    }

    @Test
    void noCraftedNextLeadsTheBrowserElsewhereOnceSignedIn() {
        Map<String, String> landedOn = new LinkedHashMap<>();
        for (String path : ReturnPaths.HOSTILE) {
            landedOn.put(path, signInThrough("/sign-in?next=" + ReturnPaths.encoded(path)));
        }

        assertThat(landedOn).allSatisfy((path, url) -> assertThat(url).as(path).isEqualTo(origin + "/"));
    }

    @Test
    void signingInLeadsBackToThePageThatAskedForIt() {
        assertThat(signInThrough("/energy")).isEqualTo(origin + "/energy");
        assertThat(signInThrough("/sign-in?next=" + ReturnPaths.encoded("/activity?grant=3")))
                .isEqualTo(origin + "/activity?grant=3");
        assertThat(signInThrough("/sign-in")).isEqualTo(origin + "/");
    }

    /**
     * Opens a path in the tab, signs in as Camille there, and says where the browser then goes: the address it commits
     * to, without waiting for that page to load (nothing listens elsewhere). The tab then leaves that page and forgets
     * the session, so that the next path reaches the sign-in page again.
     */
    private String signInThrough(String path) {
        Page page = tab.page();
        page.navigate(origin + path);
        assertThat(page.url()).startsWith(origin + "/sign-in");
        page.locator("#sign-in-handle").fill("camille");
        page.locator("#sign-in-password").fill(TestServers.PASSWORD);
        page.locator("#sign-in-form button[type=submit]").click();
        page.waitForURL(url -> !url.startsWith(origin + "/sign-in"),
                new Page.WaitForURLOptions().setWaitUntil(WaitUntilState.COMMIT));
        String landedOn = page.url();
        page.navigate("about:blank");
        page.context().clearCookies();
        return landedOn;
    }
}
