package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The carbon page on the demo vault, in a real browser: Camille's last year, September 2025 to August 2026, from her
 * load curve, her location history (trams and bicycles in Lyon, trains to the Alps, to Vannes and to Marseille) and her
 * bank lines, whose train tickets and electricity bills are left out since her trips and readings already count them.
 */
class CarbonPageBrowserTest {
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private DemoServer demo;

    @BeforeEach
    void startTheDemo() {
        chromium.browser();
        demo = DemoServer.get();
    }

    @Test
    void herYearIsEstimatedMonthByMonthWithEachWayOfTravellingAndWhatWasLeftOut() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD)
                .open("/carbon");
        tab.recordFirstPaint("carbon");

        assertThat(tab.page().locator("#carbon-from").inputValue()).isEqualTo("2025-09");
        assertThat(tab.page().locator("#carbon-to").inputValue()).isEqualTo("2026-08");
        assertThat(tab.page().locator("#carbon-summary").textContent())
                .matches("From September 2025 to August 2026: about [0-9,.]+ kg of CO2 equivalent .*");
        assertThat(tab.page().locator("#carbon-sureness").textContent()).startsWith("This estimate is ");
        assertThat(tab.page().locator("#carbon-months tbody tr").count()).isEqualTo(12);
        assertThat(tab.page().locator("#carbon-travel tbody").textContent())
                .contains("Tram or metro", "Cycling", "Walking", "Regional train", "High-speed train", "passenger-km", "ADEME");
        assertThat(tab.page().locator("#carbon-spending tbody").textContent()).contains("Groceries", "per euro");
        assertThat(tab.page().locator("#carbon-left-out").textContent())
                .contains("your trips already count the kilometres", "your meter readings already count the electricity");
        assertThat(tab.page().locator("#carbon-uncomputed").isVisible()).isFalse();
        tab.screenshot("carbon");
        tab.assertNoProblems();
    }

    @Test
    void inFrenchTheWaysAndFactorsAreSaidInFrench() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server(), "fr-FR").signIn("camille", TestServers.PASSWORD)
                .open("/language?to=fr").open("/carbon");

        assertThat(tab.page().locator("#carbon-summary").textContent())
                .startsWith("De septembre 2025 à août 2026\u00a0: environ ");
        assertThat(tab.page().locator("#carbon-travel tbody").textContent()).contains("Tram ou métro", "voyageur-km");
        tab.assertNoProblems();
    }
}
