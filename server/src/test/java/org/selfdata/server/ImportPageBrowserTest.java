package org.selfdata.server;

import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.demo.DemoFile;
import org.selfdata.demo.DemoPerson;
import org.selfdata.vault.Engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page in a real browser, on an empty vault of its own: a bank statement chosen with the file input, and a
 * load curve with unreadable lines and a file of no known kind dropped on the drop zone, each followed by its own
 * progress bar to its report; the quarantine of the load curve, a page at a time; and the overview, which then tells
 * what the vault holds.
 */
class ImportPageBrowserTest {
    /** A load curve of 60 half hours in March 2025: the first 5 read, the 55 after them unreadable. */
    private static final int READABLE_ROWS = 5;
    private static final int UNREADABLE_ROWS = 55;
    private static final String CURVE = "linky-mars.csv";
    private static final long UPLOAD_LIMIT = 16 * 1024;

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final Chromium chromium = new Chromium();
    @TempDir
    Path folder;
    private DemoFile statement;
    private Path curve;
    private Path notes;

    @BeforeEach
    void writeTheFilesAndStart() throws IOException {
        chromium.browser();
        statement = DemoPerson.generate(2024, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)).write(folder.resolve("demo"))
                .file("ofx");
        curve = Files.writeString(folder.resolve(CURVE), loadCurve(), StandardCharsets.UTF_8);
        notes = Files.writeString(folder.resolve("notes.txt"), "Buy bread and milk\n", StandardCharsets.UTF_8);
    }

    @Test
    void filesChosenOrDroppedAreFollowedToTheirReportsAndTheOverviewThenTellsWhatTheVaultHolds() {
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD);
        Page page = tab.page();
        assertThat(page.locator("#summary").textContent()).isEqualTo("Your vault is empty: import a file to begin.");

        tab.open("/import");
        tab.recordFirstPaint("import-empty");
        assertThat(page.locator("#import-no-batches").textContent()).isEqualTo("Nothing imported yet.");
        page.locator("#import-files").setInputFiles(statement.path());
        assertThat(page.locator("#import-chosen").textContent()).isEqualTo("Chosen: releve-banque.ofx");
        page.locator("#import-send").click();
        page.locator("#import-upload-0-progress").waitFor();
        tab.screenshot("import-progress");
        page.locator("#import-upload-0[data-state=done]").waitFor();

        String statementReport = "releve-banque.ofx: " + english(statement.records()) + " added, 0 already held, 0 set aside";
        assertThat(progress(page, "#import-upload-0-progress")).isEqualTo(1.0);
        assertThat(page.locator("#import-upload-0-label").textContent()).isEqualTo("Done");
        assertThat(page.locator("#import-upload-0 .report").textContent()).isEqualTo(statementReport);
        assertThat(page.locator("#import-announcer").textContent()).isEqualTo(statementReport);
        assertThat(page.locator("#import-upload-0 .quarantine-link").count()).isZero();
        assertThat(page.locator("#import-batches tbody tr").allTextContents()).singleElement()
                .satisfies(row -> assertThat(row).startsWith("releve-banque.ofx").endsWith(english(statement.records()) + "00"));

        drop(page, Map.of(CURVE, read(curve), "notes.txt", read(notes)));
        page.locator("#import-upload-1[data-state=done]").waitFor();
        page.locator("#import-upload-2[data-state=failed]").waitFor();
        tab.screenshot("import-report");

        assertThat(progress(page, "#import-upload-1-progress")).isEqualTo(1.0);
        assertThat(page.locator("#import-upload-1 .report").textContent()).isEqualTo(CURVE + ": 5 added, 0 already held, "
                + "55 set aside See why 55 records were set aside");
        assertThat(page.locator("#import-upload-2-label").textContent()).isEqualTo("Not imported");
        assertThat(page.locator("#import-upload-2 .error").textContent())
                .startsWith("selfdata does not recognize this kind of file. notes.txt: no importer recognizes this file");
        assertThat(page.locator("#import-announcer").textContent())
                .isEqualTo("notes.txt was not imported: selfdata does not recognize this kind of file.");
        assertThat(page.locator("#import-batches tbody tr").first().textContent()).startsWith(CURVE).endsWith("5055");
        tab.assertNoProblems();

        page.locator("#import-upload-1 .quarantine-link").click();
        page.waitForURL(url -> url.endsWith("/import?batch=2"));
        Locator rejects = page.locator("#import-rejects tbody tr");
        rejects.nth(49).waitFor();
        assertThat(page.locator("#import-quarantine-summary").textContent()).startsWith("From " + CURVE + ", imported ")
                .endsWith(". Records that could not be read: 55. Where selfdata kept their text (a CSV row, below the "
                        + "file’s header), correct it here and import it again: it then leaves this list. Only you are shown "
                        + "this text.");
        assertThat(rejects.count()).isEqualTo(50);
        // The header takes three lines and five readings follow: the first unreadable reading is on line 9.
        assertThat(rejects.first().locator("td").allTextContents())
                .containsExactly("1", "line 9", "expected a power in watts, such as 270",
                        "This record’s text was not kept; only where it was and why.");
        page.locator("#import-more").click();
        rejects.nth(54).waitFor();
        assertThat(rejects.count()).isEqualTo(55);
        assertThat(rejects.last().locator("td").allTextContents())
                .containsExactly("55", "line 63", "expected a power in watts, such as 270",
                        "This record’s text was not kept; only where it was and why.");
        assertThat(page.locator("#import-more").isHidden()).isTrue();
        tab.screenshot("import-quarantine");

        page.locator("nav.pages a[href='/']").click();
        page.waitForURL(url -> url.endsWith("/"));
        tab.open("/");
        assertThat(page.locator("#summary").textContent())
                .isEqualTo(english(statement.records() + READABLE_ROWS) + " records from 2 sources, in 2 imports.");
        assertThat(page.locator("#imports li").allTextContents()).containsExactly(
                CURVE + ": 5 added, 0 already held, 55 rejected",
                "releve-banque.ofx: " + english(statement.records()) + " added, 0 already held, 0 rejected");
        tab.screenshot("overview-after-import");
        tab.assertNoProblems();
    }

    @Test
    void aBankCsvWithoutAHeaderIsMappedInTheFormThenTheNextFileOfItsLayoutIsImportedWithoutIt() throws IOException {
        running.start();
        Path march = Files.writeString(folder.resolve("releve-mars.csv"), """
                12/03/2025;CARTE X1234 11/03 BOULANGERIE DU MARCHÉ;-4,50;
                12/03/2025;VIR SEPA REÇU DE MME DURAND;1 250,00;
                13/03/2025;PRLV SEPA EDF;-62,17;
                """, Charset.forName("windows-1252"));
        Path april = Files.writeString(folder.resolve("releve-avril.csv"), """
                02/04/2025;CARTE X1234 01/04 LIBRAIRIE;-23,90;
                03/04/2025;PRLV SEPA ORANGE;-39,99;
                """, Charset.forName("windows-1252"));
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/language?to=fr").open("/import");
        Page page = tab.page();

        page.locator("#import-files").setInputFiles(march);
        page.locator("#import-send").click();
        page.locator("#import-mapping-0-check tbody tr").nth(2).waitFor();
        tab.forgetProblems();

        assertThat(page.locator("#import-upload-0-label").textContent()).isEqualTo("Non importé");
        assertThat(page.locator("#import-upload-0 .error").textContent()).startsWith("selfdata ne reconnaît pas ce type "
                + "de fichier. releve-mars.csv : aucun importateur ne reconnaît ce fichier ; selfdata lit OFX, ");
        assertThat(page.locator("#import-mapping-0-title").textContent())
                .isEqualTo("Lire ce fichier avec une correspondance de colonnes");
        assertThat(page.locator("#import-mapping-0-preview tbody tr").first().locator("td").allTextContents())
                .containsExactly("12/03/2025", "CARTE X1234 11/03 BOULANGERIE DU MARCHÉ", "-4,50", "");
        assertThat(page.locator("#import-mapping-0-date").inputValue()).isEqualTo("1");
        assertThat(page.locator("#import-mapping-0-amount").inputValue()).isEqualTo("3");
        assertThat(page.locator("#import-mapping-0-label").inputValue()).isEqualTo("2");
        assertThat(page.locator("#import-mapping-0-pattern").inputValue()).isEqualTo("dd/MM/yyyy");
        assertThat(page.locator("#import-mapping-0-mark").inputValue()).isEqualTo("comma");
        assertThat(page.locator("#import-mapping-0-date option").first().textContent())
                .isEqualTo("Colonne 1 : 12/03/2025");
        assertThat(page.locator("#import-mapping-0-check tbody tr").nth(1).locator("td").allTextContents())
                .containsExactly("Ligne 2", "12 mars 2025", "1\u202F250,00\u00A0€", "VIR SEPA REÇU DE MME DURAND");
        tab.screenshot("import-mapping-fr");

        page.locator("#import-mapping-0-pattern").fill("yyyy-MM-dd");
        page.locator("#import-mapping-0-check tbody tr.unreadable").first().waitFor();
        assertThat(page.locator("#import-mapping-0-check tbody tr").first().locator("td").allTextContents())
                .containsExactly("Ligne 1", "on attendait une date écrite yyyy-MM-dd dans la colonne 1");
        page.locator("#import-mapping-0-pattern").fill("dd/MM/yyyy");
        page.locator("#import-mapping-0-check tbody tr.unreadable").first().waitFor(
                new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        page.locator("#import-mapping-0-send").click();
        page.locator("#import-upload-1[data-state=done]").waitFor();

        assertThat(page.locator("#import-mapping-0-status").textContent()).startsWith("Correspondance enregistrée.");
        assertThat(page.locator("#import-upload-1 .report").textContent())
                .isEqualTo("releve-mars.csv : 3 ajoutés, 0 déjà présent, 0 mis de côté");

        page.locator("#import-files").setInputFiles(april);
        page.locator("#import-send").click();
        page.locator("#import-upload-2[data-state=done]").waitFor();

        assertThat(page.locator("#import-upload-2 .report").textContent())
                .isEqualTo("releve-avril.csv : 2 ajoutés, 0 déjà présent, 0 mis de côté");
        assertThat(page.locator("#import-upload-2 form.mapping").count()).isZero();
        assertThat(running.vault().csvMappings().all(running.vault().person(java.util.Optional.of("camille")).id()))
                .hasSize(1);
        tab.assertNoProblems();
    }

    @Test
    void theSameStatementImportedAgainIsReportedAsAlreadyHeld() {
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/import");
        Page page = tab.page();

        page.locator("#import-files").setInputFiles(statement.path());
        page.locator("#import-send").click();
        page.locator("#import-upload-0[data-state=done]").waitFor();
        page.locator("#import-files").setInputFiles(statement.path());
        page.locator("#import-send").click();
        page.locator("#import-upload-1[data-state=done]").waitFor();

        assertThat(page.locator("#import-upload-1 .report").textContent())
                .isEqualTo("releve-banque.ofx: 0 added, " + english(statement.records()) + " already held, 0 set aside");
        tab.assertNoProblems();
    }

    @Test
    void theImportButtonWithoutAFileAsksForOne() {
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/import");

        tab.page().locator("#import-send").click();

        assertThat(tab.page().locator("#import-chosen").textContent()).isEqualTo("Choose or drop at least one file first.");
        assertThat(tab.page().locator("#import-uploads li").count()).isZero();
        tab.assertNoProblems();
    }

    @Test
    void aFileLargerThanTheServerAcceptsIsRefusedBesideItsNameAndTheNextOneIsImported() throws IOException {
        running.start(TestServers.SETTINGS.withMaximumUploadBytes(UPLOAD_LIMIT));
        Path large = Files.write(folder.resolve("large.ofx"), new byte[(int) UPLOAD_LIMIT * 4]);
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/import");
        Page page = tab.page();

        page.locator("#import-files").setInputFiles(new Path[] {large, curve});
        page.locator("#import-send").click();
        page.locator("#import-upload-0[data-state=failed]").waitFor();
        tab.forgetProblems();
        page.locator("#import-upload-1[data-state=done]").waitFor();

        assertThat(page.locator("#import-upload-0-label").textContent()).isEqualTo("Not imported");
        assertThat(page.locator("#import-upload-0 .error").textContent()).isEqualTo("This file is larger than the server "
                + "accepts. the upload is larger than this server's limit of 16384 bytes; split it, or ask the operator to "
                + "raise the limit");
        assertThat(page.locator("#import-upload-1 .report").textContent()).startsWith(CURVE + ": 5 added");
        tab.assertNoProblems();
    }

    @Test
    void aZipIsReportedEntryByEntryWithWhatWasLeftOut() throws IOException {
        running.start();
        Path zip = folder.resolve("exports.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path file : List.of(curve, notes)) {
                out.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server()).signIn("camille", TestServers.PASSWORD)
                .open("/import");
        Page page = tab.page();

        page.locator("#import-files").setInputFiles(zip);
        page.locator("#import-send").click();
        page.locator("#import-upload-0[data-state=done]").waitFor();

        assertThat(page.locator("#import-upload-0 .outcome li").allTextContents()).containsExactly(
                "exports.zip!/" + CURVE + ": 5 added, 0 already held, 55 set aside See why 55 records were set aside",
                "exports.zip!/notes.txt: selfdata does not recognize this file, so it was left out");
        tab.assertNoProblems();
    }

    @Test
    void inFrenchTheReportAndItsNumbersAreInFrench() {
        running.start();
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server(), "fr-FR").signIn("camille", TestServers.PASSWORD)
                .open("/import");
        Page page = tab.page();

        drop(page, Map.of(CURVE, read(curve)));
        page.locator("#import-upload-0[data-state=done]").waitFor();

        assertThat(page.locator("#import-form-title").textContent()).isEqualTo("Ajouter des fichiers à votre coffre");
        assertThat(page.locator("#import-upload-0-label").textContent()).isEqualTo("Terminé");
        assertThat(page.locator("#import-upload-0 .report").textContent()).isEqualTo(CURVE + " : 5 ajoutés, 0 déjà présent, "
                + "55 mis de côté Voir pourquoi 55 enregistrements ont été mis de côté");
        tab.assertNoProblems();
    }

    /** Drops files on the drop zone as a person dragging them from their desktop would. */
    private static void drop(Page page, Map<String, String> files) {
        List<List<String>> named = files.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(file -> List.of(file.getKey(), file.getValue())).toList();
        JSHandle transfer = page.evaluateHandle("""
                files => {
                    const transfer = new DataTransfer();
                    files.forEach(([name, content]) => transfer.items.add(new File([content], name)));
                    return transfer;
                }""", named);
        page.dispatchEvent("#import-drop", "drop", Map.of("dataTransfer", transfer));
    }

    private static double progress(Page page, String selector) {
        return ((Number) page.locator(selector).evaluate("bar => bar.value / bar.max")).doubleValue();
    }

    private static String english(long count) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(count);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Enedis's classic load curve: its header, then average watts per half hour, the unreadable ones as "n/a". */
    private static String loadCurve() {
        StringBuilder text = new StringBuilder("""
                Identifiant PRM;Type de donnees;Date de debut;Date de fin;Grandeur physique;Grandeur metier;Etape metier;\
                Unite;Pas en minutes
                21437598064172;Courbe de charge;01/03/2025;03/03/2025;Energie active;Consommation;Comptage Brut;W;30
                Horodate;Valeur
                """);
        OffsetDateTime end = OffsetDateTime.of(2025, 3, 1, 0, 30, 0, 0, ZoneOffset.ofHours(1));
        for (int row = 0; row < READABLE_ROWS + UNREADABLE_ROWS; row++) {
            text.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(end.plusMinutes(30L * row))).append(';')
                    .append(row < READABLE_ROWS ? "270" : "n/a").append('\n');
        }
        return text.toString();
    }
}
