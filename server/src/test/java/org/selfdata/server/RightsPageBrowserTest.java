package org.selfdata.server;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.Person;
import org.selfdata.rights.DeadlineKind;
import org.selfdata.rights.DeadlineStatus;
import org.selfdata.rights.Organization;
import org.selfdata.rights.Right;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.Sender;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rights page in a real browser, on a vault of its own: the person finds an organization, is asked who they are in
 * their letters, drafts an access request and reads its letter; records the steps of a request and reads its timeline
 * and its deadline; downloads its evidence pack; and sees overdue requests first, here and on the overview.
 */
class RightsPageBrowserTest {
    private static final double PDF_RENDERED = 60_000;
    /** A bank statement an importer reads: one record. */
    private static final String STATEMENT = """
            Date;Libellé;Montant(EUROS)
            12/01/2026;"ABONNEMENT CLEARVIEW";-9,99
            """;
    /** A PDF no importer reads: kept as a document. */
    private static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private final RightsDesk desk = new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(),
            IntakeLimits.DEFAULT), Clock.systemUTC());

    @Test
    void thePersonFindsAnOrganizationIsAskedWhoTheyAreAndDraftsAnAccessRequestWithItsLetter() {
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/rights");
        Page page = tab.page();
        assertThat(page.locator("#requests-summary")).hasText("You have made no request yet: draft one below.");

        page.locator("#search-words").fill("clearview");
        page.locator("#search-submit").click();
        page.locator("#organizations li[data-organization=clearview-ai] button").click();

        assertThat(page.locator("#sender-missing")).isVisible();
        assertThat(page.locator("#sender-name")).isFocused();
        page.locator("#sender-name").fill("Camille Martin");
        page.locator("#sender-address").fill("12 rue de la République\n69002 Lyon\nFrance");
        page.locator("#sender-save").click();
        assertThat(page.locator("#sender-result")).hasText("Saved: your letters will say this.");
        assertThat(page.locator("#sender-missing")).isHidden();

        assertThat(page.locator("#draft-organization")).hasText("To: Clearview AI, Inc.");
        assertThat(page.locator("#right-access-help")).hasText("Art. 15: learn whether they hold data about you, what "
                + "data, why, where it came from, who received it and how long they keep it, with a copy of it.");
        List<String> channels = page.locator("#draft-channel-choices input").all().stream()
                .map(input -> input.getAttribute("value")).toList();
        assertThat(channels).containsExactly("email", "letter");
        page.locator("#channel-letter").check();
        page.locator("#draft-about").fill("photos collected from the web");
        page.locator("#draft-submit").click();

        assertThat(page.locator("#draft-result")).hasText("Drafted: read the letter below before sending it.");
        assertThat(page.locator("#request-title")).hasText("Clearview AI, Inc. · Access");
        assertThat(page.locator("#letter-body")).containsText("Article 15");
        assertThat(page.locator("#letter-body")).containsText("Camille Martin");
        assertThat(page.locator("#letter-body")).containsText("photos collected from the web");
        assertThat(page.locator("#requests tbody tr")).hasCount(1);
        assertThat(page.locator("#requests tbody tr td").nth(2)).hasText("Draft");
        assertThat(page.locator("#requests tbody tr td").nth(3)).hasText("No deadline running");
        assertThat(page.locator("#timeline > li")).hasText(new String[] {day(LocalDate.now(TestVaults.PARIS)) + " Draft"});
        tab.screenshot("rights-drafted");
        tab.assertNoProblems();
    }

    @Test
    void aStepRecordedByThePersonShowsOnTheTimelineWithItsLetterAndTheDeadlineItStarts() throws IOException {
        withSender();
        drafted(Right.ERASURE, Language.ENGLISH);
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/rights");
        Page page = tab.page();
        page.locator("#requests button.open-request").click();
        LocalDate sentOn = LocalDate.now(TestVaults.PARIS).minusDays(10);

        page.locator("#step-status").selectOption("sent");
        page.locator("#step-on").fill(sentOn.toString());
        page.locator("#step-submit").click();

        // The letter as sent is rendered as a PDF and kept with the step, which takes a while the first time.
        assertThat(page.locator("#request-result")).hasText("Recorded.", new LocatorAssertions.HasTextOptions()
                .setTimeout(PDF_RENDERED));
        assertThat(page.locator("#timeline > li")).hasCount(2);
        assertThat(page.locator("#timeline > li").nth(1)).containsText(day(sentOn) + " Sent");
        assertThat(page.locator("#timeline > li").nth(1).locator(".documents a")).hasText(
                java.util.regex.Pattern.compile("^SD-[0-9A-Z]{4}\\.pdf \\(\\d+ kB\\)$"));
        assertThat(page.locator("#timeline > li").nth(1).locator(".documents a")).hasAttribute("href",
                java.util.regex.Pattern.compile("^/api/v1/rights/requests/[^/]+/documents/[^/]+$"));
        assertThat(page.locator("#request-deadline")).containsText("answer due by");
        assertThat(page.locator("#request-reasons li").first()).containsText("the organization received the request on");
        assertThat(page.locator("#requests tbody tr td").nth(2)).hasText("Sent");
        assertThat(page.locator("#requests tbody tr td").nth(3)).containsText("days left");

        page.locator("#step-status").selectOption("extended");
        assertThat(page.locator("#step-reasons-label")).isVisible();
        page.locator("#step-reasons").check();
        page.locator("#step-on").fill(LocalDate.now(TestVaults.PARIS).toString());
        page.locator("#step-submit").click();
        assertThat(page.locator("#timeline > li")).hasCount(3);
        assertThat(page.locator("#timeline > li").nth(2)).hasText(day(LocalDate.now(TestVaults.PARIS))
                + " Time limit extended · with reasons");
        assertThat(page.locator("#request-deadline")).containsText("the time limit extended");

        Download download = page.waitForDownload(() -> page.locator("#request-evidence").click());
        Path pack = download.path();
        assertThat(download.suggestedFilename()).matches("evidence-SD-[0-9A-Z]{4}\\.zip");
        assertThat(entries(pack)).contains("manifest.sha256");
        assertThat(page.locator("#request-result")).hasText("Downloaded: " + download.suggestedFilename());
        tab.screenshot("rights-timeline");
        tab.assertNoProblems();
    }

    @Test
    void overdueRequestsComeFirstMarkedAsSuchHereAndOnTheOverview() {
        withSender();
        String recent = drafted(Right.ACCESS, Language.ENGLISH);
        String late = drafted(Right.ERASURE, Language.ENGLISH);
        LocalDate today = LocalDate.now(TestVaults.PARIS);
        desk.markSent(camille.id(), recent, today);
        desk.markSent(camille.id(), late, today.minusMonths(3));
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD);
        Page page = tab.page();

        List<String> pressing = page.locator("#rights-due li").allTextContents();
        assertThat(pressing).hasSize(1);
        assertThat(pressing.getFirst()).matches("Clearview AI, Inc\\. \\(SD-[0-9A-Z]{4}\\): \\d+ days overdue");
        assertThat(page.locator("#rights-due li a")).hasAttribute("href", "/rights?request=" + late);

        page.locator("#rights-due li a").click();
        page.waitForURL(url -> url.contains("/rights?request="));
        assertThat(page.locator("#request-title")).hasText("Clearview AI, Inc. · Erasure");
        assertThat(page.locator("#requests-summary")).hasText("2 requests, 1 overdue.");
        assertThat(page.locator("#requests tbody tr").first()).hasClass("overdue");
        assertThat(page.locator("#requests tbody tr").first().locator(".badge")).hasText("Overdue");
        assertThat(page.locator("#requests tbody tr").first().locator("td").nth(1)).hasText("Erasure");
        assertThat(page.locator("#requests tbody tr").nth(1).locator(".badge")).hasCount(0);
        assertThat(page.locator("#requests tbody tr").nth(1).locator("td").nth(1)).hasText("Access");
        assertThat(page.locator("#request-deadline")).containsText("days late");
        tab.screenshot("rights-overdue");
        tab.assertNoProblems();
    }

    @Test
    void thePageWithRequestsInItIsWrittenWhollyInTheLanguageChosen() {
        withSender();
        for (Language language : Language.values()) {
            String request = drafted(Right.ACCESS, language);
            desk.markSent(camille.id(), request, LocalDate.now(TestVaults.PARIS).minusMonths(2));
        }
        running.start();
        for (Language language : Language.values()) {
            BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD);
            tab.open("/language?to=" + language.code());
            String request = desk.overview(camille.id()).stream()
                    .filter(view -> view.timeline().request().language() == language).findFirst().orElseThrow()
                    .timeline().request().id();
            tab.open("/rights?request=" + request);
            Page page = tab.page();
            page.locator("#request-letter").click();
            page.locator("#letter-body").waitFor();
            page.locator("#request-reasons-block summary").click();
            page.locator("#search-words").fill("clearview");
            page.locator("#search-submit").click();
            page.locator("#organizations li[data-organization=clearview-ai] button").click();
            page.locator("#draft-form").waitFor();

            WrittenInOneLanguage.assertWhollyIn(language, page, "rights with requests");
            assertThat(page.locator("#failure")).isHidden();
            tab.open("/");
            WrittenInOneLanguage.assertWhollyIn(language, page, "overview with requests");
            tab.screenshot("rights-" + language.code());
            tab.assertNoProblems();
        }
    }

    /**
     * The done-when cycle through the page: the person gives their mailbox, finds the organization, drafts an access
     * request and sends it by e-mail to a real mail server, reads its deadline, uploads the answer with a CSV and a
     * PDF, ticks what it gives of art. 15, reads the reminder naming what is missing and the complaint, and downloads
     * the evidence pack.
     */
    @Test
    void aRequestGoesFromTheDirectoryByEmailToItsAnswerChecklistReminderComplaintAndEvidencePack()
            throws IOException, MessagingException {
        withSender();
        running.start();
        try (OrganizationMail mail = new OrganizationMail()) {
            BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                    .open("/rights");
            Page page = tab.page();
            page.locator("#mailbox-details summary").click();
            assertThat(page.locator("#mailbox-result")).hasText("No mailbox yet.");
            giveMailbox(page, mail);
            assertThat(page.locator("#mailbox-result")).hasText("Mailbox saved.");

            page.locator("#search-words").fill("clearview");
            page.locator("#search-submit").click();
            page.locator("#organizations li[data-organization=clearview-ai] button").click();
            page.locator("#channel-email").check();
            page.locator("#draft-submit").click();
            assertThat(page.locator("#request-send-email")).isVisible();
            page.locator("#request-send-email").click();

            assertThat(page.locator("#request-result")).hasText("Sent by e-mail: the deadline now runs.",
                    new LocatorAssertions.HasTextOptions().setTimeout(PDF_RENDERED));
            String id = page.locator("#requests tbody tr").first().getAttribute("data-request");
            String reference = desk.request(camille.id(), id).timeline().request().reference();
            MimeMessage[] received = mail.receivedBy(desk.directory(camille.id())
                    .search("clearview", Optional.empty(), 1).getFirst().email().orElseThrow());
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).startsWith("[" + reference + "]");
            DeadlineStatus deadline = desk.request(camille.id(), id).deadline().orElseThrow();
            LocalDate oneMonth = LocalDate.now(TestVaults.PARIS).plusMonths(1);
            assertThat(deadline.kind()).isEqualTo(DeadlineKind.ANSWER);
            assertThat(deadline.date()).as("a month from delivery, or the next working day").isBetween(oneMonth,
                    oneMonth.plusDays(4));
            assertThat(page.locator("#requests tbody tr td").nth(3)).hasText(day(deadline.date()) + " · "
                    + deadline.daysLeft() + " days left");

            page.locator("#answer-on").fill(LocalDate.now(TestVaults.PARIS).toString());
            page.locator("#answer-files").setInputFiles(new FilePayload[] {
                new FilePayload("statement.csv", "text/csv", STATEMENT.getBytes(StandardCharsets.UTF_8)),
                new FilePayload("answer.pdf", "application/pdf", PDF)});
            page.locator("#answer-submit").click();
            assertThat(page.locator("#request-result")).hasText("Answer recorded. Records added: 1. Documents kept: 1.");
            assertThat(page.locator("#timeline > li").last()).containsText("Answered in part");
            assertThat(page.locator("#timeline > li").last().locator(".documents a")).hasCount(2);

            page.locator("#checklist-load").click();
            assertThat(page.locator("#checklist-missing")).hasText("9 items missing.");
            assertThat(page.locator("#checklist-copy")).isChecked();
            assertThat(page.locator("label[for=checklist-copy]")).hasText("A copy of the data (art. 15(3)) found in the answer");
            assertThat(page.locator("#checklist-items .badge")).hasCount(1);
            page.locator("#checklist-purposes").check();
            page.locator("#checklist-categories").check();
            page.locator("#checklist-copy").check();
            page.locator("#checklist-save").click();
            assertThat(page.locator("#checklist-missing")).hasText("7 items missing.");
            assertThat(page.locator("#checklist-items .badge")).hasCount(0);
            page.locator("#comparison-load").click();
            assertThat(page.locator("#comparison-summary")).hasText("This organization is not registered with selfdata: "
                    + "there is no declaration to compare its answer with.");

            page.locator("#reminder-show").click();
            assertThat(page.locator("#escalation-letter-body"))
                    .containsText("the recipients, each named, or their categories (Article 15(1)(c))");
            page.locator("#complaint-show").click();
            assertThat(page.locator("#escalation-letter-body")).containsText(reference);
            Download complaint = page.waitForDownload(() -> page.locator("#escalation-pdf").click());
            assertThat(complaint.suggestedFilename()).isEqualTo(reference + "-complaint.pdf");
            assertThat(Files.readAllBytes(complaint.path())).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));

            Download pack = page.waitForDownload(() -> page.locator("#request-evidence").click());
            assertThat(pack.suggestedFilename()).isEqualTo("evidence-" + reference + ".zip");
            assertThat(entries(pack.path())).contains("manifest.sha256");
            tab.screenshot("rights-cycle");
            tab.assertNoProblems();
        }
    }

    private static void giveMailbox(Page page, OrganizationMail mail) {
        page.locator("#mailbox-from").fill(OrganizationMail.PERSON);
        page.locator("#mailbox-display").fill("Camille Martin");
        page.locator("#mailbox-user").fill(OrganizationMail.PERSON);
        page.locator("#mailbox-password").fill(OrganizationMail.PASSWORD);
        page.locator("#mailbox-smtp-host").fill("localhost");
        page.locator("#mailbox-smtp-port").fill(String.valueOf(mail.smtpPort()));
        page.locator("#mailbox-smtp-security").selectOption("plain");
        page.locator("#mailbox-imap-host").fill("127.0.0.1");
        page.locator("#mailbox-imap-port").fill(String.valueOf(mail.imapPort()));
        page.locator("#mailbox-imap-security").selectOption("plain");
        page.locator("#mailbox-save").click();
    }

    private void withSender() {
        desk.settings().saveSender(camille.id(), new Sender("Camille Martin",
                Optional.of("12 rue de la République\n69002 Lyon\nFrance"), Optional.empty()));
    }

    private String drafted(Right right, Language language) {
        return desk.draft(camille.id(), new RightsDesk.NewRequest("clearview-ai", right, false, Optional.empty(),
                Organization.Channel.LETTER, language, Map.of())).timeline().request().id();
    }

    /** A day as the English page writes it: Dec 6, 2026. */
    private static String day(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH));
    }

    private static List<String> entries(Path zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
