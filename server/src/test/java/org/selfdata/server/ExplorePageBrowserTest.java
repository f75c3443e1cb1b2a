package org.selfdata.server;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.TestVaults;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The explore page on the demo vault, in a real browser: the timeline across every kind of record, the table filtered to
 * one kind over one month and paged to its end, and one record's content, provenance and history.
 */
class ExplorePageBrowserTest {
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private DemoServer demo;

    @BeforeEach
    void startTheDemo() {
        chromium.browser();
        demo = DemoServer.get();
    }

    @Test
    void theTimelineCountsEveryKindOfRecordPerMonthWithATableBesideTheChart() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD)
                .open("/explore");
        Page page = tab.page();
        tab.recordFirstPaint("explore-timeline");
        Object counting = page.evaluate("() => Math.round(performance.getEntriesByType('resource')"
                + ".find(entry => entry.name.includes('/api/v1/timeline')).duration)");
        System.out.println("GET /api/v1/timeline on the demo vault took " + counting + " ms");

        assertThat(page.locator("#timeline canvas").count()).isEqualTo(1);
        assertThat(page.locator("#timeline .u-legend").textContent()).contains("Location points", "Bank transactions",
                "Energy readings", "Calendar events");
        List<String> headings = page.locator("#timeline-table thead th").allTextContents();
        int points = headings.indexOf("Location points");
        long pointsCounted = page.locator("#timeline-table tbody tr").all().stream()
                .mapToLong(row -> Long.parseLong(row.locator("td").nth(points).textContent().replace(",", "")))
                .sum();
        assertThat(pointsCounted).isEqualTo(483_054);
        assertThat(page.locator("#timeline-summary").textContent())
                .contains("records, counted per month, days as they are in the time zone Europe/Paris");
        tab.screenshot("explore-timeline");
        tab.assertNoProblems();
    }

    @Test
    void aMonthOfTheTimelineSetsTheTableToItsDays() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD)
                .open("/explore");
        Page page = tab.page();

        page.locator("#timeline-details summary").click();
        page.locator("#timeline-table button", new Page.LocatorOptions().setHasText("March 2025")).click();
        loaded(page);

        assertThat(page.locator("#filter-from").inputValue()).isEqualTo("2025-03-01");
        assertThat(page.locator("#filter-to").inputValue()).isEqualTo("2025-03-31");
        assertThat(page.locator("#records tbody tr").first().locator("td").first().textContent()).startsWith("Mar 1, 2025");
        tab.assertNoProblems();
    }

    @Test
    void theTableFilteredToBankTransactionsInMarchPagesToTheLastAndARecordShowsItsProvenanceAndHistory() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD)
                .open("/explore");
        Page page = tab.page();

        page.locator("#filter-type").selectOption("bank.transaction");
        page.locator("#filter-from").fill("2025-03-01");
        page.locator("#filter-to").fill("2025-03-31");
        page.locator("#filters button[type=submit]").click();
        loaded(page);
        while (page.locator("#more").isVisible()) {
            page.locator("#more").click();
            loaded(page);
        }

        Locator rows = page.locator("#records tbody tr");
        assertThat(rows.count()).isGreaterThan(100);
        assertThat(rows.all().stream().map(row -> row.locator("td").nth(0).textContent()))
                .containsExactlyElementsOf(bankDaysOfMarch2025InParis());
        assertThat(rows.all()).allSatisfy(row -> {
            assertThat(row.locator("td").nth(1).textContent()).isEqualTo("Bank transactions");
            assertThat(row.locator("td").nth(3).textContent()).matches("-?€[\\d,]+\\.\\d{2} · .+");
        });

        rows.first().locator("a").click();
        page.locator("#record").waitFor();

        assertThat(page.url()).contains("/explore?record=");
        String provenance = page.locator("#record-provenance").textContent();
        assertThat(provenance).contains("releve-banque.ofx", "Banque Populaire Auvergne Rhône Alpes", "Bank transactions");
        assertThat(page.locator("#record-payload dt").allTextContents()).contains("Amount", "Label", "Booking date");
        assertThat(page.locator("#record-history > li").allTextContents()).containsExactly(
                "Version 1, currentAs imported.", "Never corrected: this record is as it was imported.");
        tab.screenshot("explore-record");
        tab.assertNoProblems();
    }

    @Test
    void wordsTypedWithoutAccentsListTheRecordsThatHoldThemAndTheirContentOpens() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD)
                .open("/explore");
        Page page = tab.page();
        loaded(page);

        page.locator("#filter-words").fill("noel VANNES");
        page.waitForResponse(response -> response.url().contains("/api/v1/records/search?"),
                () -> page.locator("#filter-words").press("Enter"));
        loaded(page);
        Object searching = page.evaluate("() => Math.round(performance.getEntriesByType('resource')"
                + ".filter(entry => entry.name.includes('/api/v1/records/search')).at(-1).duration)");
        System.out.println("GET /api/v1/records/search?q=noel+VANNES on the demo vault took " + searching + " ms");

        Locator rows = page.locator("#records tbody tr");
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.all()).allSatisfy(row -> {
            assertThat(row.locator("td").nth(1).textContent()).isEqualTo("Calendar events");
            assertThat(row.locator("td").nth(3).textContent()).isEqualTo("Noël en famille à Vannes");
        });
        assertThat(page.locator("#records-status").textContent()).isEqualTo("2 records shown.");
        rows.first().locator("a").click();
        page.locator("#record").waitFor();
        assertThat(page.locator("#record-payload").textContent()).contains("Noël en famille à Vannes");
        tab.screenshot("explore-search");
        tab.assertNoProblems();
    }

    @Test
    void aSearchKeepsTheFiltersAndSaysWhenNothingHoldsItsWords() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD)
                .open("/explore");
        Page page = tab.page();
        loaded(page);

        page.locator("#filter-words").fill("boulangerie");
        page.locator("#filter-type").selectOption("bank.transaction");
        page.locator("#filter-from").fill("2025-03-01");
        page.locator("#filter-to").fill("2025-03-07");
        submit(page);
        loaded(page);

        assertThat(page.locator("#records tbody tr").all()).isNotEmpty().allSatisfy(row -> assertThat(
                row.locator("td").nth(3).textContent()).matches("-?€[\\d,]+\\.\\d{2} · CB BOULANGERIE( DU PONT)? \\d\\d/0[23]"));
        page.locator("#filter-words").fill("boulangerie vannes");
        submit(page);
        loaded(page);
        assertThat(page.locator("#records tbody tr").count()).isZero();
        assertThat(page.locator("#records-status").textContent())
                .isEqualTo("No record holds these words within these filters.");

        tab.assertNoProblems();

        page.locator("#filter-words").fill("a b c d e f g h i");
        submit(page);
        loaded(page);
        assertThat(page.locator("#records-status").textContent()).isEqualTo("These words cannot be searched for: give "
                + "one to eight words of letters or digits, in at most 200 characters.");
        assertThat(page.locator("#failure").isHidden()).isTrue();
    }

    /** Submits the filters and waits for the search they ask. */
    private static void submit(Page page) {
        page.waitForResponse(response -> response.url().contains("/api/v1/records/search?"),
                () -> page.locator("#filters button[type=submit]").click());
    }

    @Test
    void aRecordsAddressOpensItDirectly() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD)
                .open("/explore");
        String link = tab.page().locator("#records tbody tr a").first().getAttribute("href");

        tab.open(link);

        assertThat(tab.page().locator("#record").isVisible()).isTrue();
        // The oldest record is a line of the Livret A the bank's answer to the demo person's access request revealed.
        assertThat(tab.page().locator("#record-provenance").textContent())
                .contains("Banque Populaire Auvergne Rhône Alpes", "livret-a-operations.csv");
        tab.page().locator("#record-close").click();
        assertThat(tab.page().locator("#record").isHidden()).isTrue();
        assertThat(tab.page().url()).endsWith("/explore");
        tab.assertNoProblems();
    }

    /** Waits until the table shows what the last action asked for. */
    private static void loaded(Page page) {
        page.locator("#records-section[aria-busy=false]").waitFor();
    }

    /** The booking days of March 2025's bank lines, as the page writes them in English, read from the vault itself. */
    private List<String> bankDaysOfMarch2025InParis() {
        Person camille = demo.vault().person(Optional.of("camille"));
        RecordQuery march = RecordQuery.ofType(RecordType.BANK_TRANSACTION).between(
                Optional.of(LocalDate.of(2025, 3, 1).atStartOfDay(TestVaults.PARIS).toInstant()),
                Optional.of(LocalDate.of(2025, 4, 1).atStartOfDay(TestVaults.PARIS).toInstant()));
        DateTimeFormatter english = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);
        try (Stream<StoredRecord> records = demo.vault().records().read(camille.id(), march)) {
            return records.map(record -> record.time().span().orElseThrow().start().atZone(TestVaults.PARIS)
                    .toLocalDate().format(english))
                    .toList();
        }
    }
}
