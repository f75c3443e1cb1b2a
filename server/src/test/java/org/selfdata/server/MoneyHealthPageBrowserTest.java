package org.selfdata.server;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.texts.Language;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The care section of the money page on the demo vault, in a real browser: each of Camille's visits to her doctor costs
 * 30.00, paid back 20.40 by the national insurance and 9.00 by her mutual, leaving 0.60; her pharmacy is paid back by
 * nobody; her mutual takes 14.50 each month.
 */
class MoneyHealthPageBrowserTest {
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private DemoServer demo;

    @BeforeEach
    void startTheDemo() {
        chromium.browser();
        demo = DemoServer.get();
    }

    @Test
    void herVisitsAreShownWithWhatEachInsurerPaidBackAndHerMutualsYearAgainstWhatItPaid() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD).open("/money");
        tab.page().waitForCondition(() -> "false".equals(tab.page().locator("#money-health").getAttribute("aria-busy")));
        Locator rows = tab.page().locator("#money-health-acts tbody tr");
        Locator visit = rows.filter(new Locator.FilterOptions().setHasText("DR LEFEBVRE CLAIRE")).first();

        assertThat(tab.page().locator("#money-health-note").textContent())
                .startsWith("Payments for care found in your bank lines from September 2025 to August 2026");
        assertThat(tab.page().locator("#money-health-short").isHidden()).isTrue();
        assertThat(tab.page().locator("#money-health-totals").textContent()).contains(" payments for care: ");
        assertThat(visit.locator("td").allTextContents()).containsSubsequence("DR LEFEBVRE CLAIRE · doctor", "€30.00",
                "€20.40", "€9.00", "€0.60", "Paid back.");
        assertThat(visit.locator("td a").first().getAttribute("href")).startsWith("/explore?record=");
        assertThat(visit.locator("td:nth-child(4) a").getAttribute("title")).startsWith("Paid back on ");
        assertThat(rows.filter(new Locator.FilterOptions().setHasText("PHARMACIE DU PONT")).first().textContent())
                .contains("usually paid by the insurers directly");
        assertThat(tab.page().locator("#money-health-usual").textContent())
                .contains("The national health insurance paid you back ");
        assertThat(tab.page().locator("#money-health-premiums-text").textContent())
                .startsWith("From September 2025 to August 2026, your mutual insurance took €174.00 in premiums");
        assertThat(tab.page().locator("#money-health-premiums li").first().textContent())
                .startsWith("HARMONIE MUTUELLE: 12 payments, usually €14.50, €174.00 in all.");
        tab.screenshot("money-health");
        tab.assertNoProblems();
    }

    @Test
    void anotherPeriodAskedInTheFormIsTheSectionsToo() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD).open("/money");

        tab.page().locator("#money-from").fill("2025-01");
        tab.page().locator("#money-to").fill("2025-03");
        tab.page().locator("#money-period button[type=submit]").click();
        tab.page().waitForCondition(() -> tab.page().locator("#money-health-note").textContent()
                .contains("from January 2025 to March 2025"));

        assertThat(tab.page().locator("#money-health-acts tbody tr td:first-child").allTextContents())
                .allSatisfy(day -> assertThat(day).matches("(Jan|Feb|Mar) \\d+, 2025"));
        tab.assertNoProblems();
    }

    @Test
    void inFrenchCareIsSaidInFrench() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD)
                .open("/language?to=fr").open("/money");
        tab.page().waitForCondition(() -> "false".equals(tab.page().locator("#money-health").getAttribute("aria-busy")));

        assertThat(tab.page().locator("#money-health-title").textContent()).isEqualTo("Soins et remboursements");
        assertThat(tab.page().locator("#money-health-acts tbody tr").filter(new Locator.FilterOptions()
                .setHasText("DR LEFEBVRE CLAIRE")).first().locator("td").allTextContents())
                .containsSubsequence("DR LEFEBVRE CLAIRE · médecin", "30,00\u00a0€", "20,40\u00a0€", "9,00\u00a0€",
                        "0,60\u00a0€", "Remboursé.");
        assertThat(tab.page().locator("#money-health-premiums li").first().textContent())
                .startsWith("HARMONIE MUTUELLE\u00a0: 12 prélèvements, d’habitude 14,50\u00a0€, 174,00\u00a0€ en tout.");
        WrittenInOneLanguage.assertWhollyIn(Language.FRENCH, tab.page(), "money");
        tab.screenshot("money-health-fr");
        tab.assertNoProblems();
    }
}
