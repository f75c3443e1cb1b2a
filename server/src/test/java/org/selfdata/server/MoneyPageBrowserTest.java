package org.selfdata.server;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.texts.Language;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money page on the demo vault, in a real browser: Camille's statement runs from September 2024 to August 2026, so
 * the page opens on September 2025 to August 2026. Each month she pays 480.00 of rent to Foncia, 38.00 to EDF and 12.99
 * to Free Mobile with calls abroad now and then, and her home insurance in October (116.18 in 2025), and nothing else
 * with those words in its label.
 */
class MoneyPageBrowserTest {
    /** Twelve months of her phone plan at 12.99 and the calls abroad drawn for them. */
    private static final String PHONE_LATEST_YEAR = "169.46";

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
                .anySatisfy(row -> assertThat(row).startsWith("Housing€5,876.18"))
                .anySatisfy(row -> assertThat(row).startsWith("Energy€456.00"))
                .anySatisfy(row -> assertThat(row).startsWith("Phone and internet€" + PHONE_LATEST_YEAR));
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

    @Test
    void herBillsSubscriptionsAndIncomeAreSaidInWordsWithTheLinesTheyRestOn() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD).open("/money");
        Locator spending = tab.page().locator("#money-recurring-spending li.flow");
        Locator phone = spending.filter(new Locator.FilterOptions().setHasText("FREE MOBILE"));

        assertThat(tab.page().locator("#money-recurring-note").textContent()).startsWith("Found in all your bank lines up to "
                + "Aug 31, 2026");
        assertThat(tab.page().locator("#money-recurring-short").isHidden()).isTrue();
        assertThat(spending.locator("p.flow-title").allTextContents()).contains("FONCIA LYON LOYER: €480.00 every month",
                "FITNESS PARK LYON: €29.95 every month", "MAIF ASSURANCE HABITATION: €116.18 every year");
        assertThat(tab.page().locator("#money-recurring-income p.flow-title").allTextContents())
                .contains("DRFIP BOURSE CROUS: €297.50 every month", "M OU MME MARTIN PHILIPPE: €350.00 every month");
        assertThat(phone.textContent()).contains("The price went from €9.99 to €12.99 in March 2025.",
                "Next expected around Sep 8, 2026; the last was on Aug 8, 2026.");
        assertThat(phone.locator("details a").count()).isEqualTo(24);
        assertThat(phone.locator("details a").first().getAttribute("href")).startsWith("/explore?record=");
        assertThat(tab.page().locator("#money-recurring-income li.flow").filter(new Locator.FilterOptions()
                .setHasText("DRFIP BOURSE CROUS")).textContent()).contains("It pauses in July and August");
        // Her Livret A's old lines, from her bank's answer, end in 2023: what came back there is over.
        assertThat(tab.page().locator("#money-recurring-ended li.flow").allTextContents())
                .allSatisfy(flow -> assertThat(flow).contains("it looks ended"));
        tab.screenshot("money-recurring");
        tab.assertNoProblems();
    }

    @Test
    void inFrenchTheRecurringPaymentsAreSaidInFrench() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD)
                .open("/language?to=fr").open("/money");
        Locator phone = tab.page().locator("#money-recurring-spending li.flow")
                .filter(new Locator.FilterOptions().setHasText("FREE MOBILE"));

        assertThat(tab.page().locator("#money-recurring-title").textContent()).isEqualTo("Paiements et rentrées réguliers");
        assertThat(phone.locator("p.flow-title").textContent()).isEqualTo("FREE MOBILE\u00a0: 12,99\u00a0€ chaque mois");
        assertThat(phone.textContent()).contains("Le prix est passé de 9,99\u00a0€ à 12,99\u00a0€ en mars 2025.",
                "Sûr\u00a0: 24 des 24 dates du rythme ont eu leur paiement, à 5 jours près.");
        WrittenInOneLanguage.assertWhollyIn(Language.FRENCH, tab.page(), "money");
        tab.screenshot("money-recurring-fr");
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
