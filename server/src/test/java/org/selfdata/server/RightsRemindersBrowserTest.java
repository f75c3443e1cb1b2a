package org.selfdata.server;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.Person;
import org.selfdata.rights.MailAccount;
import org.selfdata.rights.ReminderSettings;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;

import java.time.Clock;
import java.util.Optional;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminders of deadlines by e-mail on the rights page, in a real browser: the checkbox beside the calendar's
 * address turns them on in the page's language with the days chosen, says why it cannot without a mailbox, and turns
 * them off.
 */
class RightsRemindersBrowserTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private final RightsDesk desk = new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(),
            IntakeLimits.DEFAULT), Clock.systemUTC());

    @Test
    void withoutAMailboxTheBoxSaysWhyAndStaysUnticked() {
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/rights");
        Page page = tab.page();

        // A click, not check(): the page unticks the box as soon as the server refuses, which check() would take for a
        // click that did not land whenever the refusal comes back before it looks.
        page.locator("#reminders-enabled").click();

        assertThat(page.locator("#reminders-result")).hasText("Something went wrong: Reminders by e-mail are sent "
                + "from your own mailbox to yourself: set up your mailbox first, then turn them on.");
        assertThat(page.locator("#reminders-enabled")).not().isChecked();
        assertThat(desk.reminders().settings(camille.id()).enabled()).isFalse();
    }

    @Test
    void theBoxTurnsRemindersOnInThePagesLanguageWithTheDaysChosenAndOff() {
        try (OrganizationMail mail = new OrganizationMail()) {
            desk.settings().saveMailAccount(camille.id(), MailAccount.fromJson(mail.account(OrganizationMail.PASSWORD)));
            running.start();
            BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                    .open("/language?to=fr").open("/rights");
            Page page = tab.page();
            assertThat(page.locator("#reminders-days")).hasValue("3");

            page.locator("#reminders-enabled").check();
            assertThat(page.locator("#reminders-result")).hasText("Rappels activés : un courriel 3 jours avant une "
                    + "échéance, puis une fois celle-ci passée.");
            page.locator("#reminders-days").fill("1");
            page.locator("#reminders-days").blur();
            assertThat(page.locator("#reminders-result")).hasText("Rappels activés : un courriel 1 jour avant une "
                    + "échéance, puis une fois celle-ci passée.");
            assertThat(desk.reminders().settings(camille.id())).isEqualTo(new ReminderSettings(true, 1, Language.FRENCH));
            tab.screenshot("rights-reminders");

            page.locator("#reminders-enabled").uncheck();
            assertThat(page.locator("#reminders-result")).hasText("Rappels désactivés.");
            assertThat(desk.reminders().settings(camille.id())).isEqualTo(new ReminderSettings(false, 1, Language.FRENCH));
            tab.assertNoProblems();
        }
    }
}
