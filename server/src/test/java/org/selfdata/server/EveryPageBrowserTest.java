package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.texts.Language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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

    @Test
    void everyPageIsWrittenWhollyInTheLanguageChosen() {
        for (Language language : Language.values()) {
            BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD);
            tab.open("/language?to=" + language.code());
            for (WebPage page : WebPage.navigation()) {
                tab.open(page.path());

                WrittenInOneLanguage.assertWhollyIn(language, tab.page(), page.pageName());
                assertThat(tab.page().locator("#failure").isHidden()).as(page.pageName()).isTrue();
            }
            tab.assertNoProblems();
        }
    }

    /** A page state that shows only after an upload: the column mapping form under a bank CSV of no known layout. */
    @Test
    void theColumnMappingFormIsWrittenWhollyInTheLanguageChosen(@TempDir Path folder) throws IOException {
        Path statement = Files.writeString(folder.resolve("releve.csv"), """
                12/03/2025;CARTE X1234 BOULANGERIE;-4,50;
                13/03/2025;PRLV SEPA EDF;-62,17;
                """);
        for (Language language : Language.values()) {
            BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD);
            tab.open("/language?to=" + language.code());
            tab.open("/import");
            tab.page().locator("#import-files").setInputFiles(statement);
            tab.page().locator("#import-send").click();
            tab.page().locator("#import-mapping-0-check tbody tr").nth(1).waitFor();
            String shown = tab.page().locator("#import-mapping-0").innerText();

            WrittenInOneLanguage.assertWhollyIn(language, tab.page(), "import-mapping");
            assertThat(shown).contains(Texts.read(language, "import").get("import.mapping.send"));
            tab.screenshot("import-mapping-" + language.code());
            tab.assertNoProblems();
        }
    }

    @Test
    void exploresSearchIsWrittenWhollyInTheLanguageChosenWhetherItFindsRecordsOrNone() {
        for (Language language : Language.values()) {
            BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD);
            tab.open("/language?to=" + language.code());
            tab.open("/explore");
            Map<String, String> words = Texts.read(language, "explore");

            search(tab, "Thémis");
            assertThat(tab.page().locator("#records tbody tr").count()).isPositive();
            WrittenInOneLanguage.assertWhollyIn(language, tab.page(), "explore searching");
            search(tab, "themis vannes");
            assertThat(tab.page().locator("#records-status").textContent()).isEqualTo(words.get("explore.noRecordsWithWords"));
            WrittenInOneLanguage.assertWhollyIn(language, tab.page(), "explore searching without a find");
            tab.assertNoProblems();
        }
    }

    private static void search(BrowserTab tab, String words) {
        tab.page().locator("#filter-words").fill(words);
        tab.page().waitForResponse(response -> response.url().contains("/api/v1/records/search?"),
                () -> tab.page().locator("#filter-words").press("Enter"));
        tab.page().locator("#records-section[aria-busy=false]").waitFor();
    }

    @Test
    void theOverviewSaysWhatTheVaultHoldsPerSourceAndKind() {
        BrowserTab tab = new BrowserTab(chromium.browser(), demo.server()).signIn("camille", TestServers.PASSWORD);

        // The five files, and the bank's answer to an access request: its CSV and its letter, from one source.
        assertThat(tab.page().locator("#summary").textContent()).contains("records from 6 sources, in 7 imports");
        assertThat(tab.page().locator("#types tbody tr").allTextContents()).anySatisfy(row -> assertThat(row)
                .startsWith("Location points").contains("483,054"));
        assertThat(tab.page().locator("#imports li").count()).isEqualTo(7);
        assertThat(tab.page().locator("#grants li").textContent()).isEqualTo("You share nothing: no one receives your data.");
        tab.assertNoProblems();
    }
}
