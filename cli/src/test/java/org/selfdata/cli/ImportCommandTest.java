package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.testing.OfxStatements;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code selfdata import} on small files written here, as a person and as a script read its report. */
class ImportCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EMPTY_STATEMENT_NOTE = "OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS: the statement holds no "
            + "transactions, and its ACCTID is empty: its account is named by its bank and branch ids";
    /** Two transactions of a checking account, both readable. */
    private static final String CHECKING = OfxStatements.checking("""
            <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20250105<TRNAMT>-1.20<NAME>CB CAFE</STMTTRN>
            <STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20250106<TRNAMT>2,50<NAME>REMBOURSEMENT</STMTTRN>""");
    /** The same account, with a transaction whose date cannot be read. */
    private static final String BROKEN = OfxStatements.checking("""
            <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>le 5 janvier<TRNAMT>-1.20<NAME>CB CAFE</STMTTRN>""");
    private static final String BROKEN_REASON = "OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS/BANKTRANLIST/STMTTRN[1]/DTPOSTED: "
            + "expected a date as YYYYMMDD, optionally followed by a time";
    private static final String CONTACTS = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alix Martin\r\nN:Martin;Alix;;;\r\nEND:VCARD\r\n";

    @TempDir
    Path home;
    @TempDir
    Path files;

    private CommandRun selfdata;

    @BeforeEach
    void createVault() {
        selfdata = new CommandRun(home);
        assertThat(selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris").exitCode()).isZero();
    }

    @Test
    void everyFileIsImportedOnItsOwnAndEachOneRefusedIsNamedWithItsReason() throws IOException {
        Path checking = Files.writeString(files.resolve("checking.ofx"), CHECKING);
        Path broken = Files.writeString(files.resolve("broken.ofx"), BROKEN);
        Path contacts = Files.writeString(files.resolve("contacts.vcf"), CONTACTS);
        Path notes = Files.writeString(files.resolve("notes.txt"), "nothing to import here");

        CommandRun.Result result = selfdata.run("import", checking.toString(), broken.toString(), contacts.toString(),
                notes.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out().lines()).hasSize(2);
        assertThat(result.out().lines().toList().getFirst()).startsWith("checking.ofx: ofx from Banque Rhône (account ••8901), "
                + "3 added, 0 already held, ");
        assertThat(result.out().lines().toList().getLast()).startsWith("contacts.vcf: vcard from ");
        assertThat(result.err()).isEqualTo("""
                selfdata: broken.ofx: %s
                selfdata: notes.txt: no importer recognizes this file; selfdata reads %s
                selfdata: 2 of 4 files imported, 2 refused
                """.formatted(BROKEN_REASON, formats()));
        assertThat(records()).isEqualTo(4);
    }

    @Test
    void eachFileIsReportedAsAJsonLineWhetherImportedRefusedOrNotAttempted() throws IOException {
        Path checking = Files.writeString(files.resolve("checking.ofx"), CHECKING);
        Path broken = Files.writeString(files.resolve("broken.ofx"), BROKEN);
        Path contacts = Files.writeString(files.resolve("contacts.vcf"), CONTACTS);

        CommandRun.Result result = selfdata.run("import", "--json", "--fail-fast", checking.toString(), broken.toString(),
                files.resolve("missing.ofx").toString(), contacts.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        List<JsonNode> lines = result.out().lines().map(JSON::readTree).toList();
        assertThat(lines).extracting(line -> line.get("file").asString())
                .containsExactly("checking.ofx", "broken.ofx", "missing.ofx", "contacts.vcf");
        assertThat(lines).extracting(line -> line.get("status").asString())
                .containsExactly("imported", "failed", "not-attempted", "not-attempted");
        assertThat(lines.get(1).get("error").asString()).isEqualTo("invalid-input");
        assertThat(lines.get(1).get("message").asString()).isEqualTo("broken.ofx: " + BROKEN_REASON);
        assertThat(lines.get(2).get("reason").asString())
                .isEqualTo("not attempted, since --fail-fast stops at the first file refused");
        assertThat(result.err()).isEqualTo("""
                selfdata: broken.ofx: %s
                selfdata: missing.ofx: not attempted, since --fail-fast stops at the first file refused
                selfdata: contacts.vcf: not attempted, since --fail-fast stops at the first file refused
                selfdata: 1 of 4 files imported, 1 refused, 2 not attempted
                """.formatted(BROKEN_REASON));
        assertThat(records()).isEqualTo(3);
    }

    @Test
    void theFilesNotAttemptedAndTheSumOfTheRunAreSaidInFrench() throws IOException {
        Path checking = Files.writeString(files.resolve("checking.ofx"), CHECKING);
        Path broken = Files.writeString(files.resolve("broken.ofx"), BROKEN);
        Path contacts = Files.writeString(files.resolve("contacts.vcf"), CONTACTS);

        CommandRun.Result result = selfdata.with("LANG", "fr_FR.UTF-8").run("import", "--fail-fast", checking.toString(),
                broken.toString(), files.resolve("missing.ofx").toString(), contacts.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err().lines().skip(1).toList()).containsExactly(
                "selfdata: missing.ofx: non tenté, car --fail-fast s’arrête au premier fichier refusé",
                "selfdata: contacts.vcf: non tenté, car --fail-fast s’arrête au premier fichier refusé",
                "selfdata: Importés : 1 sur 4 fichiers ; refusés : 1 ; non tentés : 2");
    }

    @Test
    void theExitCodeIsTheWorstOfTheFilesWhateverTheirOrder() throws IOException {
        Path broken = Files.writeString(files.resolve("broken.ofx"), BROKEN);
        Path checking = Files.writeString(files.resolve("checking.ofx"), CHECKING);
        String missing = files.resolve("missing.ofx").toString();

        CommandRun.Result missingLast = selfdata.run("import", broken.toString(), checking.toString(), missing);
        CommandRun.Result missingFirst = selfdata.run("import", missing, checking.toString(), broken.toString());
        CommandRun.Result allImported = selfdata.run("import", checking.toString(), checking.toString());

        assertThat(missingLast.exitCode()).isEqualTo(4);
        assertThat(missingFirst.exitCode()).isEqualTo(4);
        assertThat(missingFirst.err()).isEqualTo("""
                selfdata: there is no file %s
                selfdata: broken.ofx: %s
                selfdata: 1 of 3 files imported, 2 refused
                """.formatted(missing, BROKEN_REASON));
        assertThat(allImported.exitCode()).isZero();
        assertThat(allImported.err()).isEmpty();
    }

    @Test
    void aSingleFileRefusedIsSaidOnceWithoutASummary() throws IOException {
        Path broken = Files.writeString(files.resolve("broken.ofx"), BROKEN);

        CommandRun.Result result = selfdata.run("import", broken.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("selfdata: broken.ofx: " + BROKEN_REASON + "\n");
    }

    @Test
    void theHelpSaysWhatBecomesOfTheOtherFilesWhenOneIsRefused() {
        String help = selfdata.run("import", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("Each FILE is its own import, landing whole or not at all",
                "A FILE that cannot be imported is named with its reason and the others are still imported",
                "--fail-fast", "not attempted", "The exit code is the worst of the files'");
    }

    @Test
    void aStatementWithoutTransactionsIsImportedAsItsAccountAndTheReportSaysSo() throws IOException {
        Path statement = Files.writeString(files.resolve("releve-livret.ofx"), OfxStatements.WITHOUT_TRANSACTIONS);

        CommandRun.Result plain = selfdata.run("import", statement.toString());
        CommandRun.Result json = selfdata.run("import", "--json", statement.toString());

        assertThat(plain.exitCode()).isZero();
        List<String> lines = plain.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst()).startsWith("releve-livret.ofx: ofx from Bank 30004 (account with no number at bank "
                + "30004, branch 00123), 1 added, 0 already held, ");
        assertThat(lines.getLast()).isEqualTo("  " + EMPTY_STATEMENT_NOTE);
        JsonNode report = JSON.readTree(json.out());
        assertThat(report.get("duplicates").asLong()).isEqualTo(1);
        assertThat(report.get("notes")).hasSize(1);
        assertThat(report.get("notes").get(0).get("position").asString()).isEqualTo("OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS");
        assertThat(report.get("notes").get(0).get("note").asString()).isEqualTo("the statement holds no transactions, "
                + "and its ACCTID is empty: its account is named by its bank and branch ids");
    }

    @Test
    void aStrictArchiveWithABrokenFileReportsEveryFileAndSuggestsALenientImport() throws IOException {
        Path zip = zip("export.zip", List.of("a/checking.ofx", CHECKING, "b/broken.ofx", BROKEN, "c/notes.txt", "notes",
                "d/contacts.vcf", CONTACTS));

        CommandRun.Result result = selfdata.run("import", zip.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out().lines()).containsExactly(
                "export.zip!/a/checking.ofx: ofx from Banque Rhône (account ••8901), not written: 3 to add, 0 already held",
                "export.zip!/b/broken.ofx: not imported, " + BROKEN_REASON,
                "export.zip!/c/notes.txt: not recognized, left alone",
                "export.zip!/d/contacts.vcf: vcard from Address book (vCard contacts), not written: 1 to add, "
                        + "0 already held");
        assertThat(result.err()).isEqualTo("""
                selfdata: export.zip: nothing was imported, since 1 of its 4 files could not be read: \
                export.zip!/b/broken.ofx: %s
                selfdata: with --lenient, the files and records that can be read are imported, and the others are named \
                or kept in the quarantine
                """.formatted(BROKEN_REASON));
        assertThat(records()).isZero();
    }

    @Test
    void aTerminalInFrenchGetsItsReportAndItsRefusalsInFrench() throws IOException {
        Path zip = zip("export.zip", List.of("a/checking.ofx", CHECKING, "b/broken.ofx", BROKEN, "c/notes.txt", "notes",
                "d/contacts.vcf", CONTACTS));
        String brokenInFrench = "OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS/BANKTRANLIST/STMTTRN[1]/DTPOSTED : on attendait une "
                + "date au format AAAAMMJJ, suivie ou non d’une heure";

        CommandRun.Result result = selfdata.with("LANG", "fr_FR.UTF-8").run("import", zip.toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out().lines()).containsExactly(
                "export.zip!/a/checking.ofx : ofx de Banque Rhône (compte ••8901), rien d’écrit : 3 à ajouter, 0 déjà présents",
                "export.zip!/b/broken.ofx : non importé, " + brokenInFrench,
                "export.zip!/c/notes.txt : non reconnu, laissé tel quel",
                "export.zip!/d/contacts.vcf : vcard de Carnet d’adresses (contacts vCard), rien d’écrit : 1 à ajouter, "
                        + "0 déjà présents");
        assertThat(result.err()).isEqualTo("""
                selfdata: export.zip : rien n’a été importé, car 1 de ses 4 fichiers n’a pas pu être lu : \
                export.zip!/b/broken.ofx : %s
                selfdata: avec --lenient, les fichiers et enregistrements lisibles sont importés, et les autres sont nommés \
                ou mis de côté
                """.formatted(brokenInFrench));
        assertThat(records()).isZero();
    }

    @Test
    void aBankCsvWithoutAHeaderIsRefusedWithTheMappingToSaveThenImportsWithIt() throws IOException {
        Path statement = Files.writeString(files.resolve("releve.csv"), """
                12/03/2024;CARTE X1234 11/03 BOULANGERIE DU MARCHE;-4,50;
                12/03/2024;VIR SEPA RECU DE MME DURAND;1 250,00;
                13/03/2024;PRLV SEPA EDF;-62,17;
                """, StandardCharsets.ISO_8859_1);
        String mapping = """
                header=false
                delimiter=;
                date-pattern=dd/MM/yyyy
                decimal-mark=comma
                column.date=1
                column.amount=3
                column.label=2
                """;

        CommandRun.Result refused = selfdata.run("import", statement.toString());

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).isEqualTo("""
                selfdata: releve.csv: no importer recognizes this file; selfdata reads %s; a CSV file of another layout \
                can be read with a column mapping (selfdata import --mapping)
                selfdata: releve.csv reads as bank transactions with the column mapping below, guessed from its first rows: \
                save it as releve.properties, check each column, then run selfdata import --mapping releve.properties %s
                %s""".formatted(formats(), statement, mapping));
        Path saved = Files.writeString(files.resolve("releve.properties"), refused.err().substring(
                refused.err().indexOf("header=")));
        CommandRun.Result imported = selfdata.run("import", "--mapping", saved.toString(), statement.toString());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).startsWith("releve.csv: mapped-csv from CSV file (CSV export), 3 added, 0 already held");
        assertThat(records()).isEqualTo(3);
    }

    @Test
    void aTerminalInFrenchIsToldInFrenchWhichMappingToSave() throws IOException {
        Path statement = Files.writeString(files.resolve("releve.csv"), "12/03/2024;PRLV SEPA EDF;-62,17;\n");

        CommandRun.Result refused = selfdata.with("LANG", "fr_FR.UTF-8").run("import", statement.toString());

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err().lines().toList().get(1)).isEqualTo("selfdata: releve.csv se lit comme des opérations "
                + "bancaires avec la correspondance de colonnes ci-dessous, devinée d’après ses premières lignes : "
                + "enregistrez-la sous releve.properties, vérifiez chaque colonne, puis lancez selfdata import --mapping "
                + "releve.properties " + statement);
        assertThat(refused.err().lines().skip(2)).startsWith("header=false");
    }

    @Test
    void aTextFileWithoutDatesAndAmountsIsRefusedWithoutASuggestion() throws IOException {
        Path notes = Files.writeString(files.resolve("notes.csv"), "name;email\nCamille;camille@example.org\n");

        CommandRun.Result refused = selfdata.run("import", notes.toString());

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err().lines()).hasSize(1);
    }

    @Test
    void aStrictArchiveWithABrokenFileIsReportedAsJsonLinesFileByFile() throws IOException {
        Path zip = zip("export.zip", List.of("a/checking.ofx", CHECKING, "b/broken.ofx", BROKEN));

        CommandRun.Result result = selfdata.run("import", "--json", zip.toString());

        List<JsonNode> lines = result.out().lines().map(JSON::readTree).toList();
        assertThat(lines).extracting(line -> line.get("file").asString())
                .containsExactly("export.zip!/a/checking.ofx", "export.zip!/b/broken.ofx", "export.zip");
        assertThat(lines).extracting(line -> line.get("status").asString()).containsExactly("unwritten", "failed", "failed");
        assertThat(lines.getFirst().get("added").asLong()).isEqualTo(3);
        assertThat(lines.getFirst().get("duplicates").asLong()).isZero();
    }

    @Test
    void theRejectsOfABatchAreListedWithTheirTextToCorrect() throws IOException {
        Path statement = Files.writeString(files.resolve("releve.csv"), "Date;Libellé;Montant(EUROS)\n"
                + "28/10/2026;\"CARTE X1234\";-4,60\n15/10/2026;\"LIBRAIRIE DU PARC\";douze euros\n");
        long batch = JSON.readTree(selfdata.run("import", "--json", "--lenient", statement.toString()).out())
                .get("batch").asLong();

        CommandRun.Result plain = selfdata.run("import", "--show-rejects", Long.toString(batch));
        CommandRun.Result json = selfdata.run("import", "--json", "--show-rejects", Long.toString(batch));

        assertThat(plain.out()).isEqualTo("""
                line 3: expected an amount such as -1 234,56 in column 'Montant(EUROS)'
                    Date;Libellé;Montant(EUROS)
                    15/10/2026;"LIBRAIRIE DU PARC";douze euros
                """);
        assertThat(JSON.readTree(json.out()).get("text").asString())
                .isEqualTo("Date;Libellé;Montant(EUROS)\n15/10/2026;\"LIBRAIRIE DU PARC\";douze euros");
    }

    private Path zip(String name, List<String> namesAndContents) throws IOException {
        Path zip = files.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int index = 0; index < namesAndContents.size(); index += 2) {
                out.putNextEntry(new ZipEntry(namesAndContents.get(index)));
                out.write(namesAndContents.get(index + 1).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private long records() {
        return JSON.readTree(selfdata.run("status", "--json").out()).get("records").asLong();
    }

    private static String formats() {
        return "OFX, QIF, camt (ISO 20022), the CSV exports of French banks, Google location history, GPX, Linky and "
                + "Enedis, Green Button, vCard, iCalendar, and the Facebook and Instagram exports";
    }
}
