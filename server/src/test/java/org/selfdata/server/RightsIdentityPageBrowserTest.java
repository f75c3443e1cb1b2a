package org.selfdata.server;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.Person;
import org.selfdata.rights.Organization;
import org.selfdata.rights.Right;
import org.selfdata.rights.RightsDesk;
import org.selfdata.rights.Sender;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity document on the Rights page, in a real browser: a draft's view warns that one is never required unless
 * the organization has reasonable doubts (art. 12(6)), takes one file, names it with a way to remove it, and its letter
 * then asks for its deletion; a request already sent shows no such block.
 */
class RightsIdentityPageBrowserTest {
    private static final byte[] PASSPORT = png("passport of Camille Martin");

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private final RightsDesk desk = new RightsDesk(vault, new Intake(Importers.standard(), vault.imports(),
            IntakeLimits.DEFAULT), Clock.systemUTC());

    @Test
    void aDraftTakesAnIdentityDocumentWithAWarningNamesItAndLetsItBeRemoved() {
        desk.settings().saveSender(camille.id(), new Sender("Camille Martin",
                Optional.of("12 rue de la République\n69002 Lyon\nFrance"), Optional.empty()));
        String request = drafted();
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/rights?request=" + request);
        Page page = tab.page();

        assertThat(page.locator("#identity-document-title"))
                .hasText("Add an identity document (only if the organization insists)");
        assertThat(page.locator("#identity-document-warning")).containsText("never required unless the organization "
                + "has reasonable doubts about who you are (GDPR art. 12(6))");
        assertThat(page.locator("#identity-document-warning")).containsText("asks the organization to delete it");
        assertThat(page.locator("#identity-document-attached")).isHidden();

        page.locator("#identity-document-file").setInputFiles(new FilePayload("passport.png", "image/png", PASSPORT));
        page.locator("#identity-document-submit").click();

        assertThat(page.locator("#identity-document-result"))
                .hasText("The identity document is enclosed, and the letter asks for its deletion.");
        assertThat(page.locator("#identity-document-name")).hasText("Enclosed: passport.png (1 KB)");
        assertThat(desk.request(camille.id(), request).identityDocument()).hasValueSatisfying(
                document -> assertThat(document.name()).isEqualTo("passport.png"));
        page.locator("#request-letter").click();
        assertThat(page.locator("#letter-body")).containsText("Please delete it as soon as my identity has been "
                + "confirmed");
        assertThat(page.locator("#letter-body")).containsText("Enclosure: a copy of my identity document");
        tab.screenshot("rights-identity-document");

        page.locator("#identity-document-remove").click();

        assertThat(page.locator("#identity-document-result")).hasText("The identity document is removed.");
        assertThat(page.locator("#identity-document-attached")).isHidden();
        assertThat(desk.request(camille.id(), request).identityDocument()).isEmpty();
        tab.assertNoProblems();
    }

    @Test
    void aFileThatIsNoPdfJpegOrPngIsRefusedInTheBlockAndASentRequestHasNoBlock() {
        desk.settings().saveSender(camille.id(), new Sender("Camille Martin",
                Optional.of("12 rue de la République\n69002 Lyon\nFrance"), Optional.empty()));
        String draft = drafted();
        String sent = drafted();
        desk.markSent(camille.id(), sent, LocalDate.now(TestVaults.PARIS));
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/rights?request=" + draft);
        Page page = tab.page();

        page.locator("#identity-document-file").setInputFiles(new FilePayload("passport.png", "image/png",
                "GIF89a".getBytes(StandardCharsets.US_ASCII)));
        page.locator("#identity-document-submit").click();

        assertThat(page.locator("#identity-document-result")).hasText("Something went wrong: An identity document is a PDF, JPEG "
                + "or PNG file, and this file is none of them.");
        assertThat(page.locator("#identity-document-attached")).isHidden();
        tab.forgetProblems();

        tab.open("/rights?request=" + sent);
        assertThat(tab.page().locator("#request-title")).isVisible();
        assertThat(tab.page().locator("#identity-document")).isHidden();
    }

    private String drafted() {
        return desk.draft(camille.id(), new RightsDesk.NewRequest("clearview-ai", Right.ACCESS, false, Optional.empty(),
                Organization.Channel.LETTER, Language.ENGLISH, Map.of())).timeline().request().id();
    }

    private static byte[] png(String text) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(signature, signature.length + bytes.length);
        System.arraycopy(bytes, 0, all, signature.length, bytes.length);
        return all;
    }
}
