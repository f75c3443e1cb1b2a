package org.selfdata.server;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.Person;
import org.selfdata.model.Recipient;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.time.Duration;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator adds recipients from the sharing page without an API client: from the address at which an app
 * publishes its registration document, fetched by the server, and from the recipients a member's restore brought back.
 * Each is admitted only after its declaration has been shown.
 */
class RecipientAdmissionPageBrowserTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final Vault vault = running.vault();
    @TempDir
    Path folder;
    private AppDocumentServer site;

    @AfterEach
    void stopTheAppsSite() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theOperatorGivesTheAddressOfAnAppsDocumentReadsItsDeclarationAndAdmitsIt() {
        site = AppDocumentServer.start(folder);
        running.start(site.fetcher(Duration.ofSeconds(5)));
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server(), "fr-FR").signIn("camille",
                TestServers.PASSWORD).open("/sharing");
        Page page = tab.page();

        page.locator("#recipient-fetch").click();
        assertThat(page.locator("#recipient-address-problem")).hasText("Donnez l’adresse à laquelle l’application publie "
                + "son document d’enregistrement, qui commence par https://.");
        page.locator("#recipient-address").fill("http://mobilite.example/registration.json");
        page.locator("#recipient-fetch").click();
        assertThat(page.locator("#recipient-address-problem")).hasText("le document d’enregistrement n’est récupéré qu’en "
                + "https : son adresse doit commencer par https://");
        page.locator("#recipient-address").fill(site.address("/page"));
        page.locator("#recipient-fetch").click();
        assertThat(page.locator("#recipient-address-problem")).hasText("l’adresse n’a pas répondu en application/json, le "
                + "type d’un document d’enregistrement");
        // The server's two refusals were meant.
        tab.forgetProblems();
        page.locator("#recipient-address").fill(site.address("/.well-known/registration.json"));
        page.locator("#recipient-fetch").click();

        assertThat(page.locator("#recipient-address-problem")).isHidden();
        assertThat(page.locator("#recipient-review-title")).hasText("Admettre Mobilité Campus ?");
        assertThat(page.locator("#recipient-review-result .declaration h4")).hasText("counting trips between campuses");
        tab.screenshot("sharing-add-recipient-from-address");
        page.locator("#recipient-admit").click();
        assertThat(page.locator("#recipients .recipient h2")).hasText("Mobilité Campus");
        assertThat(vault.recipients().list()).extracting(recipient -> recipient.identity().name())
                .containsExactly("Mobilité Campus");
        tab.assertNoProblems();
    }

    @Test
    void theOperatorReadsWhatARestoredRecipientDeclaresAndAdmitsIt() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        Recipient meteo = RestoredRecipientAdmissionTest.restoreSharingFromElsewhere(Engine.SQLITE, folder, vault,
                dominique);
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/sharing");
        Page page = tab.page();

        Locator awaiting = page.locator("#awaiting-" + meteo.id());
        assertThat(page.locator("#awaiting-admission")).isVisible();
        assertThat(page.locator("#awaiting-name-" + meteo.id())).hasText("Météo Locale");
        assertThat(awaiting.locator(".declaration h4")).hasText("notifications by region");
        assertThat(awaiting.locator(".declaration")).containsText("Keeps data: 30 days");
        assertThat(awaiting.locator("button.share")).hasCount(0);
        assertThat(page.locator("#recipients .recipient")).hasCount(0);
        tab.screenshot("sharing-awaiting-admission");
        Page french = new BrowserTab(chromium.browser(), running.server(), "fr-FR").signIn("camille", TestServers.PASSWORD)
                .open("/sharing").page();
        assertThat(french.locator("#awaiting-admission-title")).hasText("En attente de votre admission");
        assertThat(french.locator("#awaiting-" + meteo.id() + " button.admit-restored")).hasText("Admettre Météo Locale");
        assertThat(french.locator("#awaiting-" + meteo.id() + " .declaration")).containsText("30 jours");

        awaiting.locator("button.admit-restored").click();

        assertThat(page.locator("#given-next-text")).hasText("Météo Locale is admitted. It is listed again, and can ask "
                + "for data and use the grants it holds.");
        assertThat(page.locator("#awaiting-admission")).isHidden();
        assertThat(page.locator("#recipient-" + meteo.id() + " h2")).hasText("Météo Locale");
        assertThat(vault.recipients().isAdmitted(meteo.id())).isTrue();
        tab.assertNoProblems();
    }
}
