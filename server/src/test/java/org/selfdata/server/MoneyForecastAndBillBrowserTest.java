package org.selfdata.server;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast on the money page and the bill on the energy page, on the demo vault, in a real browser; and a recurring
 * payment corrected on the page, on a vault of its own, Camille's rent of 480.00 on the 5th of each month
 * ({@link RentsOfTwoPeople}).
 */
class MoneyForecastAndBillBrowserTest {
    @RegisterExtension
    final Chromium chromium = new Chromium();
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);

    @Test
    void theForecastSaysWhereTheBalanceGoesLowestWhyAndHowFarItFellFromThePast() {
        BrowserTab tab = new BrowserTab(chromium.browser(), DemoServer.get().server()).signIn("camille", TestServers.PASSWORD)
                .open("/money");
        Page page = tab.page();
        page.locator("#money-forecast[aria-busy=false]").waitFor();

        assertThat(page.locator("#money-forecast button[data-days='30']").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(page.locator("#money-forecast-short").isHidden()).isTrue();
        assertThat(page.locator("#money-forecast-end").textContent()).startsWith("On Sep 30, 2026: about €")
                .contains(", most likely between ");
        assertThat(page.locator("#money-forecast-lowest").textContent()).startsWith("Lowest from ");
        assertThat(page.locator("#money-forecast-backtest").textContent()).startsWith("Checked against the past: made as of ")
                .contains("compared with what came 30 days later, the forecast was off by €");
        assertThat(page.locator("#money-forecast-chart canvas").count()).isEqualTo(1);
        assertThat(page.locator("#money-forecast-dues li").allTextContents())
                .anySatisfy(due -> assertThat(due).contains("FONCIA LYON LOYER, -€480.00"));

        page.locator("#money-forecast button[data-days='90']").click();
        page.locator("#money-forecast button[data-days='90'][aria-pressed=true]").waitFor();
        page.locator("#money-forecast[aria-busy=false]").waitFor();

        assertThat(page.locator("#money-forecast-end").textContent()).startsWith("On Nov 29, 2026: about €");
        assertThat(page.locator("#money-forecast-backtest").textContent()).contains("what came 90 days later");
        tab.screenshot("money-forecast");
        tab.assertNoProblems();
    }

    @Test
    void theEnergyBillSaysWhatEachMonthCostTheCheapestOptionAndTheSettlement() {
        BrowserTab tab = new BrowserTab(chromium.browser(), DemoServer.get().server()).signIn("camille", TestServers.PASSWORD)
                .open("/energy");
        Page page = tab.page();
        page.locator("#energy-bill[aria-busy=false]").waitFor();

        assertThat(page.locator("#energy-bill-unpriced").isHidden()).isTrue();
        assertThat(page.locator("#energy-bill-basis").textContent()).startsWith("Priced with the regulated tariffs in force "
                + "from ");
        assertThat(page.locator("#energy-bill-total").textContent()).containsPattern("kWh, which cost €[0-9,.]+ under ");
        assertThat(page.locator("#energy-bill-cheapest").textContent()).containsPattern("cheapest option");
        assertThat(page.locator("#energy-bill-settlement").textContent()).containsPattern("Your debits to .+ are €[0-9.]+ "
                + "a month; at this rate you will (owe|get) about €");
        assertThat(page.locator("#energy-bill-months thead th").allTextContents()).containsExactly("Month", "kWh", "Base",
                "Off-peak hours", "Tempo");
        assertThat(page.locator("#energy-bill-months tbody tr").count()).isBetween(12, 13);
        tab.screenshot("energy-bill");
        tab.assertNoProblems();
    }

    @Test
    void inFrenchTheForecastAndTheBillAreSaidInFrench() {
        BrowserTab tab = new BrowserTab(chromium.browser(), DemoServer.get().server()).signIn("camille", TestServers.PASSWORD)
                .open("/language?to=fr").open("/energy");
        tab.page().locator("#energy-bill[aria-busy=false]").waitFor();

        assertThat(tab.page().locator("#energy-bill-title").textContent()).isEqualTo("Ce qu’a coûté votre électricité");
        assertThat(tab.page().locator("#energy-bill-settlement").textContent()).startsWith("Vos prélèvements de ");
        WrittenInOneLanguage.assertWhollyIn(Language.FRENCH, tab.page(), "energy");

        tab.open("/money");
        tab.page().locator("#money-forecast[aria-busy=false]").waitFor();

        assertThat(tab.page().locator("#money-forecast-title").textContent()).isEqualTo("Votre solde à venir");
        assertThat(tab.page().locator("#money-forecast-backtest").textContent()).startsWith("Vérifiée sur le passé\u00a0: ");
        WrittenInOneLanguage.assertWhollyIn(Language.FRENCH, tab.page(), "money");
        tab.assertNoProblems();
    }

    @Test
    void aRentRenamedOnThePageKeepsItsNameAfterAReloadAndOnceEndedLeavesTheForecast() {
        RentsOfTwoPeople.importAndStart(running);
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/money");
        Page page = tab.page();
        Locator rent = page.locator("#money-recurring-spending li.flow");
        // Her latest rent was on 5 May 2025: the next falls 31 days later, within the 60 days ahead.
        sixtyDaysAhead(page);
        assertThat(page.locator("#money-forecast-dues li").allTextContents())
                .anySatisfy(due -> assertThat(due).contains("SCI Guillotière"));

        rent.locator("button", new Locator.LocatorOptions().setHasText("Rename")).click();
        rent.locator("form.rename input[name=name]").fill("Loyer de l’appartement");
        rent.locator("form.rename button[type=submit]").click();
        page.locator("#money-recurring-spending p.flow-title", new Page.LocatorOptions().setHasText("Loyer de l’appartement"))
                .waitFor();
        page.reload();
        page.waitForLoadState(LoadState.NETWORKIDLE);
        sixtyDaysAhead(page);

        assertThat(rent.locator("p.flow-title").textContent()).isEqualTo("Loyer de l’appartement: €480.00 every month");
        assertThat(rent.textContent()).contains("Sure: you confirmed it comes back.",
                "Your name for it; its bank lines say SCI Guillotière.");
        assertThat(page.locator("#money-forecast-dues li").allTextContents())
                .anySatisfy(due -> assertThat(due).contains("Loyer de l’appartement"));

        rent.locator("button", new Locator.LocatorOptions().setHasText("It has ended")).click();
        Locator ended = page.locator("#money-recurring-ended li.flow");
        ended.waitFor();
        page.locator("#money-forecast[aria-busy=false]").waitFor();

        assertThat(ended.locator("p.flow-title").textContent()).isEqualTo("Loyer de l’appartement: €480.00 every month");
        assertThat(ended.textContent()).contains("You said it has ended: it is left out of the forecast.");
        assertThat(page.locator("#money-recurring-spending").isHidden()).isTrue();
        assertThat(page.locator("#money-forecast-dues li").allTextContents()).noneSatisfy(due ->
                assertThat(due).contains("Loyer"));
        tab.screenshot("money-recurring-corrected");
        tab.assertNoProblems();
    }

    @Test
    void withoutReadingsTheBillSaysThereIsNothingToPriceAndTheRestOfThePageWorks() {
        RentsOfTwoPeople.importAndStart(running);
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/energy");
        tab.page().locator("#energy-bill[aria-busy=false]").waitFor();

        assertThat(tab.page().locator("#energy-bill-unpriced").textContent())
                .isEqualTo("No readings yet: there is nothing to price.");
        assertThat(tab.page().locator("#energy-bill-total").textContent()).isEmpty();
        assertThat(tab.page().locator("#energy-bill-months tbody tr").count()).isZero();
        assertThat(tab.page().locator("#energy-empty").isVisible()).isTrue();
        tab.assertNoProblems();
    }

    private static void sixtyDaysAhead(Page page) {
        page.locator("#money-forecast button[data-days='60']").click();
        page.locator("#money-forecast button[data-days='60'][aria-pressed=true]").waitFor();
        page.locator("#money-forecast[aria-busy=false]").waitFor();
    }
}
