package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.demo.DemoPerson;
import org.selfdata.testing.Corpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private CommandRun selfdata;

    @BeforeEach
    void createVault() {
        selfdata = new CommandRun(home);
        CommandRun.Result init = selfdata.run("init", "--handle", "camille", "--zone", "Europe/Paris");
        assertThat(init.exitCode()).isZero();
        assertThat(init.out()).contains("Created a vault for camille at " + home.resolve(".selfdata/vault.db"));
    }

    @Test
    void importReportsWhatWasAddedAndAgainAddsNothing() {
        // checking.ofx holds one account statement with three transactions: four records.
        Path statement = Corpus.file("ofx/checking.ofx");

        CommandRun.Result first = selfdata.run("import", "--json", statement.toString());
        CommandRun.Result again = selfdata.run("import", "--json", statement.toString());

        assertThat(first.exitCode()).isZero();
        JsonNode report = JSON.readTree(first.out());
        assertThat(report.get("file").asString()).isEqualTo("checking.ofx");
        assertThat(report.get("format").asString()).isEqualTo("ofx");
        assertThat(report.get("added").asLong()).isEqualTo(4);
        assertThat(report.get("duplicates").asLong()).isZero();
        JsonNode second = JSON.readTree(again.out());
        assertThat(second.get("added").asLong()).isZero();
        assertThat(second.get("duplicates").asLong()).isEqualTo(4);
    }

    @Test
    void statusCountsWhatTheDemoFilesHold(@TempDir Path files) {
        var written = DemoPerson.generate(7, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 7)).write(files);
        List<String> arguments = new java.util.ArrayList<>(List.of("import"));
        written.files().forEach(file -> arguments.add(file.path().toString()));
        assertThat(selfdata.run(arguments.toArray(String[]::new)).exitCode()).isZero();

        JsonNode status = JSON.readTree(selfdata.run("status", "--json").out());

        long expected = written.files().stream().mapToLong(file -> file.records()).sum();
        assertThat(status.get("records").asLong()).isEqualTo(expected);
        assertThat(status.get("sources")).hasSize(written.files().size());
        assertThat(status.get("imports").asInt()).isEqualTo(written.files().size());
    }

    @Test
    void recordsAreListedAsJsonLinesFilteredByTypeAndTime() {
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString(),
                Corpus.file("google-location/takeout_Records.json").toString());

        CommandRun.Result transactions = selfdata.run("records", "--type", "bank.transaction");
        CommandRun.Result limited = selfdata.run("records", "--type", "geo.point", "--limit", "2");

        List<JsonNode> lines = transactions.out().lines().map(JSON::readTree).toList();
        assertThat(lines).hasSize(3).allMatch(line -> line.get("type").asString().equals("bank.transaction"));
        assertThat(lines.getFirst().get("payload").get("currency").asString()).isEqualTo("USD");
        assertThat(limited.out().lines()).hasSize(2);
    }

    @Test
    void aDayOnTheCommandLineIsTheStartOfThatDayInThePersonsZone(@TempDir Path files) throws IOException {
        // 22:30 and 00:30 in Paris, either side of the new year there; both before it in UTC.
        Path agenda = Files.writeString(files.resolve("agenda.ics"), String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//selfdata//test//EN", "BEGIN:VEVENT", "UID:eve@example.org", "DTSTAMP:20131201T000000Z",
                "DTSTART:20131231T213000Z", "DTEND:20131231T220000Z", "SUMMARY:Eve", "END:VEVENT", "BEGIN:VEVENT",
                "UID:day@example.org", "DTSTAMP:20131201T000000Z", "DTSTART:20131231T233000Z", "DTEND:20140101T000000Z",
                "SUMMARY:Day", "END:VEVENT", "END:VCALENDAR", ""));
        assertThat(selfdata.run("import", agenda.toString()).exitCode()).isZero();

        CommandRun.Result from = selfdata.run("records", "--from", "2014-01-01");
        CommandRun.Result to = selfdata.run("records", "--to", "2014-01-01");

        assertThat(from.exitCode()).as(from.err()).isZero();
        assertThat(from.out().lines().map(JSON::readTree).map(line -> line.get("start").asString()))
                .containsExactly("2013-12-31T23:30:00Z");
        assertThat(to.out().lines().map(JSON::readTree).map(line -> line.get("start").asString()))
                .containsExactly("2013-12-31T21:30:00Z");
    }

    @Test
    void recordsOfOneTabularTypeAreListedAsACsvTable() {
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString());

        CommandRun.Result table = selfdata.run("records", "--type", "bank.transaction", "--format", "csv");
        CommandRun.Result twoTypes = selfdata.run("records", "--format", "csv");
        CommandRun.Result contacts = selfdata.run("records", "--type", "contact", "--format", "csv");

        List<String> lines = table.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.getFirst()).isEqualTo("id,start,end,category,source,account,bookingDate,valueDate,amount,currency,"
                + "label,counterparty,reference,memo,kind,bankCategory");
        assertThat(lines.get(2)).contains(",-34.51,USD,");
        assertThat(table.out()).contains("\r\n");
        assertThat(twoTypes.exitCode()).isEqualTo(3);
        assertThat(twoTypes.err()).isEqualTo("selfdata: a CSV table holds one type of record: name it with --type\n");
        assertThat(contacts.exitCode()).isEqualTo(3);
        assertThat(contacts.err()).isEqualTo("selfdata: contact records have no CSV table; types that have one: bank.account, "
                + "bank.transaction, geo.point, geo.visit, energy.reading\n");
    }

    @Test
    void statusNamesTheTypesAndSourcesWithTheDaysTheyCover() {
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString());

        CommandRun.Result status = selfdata.run("status");

        assertThat(status.out()).isEqualTo("camille's vault at " + home.resolve(".selfdata/vault.db")
                + ": 4 records from 1 source, 1 import\n"
                + "\n"
                + "By type:\n"
                + "  Bank accounts                1  2013-05-25\n"
                + "  Bank transactions            3  2011-03-31 to 2011-04-07\n"
                + "\n"
                + "By source:\n"
                + "  1   FAKE, account ••6877                                      "
                + "          4  2011-03-31 to 2013-05-25\n");
    }

    @Test
    void eraseRefusesWithoutConfirmationInTheTerminalsLanguage() {
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString());

        CommandRun.Result refused = selfdata.with("LANG", "fr_FR.UTF-8").run("erase", "--source", "1");
        CommandRun.Result missing = selfdata.with("LANG", "fr_FR.UTF-8").run("erase", "--source", "7", "--yes");

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).isEqualTo("selfdata: un effacement est irréversible ; ajoutez --yes pour le confirmer hors "
                + "d’un terminal\n");
        assertThat(missing.err()).isEqualTo("selfdata: il n’y a pas de source 7\n");
    }

    @Test
    void eraseAsksForConfirmationAwayFromATerminalAndThenDestroysTheSource() {
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString());

        CommandRun.Result refused = selfdata.run("erase", "--source", "1");
        CommandRun.Result erased = selfdata.run("erase", "--source", "1", "--yes");

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).isEqualTo("selfdata: erasing cannot be undone; add --yes to confirm when not on a terminal\n");
        assertThat(erased.exitCode()).isZero();
        assertThat(erased.out()).isEqualTo("Erased 4 records from 1 source and 1 import.\n");
        assertThat(JSON.readTree(selfdata.run("status", "--json").out()).get("records").asLong()).isZero();
    }

    @Test
    void keysRotateForEverySource() {
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString(),
                Corpus.file("google-location/takeout_Records.json").toString());

        CommandRun.Result rotated = selfdata.run("keys", "rotate");

        assertThat(rotated.out()).isEqualTo("Rotated the keys of 2 sources.\n");
        assertThat(selfdata.run("records", "--type", "bank.transaction").out().lines()).hasSize(3);
        assertThat(selfdata.run("records", "--type", "geo.point").out().lines()).hasSize(12);
    }

    @Test
    void eachKindOfFailureHasItsExitCodeAndOneLine(@TempDir Path other) throws IOException {
        Path unknown = Files.writeString(other.resolve("notes.txt"), "nothing any importer reads\n");

        assertFailure(selfdata.run("status", "--data", other.resolve("nowhere").toString()), 4,
                "selfdata: there is no vault at " + other.resolve("nowhere")
                        + "; create one with 'selfdata init', or try 'selfdata demo'");
        assertFailure(selfdata.run("records", "--type", "geo.pointz"), 3,
                "selfdata: unknown record type 'geo.pointz'; known types: bank.account, bank.transaction, geo.point, geo.visit, "
                        + "geo.trip, energy.reading, contact, calendar.event, social.message, social.post, document");
        assertFailure(selfdata.run("import", other.resolve("absent.ofx").toString()), 4,
                "selfdata: there is no file " + other.resolve("absent.ofx"));
        CommandRun.Result unrecognized = selfdata.run("import", unknown.toString());
        assertThat(unrecognized.exitCode()).isEqualTo(3);
        assertThat(unrecognized.err()).startsWith("selfdata: notes.txt: no importer recognizes this file; selfdata reads OFX, ");
        assertFailure(selfdata.run("init"), 5, "selfdata: there is already a vault at " + home.resolve(".selfdata")
                + "; open it, or choose another folder with --data");
        assertFailure(selfdata.run("records", "--from", "yesterday"), 3,
                "selfdata: --from takes a day such as 2025-01-01 or an instant such as 2025-01-01T00:00:00Z, in the years 0000 "
                        + "to 9999");
        assertFailure(selfdata.run("records", "--to", "+999999999-12-31T23:59:59Z"), 3,
                "selfdata: --to takes a day such as 2025-01-01 or an instant such as 2025-01-01T00:00:00Z, in the years 0000 to "
                        + "9999");
        assertThat(selfdata.run("recrods").exitCode()).isEqualTo(2);
    }

    @Test
    void theWrongKeyFileIsRefusedWithItsExitCode(@TempDir Path other) {
        new CommandRun(other).run("init", "--handle", "dominique");

        CommandRun.Result result = selfdata.run("status", "--key-file", other.resolve(".selfdata/master.key").toString());

        assertFailure(result, 6, "selfdata: the key file " + other.resolve(".selfdata/master.key")
                + " belongs to another vault, not to " + home.resolve(".selfdata/vault.db"));
    }

    @Test
    void aZipArchiveIsReportedEntryByEntry(@TempDir Path files) throws IOException {
        Path zip = files.resolve("export.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bank/checking.ofx"));
            out.write(Files.readAllBytes(Corpus.file("ofx/checking.ofx")));
            out.putNextEntry(new ZipEntry("README.txt"));
            out.write("Your export".getBytes(StandardCharsets.UTF_8));
        }

        CommandRun.Result result = selfdata.run("import", "--json", zip.toString());

        assertThat(result.exitCode()).isZero();
        List<JsonNode> reports = result.out().lines().map(JSON::readTree).toList();
        assertThat(reports).extracting(report -> report.get("file").asString())
                .containsExactly("export.zip!/bank/checking.ofx", "export.zip!/README.txt");
        assertThat(reports).extracting(report -> report.get("status").asString()).containsExactly("imported", "not-recognized");
        assertThat(reports.getFirst().get("added").asLong()).isEqualTo(4);
        assertThat(selfdata.run("import", zip.toString()).out().lines()).satisfiesExactly(
                line -> assertThat(line).startsWith("export.zip!/bank/checking.ofx: ofx from FAKE (account ••6877), 0 added, "
                        + "4 already held, "),
                line -> assertThat(line).isEqualTo("export.zip!/README.txt: not recognized, left alone"));
    }

    @Test
    void aCsvNoImporterKnowsIsReadWithTheMappingThePersonWrote(@TempDir Path files) throws IOException {
        Path mapping = Files.writeString(files.resolve("banque-populaire.properties"), """
                header=false
                column.account=1
                column.date=2
                column.label=3
                column.reference=4
                column.amount=5
                decimal-mark=comma
                organization=Banque Populaire
                """);
        Path statement = Corpus.file("fr-bank-csv/reckon_french_example.csv");

        CommandRun.Result refused = selfdata.run("import", statement.toString());
        CommandRun.Result imported = selfdata.run("import", "--json", "--mapping", mapping.toString(), statement.toString());

        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(imported.exitCode()).isZero();
        JsonNode report = JSON.readTree(imported.out());
        assertThat(report.get("format").asString()).isEqualTo("mapped-csv");
        assertThat(report.get("organization").asString()).isEqualTo("Banque Populaire");
        // The file has nine operations, from 2014-01-21 to 2014-01-22 (by hand from the file).
        assertThat(report.get("added").asLong()).isEqualTo(9);
    }

    @Test
    void aLenientImportKeepsTheReadableRecordsAndListsTheRejectedOnes() {
        Path statement = Corpus.file("ofx/fail_nice__decimal_error.ofx");

        CommandRun.Result strict = selfdata.run("import", statement.toString());
        CommandRun.Result lenient = selfdata.run("import", "--json", "--lenient", statement.toString());

        assertThat(strict.exitCode()).isEqualTo(3);
        assertThat(lenient.exitCode()).isZero();
        JsonNode report = JSON.readTree(lenient.out());
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.get("added").asLong()).isEqualTo(1);
        assertThat(report.get("rejects").get(0).get("position").asString())
                .isEqualTo("OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS/BANKTRANLIST/STMTTRN[1]/DTPOSTED");
        CommandRun.Result rejects = selfdata.run("import", "--show-rejects", report.get("batch").asString());
        assertThat(rejects.out())
                .startsWith("OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS/BANKTRANLIST/STMTTRN[1]/DTPOSTED: expected a date");
        assertThat(rejects.out().lines()).hasSize(1);
        CommandRun.Result again = selfdata.run("import", "--lenient", statement.toString());
        assertThat(again.out()).contains(", 0 added, 1 already held, 1 rejected and already in the quarantine of an "
                + "earlier import, ");
        assertThat(selfdata.run("import", "--show-rejects", "2").out()).isEmpty();
    }

    @Test
    void theQuarantineOfABatchIsListedOrSaidToBeMissing() {
        selfdata.run("import", Corpus.file("ofx/checking.ofx").toString());

        assertThat(selfdata.run("import", "--show-rejects", "1").out()).isEmpty();
        assertFailure(selfdata.run("import", "--show-rejects", "42"), 4, "selfdata: there is no batch 42");
        assertFailure(selfdata.run("import"), 3, "selfdata: give the files to import, or --show-rejects BATCH");
    }

    @Test
    void aMalformedFileIsRefusedByNameAndPositionAndAddsNothing() {
        CommandRun.Result result = selfdata.run("import", Corpus.file("ofx/fail_nice__decimal_error.ofx").toString());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).startsWith("selfdata: fail_nice__decimal_error.ofx: OFX/");
        assertThat(JSON.readTree(selfdata.run("status", "--json").out()).get("records").asLong()).isZero();
    }

    private static void assertFailure(CommandRun.Result result, int exitCode, String message) {
        assertThat(result.err()).isEqualTo(message + "\n");
        assertThat(result.exitCode()).isEqualTo(exitCode);
        assertThat(result.out()).isEmpty();
    }
}
