package org.selfdata.server;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.Document;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.rights.Organization;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.Sender;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rights desk's actions that start from the vault, in a real browser on a vault of its own: Camille moved, and one
 * change on the Rights page goes to the two organizations whose records hold her old address, each with its status;
 * and from a source of the Import page or a recipient of the Sharing page, one click drafts an access request to its
 * organization and opens it on the Rights page, or says that the directory lacks the organization.
 */
class RightsChangePageBrowserTest {
    private static final String OLD_ADDRESS = "12 rue de la République, 69002 Lyon";
    private static final String NEW_ADDRESS = "8 place Bellecour, 69002 Lyon";
    private static final Pattern REFERENCE = Pattern.compile("SD-[0-9A-Z]{4}");

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private final RightsDesk desk = new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(),
            IntakeLimits.DEFAULT), Clock.systemUTC());

    @Test
    void aChangeOfAddressGoesToBothOrganizationsHoldingTheOldOneEachWithItsStatus() {
        movedWithTwoOrganizations();
        running.start();
        BrowserTab tab = signedIn().open("/rights");
        Page page = tab.page();

        findWhoHoldsTheOldAddress(page);

        assertThat(page.locator("#change-summary"))
                .hasText("2 organizations hold the old value: untick those that should not be written to.");
        Locator holders = page.locator("#change-holders > li");
        assertThat(holders.locator("label")).hasText(new String[] {"Agence Immo Rhône", "Banque Exemple"});
        assertThat(holders.nth(0).locator(".evidence li")).hasText("1 record from source Agence Immo Rhône (documents)");
        assertThat(holders.nth(1).locator(".evidence li")).hasText("2 records from source Banque Exemple (documents)");
        assertThat(holders.nth(0).locator("input[type=checkbox]")).isChecked();
        assertThat(holders.nth(1).locator("input[type=checkbox]")).isChecked();

        page.locator("#change-send").click();

        assertThat(page.locator("#change-result")).hasText("Done for 2 organizations: each one’s status is below.");
        Locator deliveries = page.locator("#change-deliveries > li");
        assertThat(deliveries.locator(".change-status")).hasText(new String[] {
            "Drafted: it needs a letter by post, to print and send by registered post.",
            "Drafted, to send by e-mail: open it to send it."});
        assertThat(deliveries.locator("strong")).hasText(new String[] {"Agence Immo Rhône", "Banque Exemple"});
        assertThat(deliveries.nth(0).locator("a")).hasText(Pattern.compile("^Open request " + REFERENCE + "$"));
        assertThat(page.locator("#requests tbody tr")).hasCount(2);

        deliveries.nth(0).locator("a").click();

        assertThat(page.locator("#request-title")).hasText("Agence Immo Rhône · Rectification");
        page.locator("#request-letter").click();
        assertThat(page.locator("#letter-body")).containsText(NEW_ADDRESS);
        tab.screenshot("rights-change");
        tab.assertNoProblems();
    }

    @Test
    void theChangeIsSaidInFrenchOnTheFrenchPage() {
        movedWithTwoOrganizations();
        running.start();
        BrowserTab tab = signedIn();
        tab.open("/language?to=fr");
        tab.open("/rights");
        Page page = tab.page();

        assertThat(page.locator("#change-title")).hasText("Un changement, partout");
        findWhoHoldsTheOldAddress(page);
        assertThat(page.locator("#change-summary"))
                .hasText("2 organismes détiennent l’ancienne valeur : décochez ceux auxquels il ne faut pas écrire.");
        assertThat(page.locator("#change-holders > li").nth(1).locator(".evidence li"))
                .hasText("2 enregistrements de la source Banque Exemple (documents)");
        page.locator("#change-send").click();

        assertThat(page.locator("#change-result")).hasText("Fait pour 2 organismes : l’état de chacun figure ci-dessous.");
        assertThat(page.locator("#change-deliveries .change-status")).hasText(new String[] {
            "Rédigée : à imprimer et à envoyer par la poste, en recommandé.",
            "Rédigée, à envoyer par courriel : ouvrez-la pour l’envoyer."});
        WrittenInOneLanguage.assertWhollyIn(Language.FRENCH, page, "rights with a change");
        tab.screenshot("rights-change-fr");
        tab.assertNoProblems();
    }

    @Test
    void aSourceOfTheImportPageIsAskedWhatItHoldsAndItsDraftOpensOnTheRightsPage() {
        withSender();
        imported("Clearview AI, Inc.", "Account holder: Camille Martin");
        running.start();
        BrowserTab tab = signedIn().open("/import");
        Page page = tab.page();
        Locator source = page.locator("#import-sources-table tbody tr");
        assertThat(source.locator("td").first()).hasText("Clearview AI, Inc.");
        assertThat(source.locator("button.ask-what-they-hold")).hasAttribute("aria-label",
                "Ask Clearview AI, Inc. what they hold about you");

        source.locator("button.ask-what-they-hold").click();

        page.waitForURL(url -> url.contains("/rights#request-"));
        assertThat(page.locator("#request-title")).hasText("Clearview AI, Inc. · Access");
        assertThat(page.locator("#requests tbody tr")).hasCount(1);
        assertThat(page.locator("#requests tbody tr")).hasAttribute("aria-current", "");
        assertThat(page.locator("#request-facts")).containsText(
                "the data I have already received from Clearview AI, Inc.: 1 record (documents)");
        tab.screenshot("rights-asked-from-import");
        tab.assertNoProblems();
    }

    @Test
    void aSourceTheDirectoryLacksIsSaidSoAndTheRightsPageSearchesTheDirectoryForIt() {
        withSender();
        imported("Mutuelle des Lilas", "Carte de tiers payant");
        running.start();
        BrowserTab tab = signedIn();
        tab.open("/language?to=fr");
        tab.open("/import");
        Page page = tab.page();
        Locator source = page.locator("#import-sources-table tbody tr");

        source.locator("button.ask-what-they-hold").click();

        assertThat(source.locator(".ask-result")).containsText("Mutuelle des Lilas ne figure pas dans l’annuaire : la "
                + "demande est rédigée, mais elle n’a encore aucune adresse où partir.");
        WrittenInOneLanguage.assertWhollyIn(Language.FRENCH, page, "import with a source to ask");
        source.locator("a.ask-choose").click();
        page.waitForURL(url -> url.contains("/rights?find="));
        assertThat(page.locator("#search-words")).hasValue("Mutuelle des Lilas");
        assertThat(page.locator("#search-summary")).hasText(Pattern.compile("\\S"));
        assertThat(page.locator("#requests tbody tr td").first()).hasText("Mutuelle des Lilas");
        tab.assertNoProblems();
    }

    @Test
    void aRecipientOfTheSharingPageIsAskedWhatItHoldsAndItsDraftOpens() {
        withSender();
        running.start();
        SharingFixtures.registerRegionalAlerts(running.camille(), URI.create("https://alertes.example/callback"));
        BrowserTab tab = signedIn().open("/sharing");
        Page page = tab.page();
        Locator recipient = page.locator(".recipient");

        recipient.locator("button.ask-what-they-hold").click();

        assertThat(recipient.locator(".ask-result")).containsText("Alertes Régionales SAS is not in the directory: the "
                + "request is drafted, but it has no address to go to yet.");
        recipient.locator("a.ask-draft").click();
        page.waitForURL(url -> url.contains("/rights#request-"));
        assertThat(page.locator("#request-title")).hasText("Alertes Régionales SAS · Access");
        tab.assertNoProblems();
    }

    private static void findWhoHoldsTheOldAddress(Page page) {
        page.locator("#change-detail").selectOption("address");
        page.locator("#change-old").fill(OLD_ADDRESS);
        page.locator("#change-new").fill(NEW_ADDRESS);
        page.locator("#change-find").click();
    }

    private BrowserTab signedIn() {
        return new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD);
    }

    /** Camille moved: her bank's statements and her letting agency's file hold her old address. */
    private void movedWithTwoOrganizations() {
        withSender();
        desk.organizations().save(camille.id(), organization("banque-exemple", "Banque Exemple",
                Optional.of("dpo@banque-exemple.example"),
                Optional.of("Délégué à la protection des données\n1 quai Perrache\n69002 Lyon")));
        desk.organizations().save(camille.id(), organization("agence-immo-rhone", "Agence Immo Rhône",
                Optional.empty(), Optional.of("Service clients\n3 cours Gambetta\n69003 Lyon")));
        imported("Banque Exemple", "M. ou Mme MARTIN\n12, RUE DE LA REPUBLIQUE\n69002 LYON",
                "Camille Martin - 12 rue de la république - 69002 Lyon");
        imported("Agence Immo Rhône", "Locataire : Camille Martin, 12 rue de la République 69002 Lyon");
    }

    private void withSender() {
        desk.settings().saveSender(camille.id(), new Sender("Camille Martin",
                Optional.of("12 rue de la République\n69002 Lyon\nFrance"), Optional.empty()));
    }

    /** A source from this organization, holding these texts as documents of January. */
    private void imported(String organization, String... texts) {
        vault.imports().write(camille.id(), new ImportRequest(SourceDescriptor.file(organization, "export"), "test",
                "export.json"), Stream.iterate(0, index -> index + 1).limit(texts.length).map(index -> RecordDraft.of(
                        TimeSpan.day(LocalDate.of(2026, 1, 10 + index), TestVaults.PARIS), new Document("Document",
                                "text/plain", texts[index].length(), "0".repeat(64), Optional.of(texts[index])),
                        Position.line(index + 1L))));
    }

    private static Organization organization(String slug, String name, Optional<String> email,
            Optional<String> postalAddress) {
        return new Organization(slug, name, postalAddress, email, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of("fr"), List.of(), false, Optional.of("fr"), Optional.empty(), false,
                Organization.Origin.PERSON);
    }
}
