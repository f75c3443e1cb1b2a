package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.testing.SteppingClock;
import org.selfdata.vault.Engine;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page shows times in the person's time zone, whatever the browser's: camille lives in Paris, and her browser is set
 * to Montreal's time, five hours behind.
 */
class TimesInThePersonsZoneBrowserTest {
    private final SteppingClock clock = new SteppingClock(Instant.parse("2025-03-10T18:27:00Z"));

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE, clock);
    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeEach
    void importAtTwentySevenPastSevenInParis() {
        chromium.browser();
        running.importLocationPoints(3);
        running.start();
    }

    @Test
    void theImportIsShownAtItsTimeInParisOnTheActivityAndImportPages() {
        BrowserTab tab = BrowserTab.inZone(chromium.browser(), running.server(), "America/Montreal")
                .signIn("camille", TestServers.PASSWORD);

        tab.open("/activity");
        String logged = tab.page().locator("#entries li.entry:has-text('You imported') time").textContent();
        tab.open("/import");
        String imported = tab.page().locator("#import-batches").textContent();

        // 18:27 UTC: 19:27 in Paris, 14:27 in Montreal.
        assertThat(logged).isEqualTo("Mar 10, 2025, 7:27 PM");
        assertThat(imported).contains("Mar 10, 2025, 7:27 PM").doesNotContain("2:27 PM");
        tab.assertNoProblems();
    }
}
