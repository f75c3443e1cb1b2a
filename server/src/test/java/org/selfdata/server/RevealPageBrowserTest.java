package org.selfdata.server;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.texts.Language;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of what the data reveals, in a real browser on the demo vault: Camille's home with its confidence in words
 * and its evidence, whose first record opens in Explore; her place of study, her weekly routine, her periods away and
 * her regular places, on the map too; then all of it in French through the page's language switch.
 */
class RevealPageBrowserTest {
    /** What the data reveals is worked out from every location point, read through the gate: seconds on a busy machine. */
    private static final double REVEAL_READ = 120_000;

    @RegisterExtension
    final Chromium chromium = new Chromium();

    @Test
    void theHomeSaysHowSureItIsAndItsEvidenceOpensExploreOnTheRecordItRestsOnAndTheWholePageSaysItInFrench() {
        BrowserTab tab = new BrowserTab(chromium.browser(), DemoServer.get().server()).signIn("camille", TestServers.PASSWORD);
        Page page = tab.page();
        page.setDefaultTimeout(REVEAL_READ);
        page.setDefaultNavigationTimeout(REVEAL_READ);
        tab.open("/reveal");
        page.locator("#reveal[aria-busy=false]").waitFor();

        assertThat(page.locator("#reveal-locations-summary").textContent())
                .isEqualTo("From 483,054 location points and 0 visits, grouped into 2,698 stays.");
        Locator home = page.locator("#reveal-home");
        assertThat(home.locator(".says").textContent())
                .isEqualTo("You spend most of your nights here: likely your home, to within 150 m.");
        assertThat(home.locator(".confidence").textContent()).isEqualTo("Confidence: high (89%)");
        assertThat(home.locator(".evidence").textContent())
                .isEqualTo("Evidence: 648 nights out of 730, from Aug 31, 2024 to Aug 30, 2026.");
        assertThat(home.locator(".records a").allTextContents())
                .containsExactly("record 1", "record 2", "record 3", "record 4", "record 5");
        assertThat(page.locator("#reveal-study .confidence").textContent()).isEqualTo("Confidence: medium (51%)");
        assertThat(page.locator("#reveal-routine tbody tr").first().locator("td").allTextContents())
                .containsExactly("Monday", "8:24 AM", "5:16 PM", "79");
        assertThat(page.locator("#reveal-routine tbody tr").count()).isEqualTo(7);
        assertThat(page.locator("#reveal-away .says").first().textContent())
                .isEqualTo("From Oct 19, 2024 to Oct 20, 2024: 2 nights away from home (Isère).");
        int regular = page.locator("#reveal-regular > li").count();
        assertThat(regular).isEqualTo(6);
        assertThat(page.locator(".leaflet-overlay-pane path.place").count()).isEqualTo(2 + regular);
        assertThat(page.locator(".leaflet-tooltip").allTextContents()).containsExactly("Home", "Place of study or work");
        assertThat(page.locator("#reveal-grants").count()).isEqualTo(1);
        tab.screenshot("reveal");

        String record = home.locator(".records a").first().getAttribute("href");
        home.locator(".records a").first().click();
        page.waitForURL(url -> url.endsWith(record));
        page.locator("#record").waitFor();

        assertThat(page.locator("#record-payload dt").allTextContents()).contains("Latitude", "Longitude");

        tab.open("/reveal");
        page.locator("#language-fr").click();
        page.waitForURL(url -> url.endsWith("/reveal"));
        page.locator("#reveal[aria-busy=false]").waitFor();

        assertThat(page.locator("#page-title").textContent()).isEqualTo("Ce que vos données révèlent");
        assertThat(home.locator(".says").textContent()).isEqualTo("Vous passez ici la plupart de vos nuits\u00a0: sans doute "
                + "votre domicile, à 150\u00a0m près.");
        assertThat(home.locator(".confidence").textContent()).isEqualTo("Confiance\u00a0: élevée (89\u00a0%)");
        assertThat(home.locator(".evidence").textContent())
                .isEqualTo("Indices\u00a0: 648 nuits sur 730, du 31 août 2024 au 30 août 2026.");
        assertThat(page.locator("#reveal-routine tbody tr").first().locator("td").first().textContent()).isEqualTo("lundi");
        WrittenInOneLanguage.assertWhollyIn(Language.FRENCH, page, "reveal");
        tab.screenshot("reveal-fr");
        tab.assertNoProblems();
    }
}
