package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of what the sources tell together on the demo vault, in a real browser: Camille's home draws only what
 * stays on while she is away, her journeys to her lectures go by tram or bicycle and share the price of her pass, and
 * the gym she pays every month is none of the places she goes to.
 */
class AcrossPageBrowserTest {
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private DemoServer demo;

    @BeforeEach
    void startTheDemo() {
        chromium.browser();
        demo = DemoServer.get();
    }

    @Test
    void herDaysAwayShowOnlyStandbyAndHerGymIsNoPlaceSheGoesTo() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD)
                .open("/across");
        tab.page().waitForCondition(() -> "false".equals(tab.page().locator("#across").getAttribute("aria-busy")));
        tab.recordFirstPaint("across");

        assertThat(tab.page().locator("#across-away-summary").textContent())
                .containsPattern("On the [0-9]+ whole days your locations show you away from home, your home used [0-9.]+ kWh")
                .contains("at the regulated base price");
        assertThat(tab.page().locator("#across-away").textContent()).contains("no more than what stays on");
        assertThat(tab.page().locator("#across-away-periods tr").count()).isGreaterThan(3);
        assertThat(tab.page().locator("#across-commute-summary").textContent())
                .containsPattern("[0-9,]+ journeys between your home and your place of study or work, [0-9,]+ km in all")
                .containsPattern("Your transport pass \\(TCL SYTRAL ABONNEMENT\\) cost €[0-9.,]+ over that year: "
                        + "€[0-9.]+ a journey");
        assertThat(tab.page().locator("#across-commute-ways tr td:first-child").allTextContents())
                .contains("Tram or metro", "Cycling");
        assertThat(tab.page().locator("#across-venues-list li").count()).isEqualTo(1);
        assertThat(tab.page().locator("#across-venues-list li").textContent()).startsWith("FITNESS PARK LYON: ")
                .contains("None of the places your locations show you going to regularly bears the name FITNESS PARK LYON");
        assertThat(tab.page().locator("#across-venues-list li a").count()).as("links to the payments").isEqualTo(5);
        tab.screenshot("across");
        tab.assertNoProblems();
    }
}
