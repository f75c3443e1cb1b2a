package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money page on the demo vault, in a real browser: Camille's statement runs from September 2024 to August 2026, so
 * the page opens on September 2025 to August 2026. Each month she pays 480.00 of rent to Foncia, 38.00 to EDF and 9.99
 * to Free Mobile, and nothing else with those words in its label.
 */
class MoneyPageBrowserTest {
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private DemoServer demo;

    @BeforeEach
    void startTheDemo() {
        chromium.browser();
        demo = DemoServer.get();
    }

    @Test
    void theLatestYearIsDrawnAndTabledAndItsCategoriesAddUpToItsMonths() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD).open("/money");
        tab.recordFirstPaint("money");

        assertThat(tab.page().locator("#money-months-chart canvas").count()).isEqualTo(1);
        assertThat(tab.page().locator("#money-balance-chart canvas").count()).isEqualTo(1);
        assertThat(tab.page().locator("#money-months tbody tr").allTextContents()).hasSize(12)
                .first().asString().startsWith("Sep 2025");
        BigDecimal months = sum(tab.page().locator("#money-months tbody td:nth-child(2)").allTextContents());
        BigDecimal categories = sum(tab.page().locator("#money-categories tbody td:nth-child(2)").allTextContents());
        assertThat(categories).isEqualTo(months);
        assertThat(amount(tab.page().locator("#money-categories-spending").textContent())).isEqualTo(months);
        assertThat(amount(tab.page().locator("#money-total-spending").textContent())).isEqualTo(months);
        assertThat(tab.page().locator("#money-categories tbody tr").allTextContents())
                .anySatisfy(row -> assertThat(row).startsWith("Housing€5,760.00"))
                .anySatisfy(row -> assertThat(row).startsWith("Energy€456.00"))
                .anySatisfy(row -> assertThat(row).startsWith("Phone and internet€119.88"));
        assertThat(tab.page().locator("#money-payees tbody tr").count()).isEqualTo(10);
        assertThat(tab.page().locator("#money-balance-basis").textContent())
                .isEqualTo("Worked back from the balance your bank statements give.");
        tab.screenshot("money");
        tab.assertNoProblems();
    }

    @Test
    void aShorterPeriodShowsItsMonthsOnly() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD).open("/money");

        tab.page().locator("#money-from").fill("2025-01");
        tab.page().locator("#money-to").fill("2025-03");
        tab.page().locator("#money-period button[type=submit]").click();
        tab.page().waitForCondition(() -> tab.page().locator("#money-months tbody tr").count() == 3);

        assertThat(tab.page().locator("#money-months tbody th, #money-months tbody td:first-child").allTextContents())
                .containsExactly("Jan 2025", "Feb 2025", "Mar 2025");
        assertThat(tab.page().locator("#money-categories tbody tr").allTextContents())
                .anySatisfy(row -> assertThat(row).startsWith("Housing€1,440.00"));
        tab.assertNoProblems();
    }

    private static BigDecimal sum(List<String> amounts) {
        return amounts.stream().map(MoneyPageBrowserTest::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** An amount as the page shows it in English, such as €1,234.56. */
    private static BigDecimal amount(String shown) {
        return new BigDecimal(shown.replaceAll("[^0-9.-]", ""));
    }
}
