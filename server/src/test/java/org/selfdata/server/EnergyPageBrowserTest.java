package org.selfdata.server;

import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The energy page on the demo vault, in a real browser: Camille's Linky load curve, a reading every 30 minutes from
 * September 2024 to August 2026, so the page opens on the 365 days from 1 September 2025 to 31 August 2026.
 */
class EnergyPageBrowserTest {
    private static final int DAYS_SHOWN = 365;

    @RegisterExtension
    final Chromium chromium = new Chromium();
    private DemoServer demo;

    @BeforeEach
    void startTheDemo() {
        chromium.browser();
        demo = DemoServer.get();
    }

    @Test
    void theYearIsDrawnPerDayAndComparedWithTheYearBefore() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD)
                .open("/energy");
        tab.recordFirstPaint("energy");

        assertThat(tab.page().locator("#energy-chart canvas").count()).isEqualTo(1);
        assertThat(tab.page().locator("#energy-chart").getAttribute("data-step")).isEqualTo("day");
        assertThat(tab.page().locator("#energy-chart").getAttribute("data-points")).isEqualTo(String.valueOf(DAYS_SHOWN));
        assertThat(tab.page().locator("#energy-text").textContent()).startsWith("Sep 1, 2025 – Aug 31, 2026: ")
                .contains("in 365 points (per day)");
        assertThat(tab.page().locator("#energy-comparison-chart canvas").count()).isEqualTo(1);
        assertThat(tab.page().locator("#energy-from").inputValue()).isEqualTo("2026-08-01");
        assertThat(tab.page().locator("#energy-against-from").inputValue()).isEqualTo("2025-08-01");
        assertThat(tab.page().locator("#energy-totals tbody tr").count()).isEqualTo(2);
        assertThat(tab.page().locator("#energy-change").textContent()).containsPattern("used [0-9.]+ % (more|less) than");
        tab.screenshot("energy");
        tab.assertNoProblems();
    }

    @Test
    void draggingAcrossAWeekOrTypingADayZoomsIntoTheReadingsThemselves() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD)
                .open("/energy");
        BoundingBox plot = tab.page().locator("#energy-chart .u-over").boundingBox();
        double week = plot.width * 7 / DAYS_SHOWN;
        double start = plot.x + plot.width / 2;
        double middle = plot.y + plot.height / 2;

        tab.page().mouse().move(start, middle);
        tab.page().mouse().down();
        tab.page().mouse().move(start + week / 2, middle);
        tab.page().mouse().move(start + week, middle);
        tab.page().mouse().up();
        tab.page().waitForCondition(() -> "raw".equals(tab.page().locator("#energy-chart").getAttribute("data-step")));

        int points = Integer.parseInt(tab.page().locator("#energy-chart").getAttribute("data-points"));
        assertThat(points).as("half-hours in about a week").isBetween(5 * 48, 9 * 48);
        assertThat(tab.page().locator("#energy-text").textContent()).contains("readings as the meter gave them");
        assertThat(tab.page().locator("#energy-reset").isVisible()).isTrue();
        tab.screenshot("energy-zoomed");

        tab.page().locator("#energy-range-from").fill("2026-03-02");
        tab.page().locator("#energy-range-to").fill("2026-03-03");
        tab.page().locator("#energy-range button[type=submit]").click();
        tab.page().waitForCondition(() -> "48".equals(tab.page().locator("#energy-chart").getAttribute("data-points")));
        assertThat(tab.page().locator("#energy-text").textContent()).startsWith("Mar 2, 2026 – Mar 2, 2026: ");

        tab.page().locator("#energy-reset").click();
        tab.page().waitForCondition(() -> "day".equals(tab.page().locator("#energy-chart").getAttribute("data-step")));
        tab.page().locator("button.step[data-step=month]").click();
        tab.page().waitForCondition(() -> "month".equals(tab.page().locator("#energy-chart").getAttribute("data-step")));
        assertThat(tab.page().locator("#energy-chart").getAttribute("data-points")).isEqualTo("12");
        tab.assertNoProblems();
    }
}
