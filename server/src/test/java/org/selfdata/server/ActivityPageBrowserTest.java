package org.selfdata.server;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.GrantId;
import org.selfdata.model.LogAction;
import org.selfdata.model.LogActor;
import org.selfdata.model.LogEntryDraft;
import org.selfdata.model.Person;
import org.selfdata.model.RecipientId;
import org.selfdata.model.RecordType;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity page in a real browser: the log newest first in plain words, the owner's own reads folded into one line,
 * a filter by action kept in the address, and whether the log is intact, until someone alters it behind the vault.
 */
class ActivityPageBrowserTest {
    private static final int READS = 3;

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));

    @BeforeEach
    void importThenReadAFewTimes() {
        chromium.browser();
        running.importLocationPoints(12);
        running.start();
        ApiClient owner = running.camille();
        for (int read = 0; read < READS; read++) {
            assertThat(owner.get("/api/v1/records?type=geo.point").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theLogShowsTheImportAndTheFoldedReadsFiltersByActionAndSaysWhenItWasAltered() {
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/activity");
        Locator lines = tab.page().locator("#entries > li");

        assertThat(tab.page().locator("#verification-status").textContent())
                .startsWith("Your log of 4 entries is intact, signed by this vault on ");
        assertThat(tab.page().locator("#verification-problem").isHidden()).isTrue();
        assertThat(lines.count()).isEqualTo(2);
        assertThat(lines.nth(0).locator("summary").textContent()).startsWith("You read your data 3 times between ");
        assertThat(lines.nth(0).locator("li.entry").count()).isEqualTo(READS);
        assertThat(lines.nth(1).locator(".what").textContent()).isEqualTo("You imported 12 records (Location points)");
        assertThat(lines.nth(1).locator(".details").textContent()).startsWith("No. 0");
        assertThat(tab.page().locator("#entries-summary").textContent())
                .isEqualTo("4 entries shown, newest first. That is the beginning of your log.");
        tab.screenshot("activity");

        tab.page().locator("#filter-action").selectOption("import");
        tab.page().locator("#filters button[type=submit]").click();
        tab.page().waitForURL(url -> url.endsWith("/activity?action=import"));
        tab.open("/activity?action=import");

        assertThat(tab.page().locator("#filter-action").inputValue()).isEqualTo("import");
        assertThat(lines.count()).isEqualTo(1);
        assertThat(lines.nth(0).locator(".what").textContent()).isEqualTo("You imported 12 records (Location points)");
        assertThat(tab.page().locator("#entries-summary").textContent()).startsWith("1 matching entry shown, newest first.");
        tab.assertNoProblems();

        hideRecordsFromTheImportEntry();
        tab.open("/activity");

        Locator problem = tab.page().locator("#verification-problem");
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        assertThat(problem.textContent()).startsWith("Your log was changed behind the vault: entry no. 0 was altered after "
                + "it was written. From this entry on, the log cannot be trusted.");
        assertThat(tab.page().locator("#verification-status").isHidden()).isTrue();
        assertThat(tab.page().locator("li.entry.bad .what").textContent())
                .isEqualTo("You imported 2 records (Location points) altered");
        tab.screenshot("activity-altered");
        tab.assertNoProblems();
    }

    @Test
    void thePersonNamesAnAuditorWhoseTokenOpensTheLogsHeadsUntilSheEndsIt() {
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/activity");
        assertThat(tab.page().locator("#auditors-list").textContent()).isEqualTo("You have named no auditor.");

        tab.page().locator("#auditor-name").fill("CNIL");
        tab.page().locator("#auditor-days").fill("30");
        tab.page().locator("#auditor-form button[type=submit]").click();
        Locator token = tab.page().locator("#auditor-token-value");
        token.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));

        assertThat(tab.page().locator("#auditors-result").textContent()).startsWith("CNIL can now check your log until ");
        assertThat(tab.page().locator("#auditors-list li strong").textContent()).isEqualTo("CNIL");
        assertThat(tab.page().locator("#auditors-list li .muted").textContent()).endsWith("never used yet");
        assertThat(asAuditor(token.textContent())).isEqualTo(200);
        tab.screenshot("activity-auditors");

        tab.page().locator("#auditors-list li button").click();
        tab.page().locator("#auditors-list li.muted").waitFor();

        assertThat(tab.page().locator("#auditors-result").textContent()).isEqualTo("CNIL can no longer check your log.");
        assertThat(tab.page().locator("#auditor-token").isHidden()).isTrue();
        assertThat(asAuditor(token.textContent())).isEqualTo(401);
        tab.assertNoProblems();
    }

    private int asAuditor(String token) {
        ApiClient client = new ApiClient(running.server());
        return client.send(client.request("/api/v1/audit/log/head").header("Authorization", "Bearer " + token).GET())
                .statusCode();
    }

    @Test
    void aLinkOpensTheLogFilteredByAGrantInFrench() {
        vault.log().appendAll(camille.id(), List.of(insurerRead(), insurerRead()));
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server(), "fr-FR")
                .signIn("camille", TestServers.PASSWORD).open("/activity?grant=grant-0001");
        Locator lines = tab.page().locator("#entries > li");

        assertThat(tab.page().locator("#verification-status").textContent())
                .startsWith("Votre journal de 6 entrées est intact, signé par ce coffre le ");
        assertThat(tab.page().locator("#filter-grant").inputValue()).isEqualTo("grant-0001");
        assertThat(lines.count()).isEqualTo(2);
        assertThat(lines.nth(0).locator(".what").textContent())
                .isEqualTo("recipient-insurer a lu 12 enregistrements (Visites)");
        assertThat(lines.nth(0).locator(".details").textContent()).isEqualTo("N° 5 · sur la période 1 mars 2025 – "
                + "1 avr. 2025 · avec la précision : lieux à la région, montants exacts · pour : fournir un service · "
                + "sous l’autorisation grant-0001");
        tab.screenshot("activity-fr");
        tab.assertNoProblems();
    }

    @Test
    void olderEntriesComeAPageAtATime() {
        vault.log().appendAll(camille.id(), Stream.generate(ActivityPageBrowserTest::insurerRead).limit(55)
                .toList());
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/activity");
        Locator lines = tab.page().locator("#entries > li");

        assertThat(lines.count()).isEqualTo(50);
        assertThat(lines.nth(49).locator(".details").textContent()).startsWith("No. 9 ·");
        assertThat(tab.page().locator("#entries-summary").textContent()).isEqualTo("50 entries shown, newest first.");

        tab.page().locator("#older").click();
        tab.page().locator("#older").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.HIDDEN));

        assertThat(lines.count()).isEqualTo(57);
        assertThat(lines.nth(55).locator("summary").textContent()).startsWith("You read your data 3 times between ");
        assertThat(tab.page().locator("#entries-summary").textContent())
                .isEqualTo("59 entries shown, newest first. That is the beginning of your log.");
        tab.assertNoProblems();
    }

    @Test
    void theDemoVaultsLogOpensIntact() {
        BrowserTab tab = new BrowserTab(chromium.browser(), DemoServer.get().server())
                .signIn("camille", TestServers.PASSWORD).open("/activity");
        Map<String, Object> measured = tab.recordFirstPaint("activity");

        assertThat(tab.page().locator("#verification-status").textContent()).startsWith("Your log of ").contains(" is intact");
        assertThat(tab.page().locator("#entries > li").count()).isPositive();
        assertThat(((Number) measured.get("firstPaint")).intValue()).as("a first paint was measured").isPositive();
        tab.assertNoProblems();
    }

    private static LogEntryDraft insurerRead() {
        return LogEntryDraft.of(new LogActor.Recipient(RecipientId.of("recipient-insurer")), LogAction.READ,
                Set.of(RecordType.GEO_VISIT), 12)
                .withSpan(TimeSpan.between(Instant.parse("2025-03-01T12:00:00Z"), Instant.parse("2025-04-01T12:00:00Z")))
                .withPrecision("location region, amounts exact").withGrant(GrantId.of("grant-0001"))
                .withPurpose("dpv:ServiceProvision");
    }

    /** Rewrites the import's entry to say it brought 2 records, not 12, as someone with the database's files could. */
    private void hideRecordsFromTheImportEntry() {
        TestVaults.behindTheVault(vault, camille.id(), connection -> {
            String leaf;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT leaf FROM log_entries WHERE person_id = ? AND entry_index = 0")) {
                select.setLong(1, camille.id().value());
                try (ResultSet rows = select.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    leaf = new String(rows.getBytes(1), StandardCharsets.UTF_8);
                }
            }
            assertThat(leaf).contains("\"count\":12,");
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE log_entries SET leaf = ? WHERE person_id = ? AND entry_index = 0")) {
                update.setBytes(1, leaf.replace("\"count\":12,", "\"count\":2,").getBytes(StandardCharsets.UTF_8));
                update.setLong(2, camille.id().value());
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        });
    }
}
