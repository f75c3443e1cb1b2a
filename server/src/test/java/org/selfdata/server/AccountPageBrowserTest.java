package org.selfdata.server;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page in a real browser: Camille downloads her archive, changes her password, then erases her account
 * through a confirmation that says what goes and asks for her handle; she lands on the sign-in page and cannot sign
 * in again.
 */
class AccountPageBrowserTest {
    private static final String NEW_PASSWORD = "croix-rousse-2026";

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));

    @BeforeEach
    void giveCamilleTwelvePoints() {
        chromium.browser();
        running.importLocationPoints(12);
        running.start();
    }

    @Test
    void camilleDownloadsHerArchiveChangesHerPasswordThenErasesHerAccount() throws IOException {
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/account");
        Page page = tab.page();
        assertThat(page.locator("#account-summary").textContent())
                .isEqualTo("The account of camille: 12 records from 1 sources.");
        assertThat(page.locator("#restore-form").isHidden()).isTrue();
        assertThat(page.locator("#data-keys li").allTextContents()).containsExactly("Google · Location History");
        assertThat(page.locator("#signing-key-algorithm").textContent()).isEqualTo("ES256 · P-256");
        assertThat(page.locator("#signing-key-published").textContent()).isEqualTo("/.well-known/jwks.json");
        tab.screenshot("account");

        Download download = page.waitForDownload(() -> page.locator("#export-link").click());

        assertThat(download.suggestedFilename()).isEqualTo("selfdata-camille-" + LocalDate.now(TestVaults.PARIS) + ".zip");
        assertThat(manifest(download.path()).get("types").get(0).get("records").asLong()).isEqualTo(12);

        page.locator("#password-current").fill(TestServers.PASSWORD);
        page.locator("#password-new").fill(NEW_PASSWORD);
        page.locator("#password-again").fill(NEW_PASSWORD);
        page.locator("#password-form button[type=submit]").click();
        page.locator("#password-result.good").waitFor();

        assertThat(page.locator("#password-result").textContent())
                .isEqualTo("Your password is changed. Your other sessions were signed out.");

        page.locator("#erase-open").click();
        page.locator("#erase-dialog[open]").waitFor();

        assertThat(page.locator("#erase-counts").textContent())
                .isEqualTo("This destroys all of camille’s data and the account itself:");
        // The import and the export are on the log: two entries.
        assertThat(page.locator("#erase-list li").allTextContents()).containsExactly("12 records from 1 source",
                "1 import", "no grant", "the log of who received what (2 entries)",
                "your password and every session");
        assertThat(page.locator("#erase-handle-label").textContent()).isEqualTo("Type camille to confirm");
        page.locator("#erase-handle").fill("dominique");
        assertThat(page.locator("#erase-confirm").isDisabled()).isTrue();
        page.locator("#erase-handle").fill("camille");
        assertThat(page.locator("#erase-confirm").isEnabled()).isTrue();
        tab.screenshot("account-erase-confirmation");

        page.locator("#erase-confirm").click();
        page.waitForURL(url -> url.endsWith("/sign-in"));

        tab.assertNoProblems();
        assertThat(vault.people().find("camille")).isEmpty();
        page.locator("#sign-in-handle").fill("camille");
        page.locator("#sign-in-password").fill(NEW_PASSWORD);
        page.locator("#sign-in-form button[type=submit]").click();
        page.locator("#sign-in-error:not([hidden])").waitFor();
        assertThat(page.locator("#sign-in-error").textContent()).isEqualTo("the handle or the password is wrong");
        assertThat(page.url()).endsWith("/sign-in");
    }

    @Test
    void camilleErasesOneSourceAfterTypingItsNumberAndKeepsTheOther() {
        vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "statement.ofx"),
                Stream.of(SyntheticRecords.coffee(LocalDate.of(2025, 3, 3), 1)));
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server(), "fr-FR").signIn("camille", TestServers.PASSWORD)
                .open("/account");
        Page page = tab.page();
        assertThat(page.locator("#erase-source-choice option").allTextContents())
                .containsExactly("N° 1 : Google (Historique des positions)", "N° 2 : Banque Exemple (compte ••6789)");

        page.locator("#erase-source-choice").selectOption("1");
        page.locator("#erase-source-open").click();
        page.locator("#erase-source-dialog[open]").waitFor();

        assertThat(page.locator("#erase-source-what").textContent())
                .isEqualTo("Ceci détruit tout ce qui vient de Google (Historique des positions). Enregistrements : 12.");
        assertThat(page.locator("#erase-source-number-label").textContent())
                .isEqualTo("Tapez 1 (le numéro de cette source) pour confirmer");
        page.locator("#erase-source-number").fill("2");
        assertThat(page.locator("#erase-source-confirm").isDisabled()).isTrue();
        page.locator("#erase-source-number").fill("1");
        tab.screenshot("account-erase-source");
        page.locator("#erase-source-confirm").click();
        page.waitForCondition(() -> page.locator("#erase-source-choice option").count() == 1);
        page.waitForLoadState(LoadState.NETWORKIDLE);

        assertThat(page.locator("#erase-source-choice option").allTextContents())
                .containsExactly("N° 2 : Banque Exemple (compte ••6789)");
        assertThat(vault.status(camille.id()).records()).isEqualTo(1);
        tab.assertNoProblems();
    }

    private static JsonNode manifest(Path archive) throws IOException {
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("manifest.json")) {
                    return ApiClient.json(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        throw new AssertionError("the archive has no manifest.json");
    }
}
