package org.selfdata.server;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.Person;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.Sender;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person's own organizations on the rights page, in a real browser: one the directory lacks added and a request
 * drafted to it, and a directory entry corrected, its channels following, then restored.
 */
class RightsOrganizationPageBrowserTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));

    @BeforeEach
    void camilleSaidWhoSheIs() {
        new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT), Clock.systemUTC())
                .settings().saveSender(camille.id(), new Sender("Camille Martin",
                        Optional.of("12 rue de la République\n69002 Lyon\nFrance"), Optional.empty()));
    }

    @Test
    void anOrganizationTheDirectoryLacksIsAddedAndARequestDraftedToIt() {
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/rights");
        Page page = tab.page();
        assertThat(page.locator("#organization-edit-summary")).hasText("Add an organization not in the directory");

        page.locator("#organization-edit-summary").click();
        page.locator("#organization-edit-name").fill("Mutuelle des Lilas");
        page.locator("#organization-edit-email").fill("dpo@mutuelle-des-lilas.example");
        page.locator("#organization-edit-fax").fill("+33 1 23 45 67 80");
        page.locator("#organization-edit-siren").fill("732 829 321");
        page.locator("#organization-edit-save").click();

        assertThat(page.locator("#organization-edit-result")).hasText("Something went wrong: siren: expected a SIREN "
                + "number, nine digits with a valid check digit, such as 732 829 320");
        assertThat(page.locator("#draft-form")).isHidden();
        // The refusal is the API's answer 400, which the page shows where the person acted.
        tab.forgetProblems();

        page.locator("#organization-edit-siren").fill("732 829 320");
        page.locator("#organization-edit-save").click();

        assertThat(page.locator("#organization-edit-result")).hasText("Mutuelle des Lilas is added to your "
                + "organizations: you can draft a request to it.");
        assertThat(page.locator("#draft-organization")).hasText("To: Mutuelle des Lilas");
        assertThat(page.locator("#organization-edit-summary")).hasText("Correct this organization");
        assertThat(page.locator("#organization-edit-yours")).isVisible();
        assertThat(page.locator("#organization-edit-restore")).hasText("Remove this organization");
        assertThat(page.locator("#organization-edit-siren")).hasValue("732829320");
        assertThat(channels(page)).containsExactly("email", "fax");

        page.locator("#channel-email").check();
        page.locator("#draft-submit").click();

        assertThat(page.locator("#draft-result")).hasText("Drafted: read the letter below before sending it.");
        assertThat(page.locator("#request-title")).hasText("Mutuelle des Lilas · Access");
        assertThat(page.locator("#requests tbody tr")).hasCount(1);
        tab.screenshot("rights-organization-added");
        tab.assertNoProblems();
    }

    @Test
    void anOrganizationAddedUnderTheNameOfADirectoryEntryIsAddedBesideItAndThenRemoved() {
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/rights");
        Page page = tab.page();

        page.locator("#organization-edit-summary").click();
        page.locator("#organization-edit-name").fill("SNCF Connect");
        page.locator("#organization-edit-email").fill("dpo@sncf-connect.example");
        page.locator("#organization-edit-save").click();

        assertThat(page.locator("#organization-edit-result")).hasText("SNCF Connect is added to your organizations: you "
                + "can draft a request to it.");
        assertThat(channels(page)).containsExactly("email");
        // The directory's entry had the slug made from the name: the API refused it, and the next one was taken.
        tab.forgetProblems();
        page.locator("#search-words").fill("sncf connect");
        page.locator("#search-submit").click();
        assertThat(page.locator("#organizations li[data-organization=sncf-connect-2]")).hasCount(1);
        assertThat(page.locator("#organizations li[data-organization=sncf-connect]")).hasCount(1);

        page.locator("#organization-edit-restore").click();

        assertThat(page.locator("#organization-edit-result")).hasText("Your organization is removed.");
        assertThat(page.locator("#draft-form")).isHidden();
        assertThat(page.locator("#organization-edit-summary")).hasText("Add an organization not in the directory");
        tab.assertNoProblems();
    }

    @Test
    void aCorrectedEntryOffersItsNewChannelIsMarkedAsYoursAndIsRestored() {
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/rights");
        Page page = tab.page();
        page.locator("#search-words").fill("sncf connect");
        page.locator("#search-submit").click();
        page.locator("#organizations li[data-organization=sncf-connect] button").click();
        assertThat(page.locator("#organization-edit-summary")).hasText("Correct this organization");
        assertThat(page.locator("#organization-edit-yours")).isHidden();
        assertThat(channels(page)).containsExactly("letter", "web-form");

        page.locator("#organization-edit-summary").click();
        assertThat(page.locator("#organization-edit-name")).hasValue("SNCF Connect");
        page.locator("#organization-edit-email").fill("dpo@sncf-connect.example");
        page.locator("#organization-edit-save").click();

        assertThat(page.locator("#organization-edit-result")).hasText("Saved: your version of SNCF Connect is used "
                + "from now on.");
        assertThat(channels(page)).containsExactly("email", "letter", "web-form");
        assertThat(page.locator("#organization-edit-yours")).isVisible();
        assertThat(page.locator("#organization-edit-restore")).hasText("Restore the directory’s entry");

        page.locator("#organization-edit-restore").click();

        assertThat(page.locator("#organization-edit-result")).hasText("The directory’s entry is used again.");
        assertThat(page.locator("#organization-edit-yours")).isHidden();
        assertThat(page.locator("#organization-edit-email")).hasValue("");
        assertThat(channels(page)).containsExactly("letter", "web-form");
        tab.assertNoProblems();
    }

    private static List<String> channels(Page page) {
        return page.locator("#draft-channel-choices input").all().stream().map(input -> input.getAttribute("value"))
                .toList();
    }
}
