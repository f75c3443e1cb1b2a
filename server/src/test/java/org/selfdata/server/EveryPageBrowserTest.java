package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.texts.Language;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the web interface on the demo vault, in a real browser: each opens from the navigation with its
 * heading, without a console error, a script blocked by the content security policy or a failed request; the
 * language switch turns the interface into French and back. Each page's first paint and what it loaded are written to
 * target/first-paint.tsv.
 */
class EveryPageBrowserTest {
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private DemoServer demo;

    @BeforeEach
    void startTheDemo() {
        chromium.browser();
        demo = DemoServer.get();
    }

    @Test
    void everyPageOpensFromTheNavigationWithoutAProblem() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD);

        for (WebPage page : WebPage.navigation()) {
            tab.page().locator("nav.pages a[href='" + page.path() + "']").click();
            tab.page().waitForURL(url -> url.endsWith(page.path()));
            tab.open(page.path());
            Map<String, Object> measured = tab.recordFirstPaint(page.pageName());

            assertThat(tab.page().locator("#page-title").textContent()).isEqualTo(Texts.read(Language.ENGLISH, "common")
                    .get("nav." + page.pageName()));
            assertThat(tab.page().locator("nav.pages a[aria-current=page]").getAttribute("href")).isEqualTo(page.path());
            assertThat(tab.page().locator("#failure").isHidden()).as(page.pageName()).isTrue();
            assertThat(((Number) measured.get("firstPaint")).intValue()).as("a first paint was measured").isPositive();
            tab.screenshot("page-" + page.pageName());
        }
        tab.assertNoProblems();
    }

    @Test
    void theLanguageSwitchTurnsTheInterfaceIntoFrenchAndBack() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD);
        tab.open("/money");

        tab.page().locator("#language-fr").click();
        tab.page().waitForURL(url -> url.endsWith("/money"));

        assertThat(tab.page().locator("html").getAttribute("lang")).isEqualTo("fr");
        assertThat(tab.page().locator("#page-title").textContent()).isEqualTo("Argent");
        assertThat(tab.page().locator("#sign-out").textContent()).isEqualTo("Se déconnecter");
        tab.open("/");
        assertThat(tab.page().locator("#page-title").textContent()).isEqualTo("Vue d’ensemble");
        tab.screenshot("overview-fr");

        tab.page().locator("#language-en").click();
        tab.page().waitForURL(url -> url.endsWith("/"));
        assertThat(tab.page().locator("#page-title").textContent()).isEqualTo("Overview");
        tab.assertNoProblems();
    }

    /**
     * Words of the interface's English that must never be left on a French page, whole words, case counted: nothing
     * in the demo's own data (payees, places, titles) uses them.
     */
    private static final List<String> ENGLISH_ON_FRENCH_PAGES = List.of("records", "entries",
            "shown", "newest", "account", "Location History", "Semantic Location History", "Energy usage download",
            "Address book", "vCard contacts", "CSV export", "Time", "Category", "matching", "kWh in all", "Most in one",
            "Highest", "in English", "grant", "grants", "Download your information", "no records", "counted per");

    /** The French words a page in English must not show. */
    private static final List<String> FRENCH_ON_ENGLISH_PAGES = List.of("enregistrements", "enregistrement", "Catégorie",
            "compte", "Historique des positions", "jours", "autorisation", "affichées", "Téléchargement");

    /** Codes of selfdata's vocabulary that a page must say in words. */
    private static final Pattern RAW_CODES = Pattern.compile("\\b(pd|dpv|trailing):[A-Za-z0-9]|\\bP\\d+[DMY]\\b");

    @Test
    void everyPageIsWrittenWhollyInTheLanguageChosen() {
        for (Language language : Language.values()) {
            BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD);
            tab.open("/language?to=" + language.code());
            List<String> forbidden = language == Language.FRENCH ? ENGLISH_ON_FRENCH_PAGES : FRENCH_ON_ENGLISH_PAGES;
            for (WebPage page : WebPage.navigation()) {
                tab.open(page.path());
                assertWhollyIn(tab, language, forbidden, page.pageName());
            }
            tab.assertNoProblems();
        }
    }

    @Test
    void exploresSearchIsWrittenWhollyInTheLanguageChosenWhetherItFindsRecordsOrNone() {
        for (Language language : Language.values()) {
            BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD);
            tab.open("/language?to=" + language.code());
            tab.open("/explore");
            List<String> forbidden = language == Language.FRENCH ? ENGLISH_ON_FRENCH_PAGES : FRENCH_ON_ENGLISH_PAGES;
            Map<String, String> words = Texts.read(language, "explore");

            search(tab, "Thémis");
            assertThat(tab.page().locator("#records tbody tr").count()).isPositive();
            assertWhollyIn(tab, language, forbidden, "explore searching");
            search(tab, "themis vannes");
            assertThat(tab.page().locator("#records-status").textContent()).isEqualTo(words.get("explore.noRecordsWithWords"));
            assertWhollyIn(tab, language, forbidden, "explore searching without a find");
            tab.assertNoProblems();
        }
    }

    private static void search(BrowserTab tab, String words) {
        tab.page().locator("#filter-words").fill(words);
        tab.page().waitForResponse(response -> response.url().contains("/api/v1/records/search?"),
                () -> tab.page().locator("#filter-words").press("Enter"));
        tab.page().locator("#records-section[aria-busy=false]").waitFor();
    }

    private static void assertWhollyIn(BrowserTab tab, Language language, List<String> forbidden, String state) {
        String shown = tab.page().locator("body").innerText();

        assertThat(tab.page().locator("html").getAttribute("lang")).isEqualTo(language.code());
        assertThat(forbidden.stream().flatMap(word -> inContext(shown, word).stream()).toList())
                .as("words of the other language on %s in %s", state, language.code())
                .isEmpty();
        assertThat(RAW_CODES.matcher(shown).find()).as("a raw code on %s in %s", state, language.code()).isFalse();
        assertThat(tab.page().locator("#failure").isHidden()).as(state).isTrue();
    }

    /** Where a word stands alone in a text, with a little of what surrounds it; nothing when it does not. */
    private static Optional<String> inContext(String text, String word) {
        Matcher found = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])")
                .matcher(text);
        if (!found.find()) {
            return Optional.empty();
        }
        return Optional.of(word + " in \"" + text.substring(Math.max(0, found.start() - 40),
                Math.min(text.length(), found.end() + 40)).replace('\n', ' ') + "\"");
    }

    @Test
    void theOverviewSaysWhatTheVaultHoldsPerSourceAndKind() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD);

        assertThat(tab.page().locator("#summary").textContent()).contains("records from 5 sources, in 5 imports");
        assertThat(tab.page().locator("#types tbody tr").allTextContents()).anySatisfy(row -> assertThat(row)
                .startsWith("Location points").contains("483,054"));
        assertThat(tab.page().locator("#imports li").count()).isEqualTo(5);
        assertThat(tab.page().locator("#grants li").textContent()).isEqualTo("You share nothing: no one receives your data.");
        tab.assertNoProblems();
    }
}
