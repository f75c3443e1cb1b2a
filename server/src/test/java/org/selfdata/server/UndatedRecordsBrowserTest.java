package org.selfdata.server;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Explore and the overview in a real browser, in English and in French, over three location points of January 2025 and
 * an address book whose second card has no revision date: the card is listed last as undated, never in 1970, and the
 * timeline and the overview's periods start in 2025.
 */
class UndatedRecordsBrowserTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();

    @BeforeEach
    void importPointsAndAnAddressBook() {
        chromium.browser();
        running.importLocationPoints(3);
        running.start();
        UndatedRecordsTest.importAddressBook(running.camille());
    }

    @ParameterizedTest
    @CsvSource({"en-GB, Undated, January 2025", "fr-FR, Sans date, janvier 2025"})
    void exploreListsTheUndatedCardLastAndTheTimelineStartsIn2025(String locale, String undated, String january) {
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server(), locale).signIn("camille", TestServers.PASSWORD)
                .open("/explore");
        Page page = tab.page();
        page.locator("#records-section[aria-busy=false]").waitFor();
        page.locator("#timeline-section[aria-busy=false]").waitFor();

        List<String> when = page.locator("#records tbody tr td:first-child").allTextContents();
        assertThat(when).hasSize(5);
        assertThat(when.getLast()).isEqualTo(undated);
        assertThat(when.subList(0, 4)).noneMatch(text -> text.equals(undated)).noneMatch(text -> text.contains("1970"));
        assertThat(page.locator("#timeline-table tbody tr button").allTextContents()).containsExactly(january);
        tab.assertNoProblems();
    }

    @ParameterizedTest
    @CsvSource({"en-GB, Undated", "fr-FR, Sans date"})
    void theOverviewSaysTheContactsPeriodWithoutGoingBackTo1970(String locale, String undated) {
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server(), locale).signIn("camille", TestServers.PASSWORD)
                .open("/");
        Page page = tab.page();
        page.locator("#overview[aria-busy=false]").waitFor();

        assertThat(page.locator("#types tbody").textContent()).doesNotContain("1970").doesNotContain(undated);
        assertThat(page.locator("#sources tbody").textContent()).doesNotContain("1970");
        tab.assertNoProblems();
    }
}
