package org.selfdata.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata rights answer}, {@code checklist}, {@code reminder} and {@code complaint}: an access request posted,
 * its answer received with a bank statement and a letter, the statement become records and the letter a document, the
 * checklist ticked, and the formal notice and the complaint naming what is missing; in English, on SQLite (the desk's
 * storage is tested on both engines by {@link RightsRequestCommandsTest}).
 */
class RightsAnswerCommandsTest {
    private static final LocalDate POSTED = LocalDate.of(2025, 1, 27);
    private static final String STATEMENT = """
            Date;Libellé;Montant(EUROS)
            12/01/2025;"ABONNEMENT SNCF CONNECT";-9,99
            """;

    @TempDir
    Path home;

    @TempDir
    Path files;

    private RightsCommands camille;
    private CommandRun selfdata;
    private String reference;

    @BeforeEach
    void anAccessRequestPosted() {
        camille = new RightsCommands(home, Engine.SQLITE).init().sender();
        selfdata = camille.selfdata();
        reference = camille.posted("sncf-connect", "access", POSTED);
    }

    @Test
    void anAnswersFilesAreKeptAndImportedAndEachSaysWhatItBecame() throws IOException {
        Path statement = write("statement.csv", STATEMENT);
        Path letter = write("answer.txt", "We hold your bookings since 2019.");

        CommandRun.Result answer = selfdata.run("rights", "answer", reference, "--on", "2025-02-20",
                statement.toString(), letter.toString());

        assertThat(answer.exitCode()).as(answer.err()).isZero();
        List<String> lines = answer.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).isEqualTo("Answer to " + reference + " recorded on Thursday 20 February 2025 as "
                + "incomplete. Its files:");
        assertThat(lines.get(1)).startsWith("  ").contains("statement.csv");
        assertThat(lines.get(2)).startsWith("  ").contains("answer.txt");
        assertThat(records()).containsExactlyInAnyOrder(RecordType.BANK_TRANSACTION, RecordType.DOCUMENT);
        assertThat(camille.succeeds("rights", "show", reference).out())
                .contains("  Thursday 20 February 2025: answered incompletely\n      statement.csv (text/csv, ",
                        "      answer.txt (text/plain, 33 bytes), SHA-256 ");
    }

    @Test
    void anAnswerInTheFutureOrWithAMissingFileIsRefusedAndNothingIsRecordedOrImported() throws IOException {
        Path statement = write("statement.csv", STATEMENT);

        CommandRun.Result future = selfdata.run("rights", "answer", reference, "--on",
                RightsCommands.today().plusDays(1).toString(), statement.toString());
        CommandRun.Result missing = selfdata.run("rights", "answer", reference, "--on", "2025-02-20",
                statement.toString(), files.resolve("lost.pdf").toString());

        assertThat(future.exitCode()).isEqualTo(3);
        assertThat(future.err()).isEqualTo("selfdata: the date " + RightsCommands.today().plusDays(1)
                + " is in the future: record a step once it has happened\n");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).isEqualTo("selfdata: cannot read the file lost.pdf: check that it exists and that you "
                + "may read it\n");
        assertThat(records()).isEmpty();
        assertThat(camille.succeeds("rights", "show", reference, "--json").out()).contains("\"status\":\"sent\"")
                .doesNotContain("answered");
    }

    @Test
    void theChecklistShowsTheItemsOfArticle15AndTicksThosePresent() {
        CommandRun.Result empty = camille.succeeds("rights", "checklist", reference);
        CommandRun.Result ticked = camille.succeeds("rights", "checklist", reference, "--present",
                "purposes, categories,copy");

        assertThat(empty.out().lines().findFirst()).contains("Answer to " + reference + ": none of the 10 items of "
                + "art. 15 found");
        assertThat(ticked.out()).isEqualTo("Answer to " + reference + ": 3 of the 10 items of art. 15 found\n"
                + "  [x] purposes  the purposes of the processing (Article 15(1)(a))\n"
                + "  [x] categories  the categories of personal data concerned (Article 15(1)(b))\n"
                + "  [ ] recipients  the recipients, each named, or their categories (Article 15(1)(c))\n"
                + "  [ ] storage-period  the storage period, or the criteria used to determine it (Article 15(1)(d))\n"
                + "  [ ] rights  the existence of the rights to rectification, erasure, restriction and objection "
                + "(Article 15(1)(e))\n"
                + "  [ ] complaint  the right to lodge a complaint with a supervisory authority (Article 15(1)(f))\n"
                + "  [ ] source  the source of the data not collected from me (Article 15(1)(g))\n"
                + "  [ ] automated-decisions  automated decision-making and profiling, with the logic involved and its "
                + "consequences (Article 15(1)(h))\n"
                + "  [ ] transfer-safeguards  the safeguards for transfers to third countries or international "
                + "organisations (Article 15(2))\n"
                + "  [x] copy  the copy of the personal data undergoing processing (Article 15(3))\n");
        assertThat(camille.succeeds("rights", "checklist", reference).out()).isEqualTo(ticked.out());
    }

    @Test
    void theChecklistSaysWhichItemsWereFoundInTheAnswerUntilThePersonConfirmsOrUnticksThem() throws IOException {
        Path answer = write("answer.json", """
                {"purposes": ["billing"], "retentionPeriod": "10 years"}
                """);
        camille.succeeds("rights", "answer", reference, "--on", "2025-02-20", answer.toString());
        String found = " (found in the answer: confirm it with --present, or leave it out to untick it)";

        List<String> prefilled = camille.succeeds("rights", "checklist", reference).out().lines().toList();
        List<String> confirmed = camille.succeeds("rights", "checklist", reference, "--present", "purposes").out()
                .lines().toList();

        assertThat(prefilled).hasSize(11);
        assertThat(prefilled.getFirst()).isEqualTo("Answer to " + reference + ": 3 of the 10 items of art. 15 found");
        assertThat(prefilled).contains(
                "  [x] purposes  the purposes of the processing (Article 15(1)(a))" + found,
                "  [x] storage-period  the storage period, or the criteria used to determine it (Article 15(1)(d))"
                        + found,
                "  [x] copy  the copy of the personal data undergoing processing (Article 15(3))" + found,
                "  [ ] recipients  the recipients, each named, or their categories (Article 15(1)(c))");
        assertThat(confirmed.getFirst()).isEqualTo("Answer to " + reference + ": 1 of the 10 items of art. 15 found");
        assertThat(confirmed).contains("  [x] purposes  the purposes of the processing (Article 15(1)(a))",
                "  [ ] storage-period  the storage period, or the criteria used to determine it (Article 15(1)(d))",
                "  [ ] copy  the copy of the personal data undergoing processing (Article 15(3))");
    }

    @Test
    void anUnknownItemOrARequestOtherThanAccessIsRefusedAndTheChecklistStays() {
        camille.succeeds("rights", "checklist", reference, "--present", "purposes");
        String erasure = camille.posted("sncf-connect", "erasure", POSTED);

        CommandRun.Result unknown = selfdata.run("rights", "checklist", reference, "--present", "purposes,everything");
        CommandRun.Result notAccess = selfdata.run("rights", "checklist", erasure, "--present", "purposes");

        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).isEqualTo("selfdata: --present: expected items among purposes, categories, recipients, "
                + "storage-period, rights, complaint, source, automated-decisions, transfer-safeguards and copy, "
                + "separated by commas\n");
        assertThat(notAccess.exitCode()).isEqualTo(3);
        assertThat(notAccess.err()).isEqualTo("selfdata: the request " + erasure + " is not an access request: the "
                + "checklist of art. 15 is for access requests\n");
        assertThat(camille.succeeds("rights", "checklist", reference).out().lines().findFirst())
                .contains("Answer to " + reference + ": 1 of the 10 items of art. 15 found");
    }

    @Test
    void theReminderNamesWhatTheAnswerLacksAndTheComplaintGoesToTheCnilAsPrivatePdfs() throws IOException {
        camille.succeeds("rights", "answer", reference, "--on", "2025-02-20", write("statement.csv", STATEMENT).toString());
        camille.succeeds("rights", "checklist", reference, "--present", "purposes,categories,copy");
        Path reminderPdf = files.resolve("reminder.pdf");
        Path complaintPdf = files.resolve("complaint.pdf");

        CommandRun.Result reminder = camille.succeeds("rights", "reminder", reference);
        CommandRun.Result reminderWritten = camille.succeeds("rights", "reminder", reference, "--pdf",
                reminderPdf.toString());
        CommandRun.Result complaint = camille.succeeds("rights", "complaint", reference);
        CommandRun.Result complaintWritten = camille.succeeds("rights", "complaint", reference, "--pdf",
                complaintPdf.toString());

        assertThat(reminder.out()).contains(reference, "the recipients", "Camille Martin")
                .doesNotContain("the purposes of the processing");
        assertThat(reminderWritten.out()).isEqualTo("The formal notice of request " + reference + " is written to "
                + reminderPdf + ": once it is posted, record it with selfdata rights record --status reminder-sent.\n");
        assertThat(RightsRequestCommandsTest.pdfText(reminderPdf)).contains("Camille Martin", "SNCF Connect", reference);
        assertThat(complaint.out()).contains("SNCF Connect", reference, "statement.csv");
        assertThat(complaintWritten.out()).isEqualTo("The complaint about request " + reference + " is written to "
                + complaintPdf + ": once it is lodged, record it with selfdata rights record --status "
                + "complaint-lodged.\n");
        assertThat(RightsRequestCommandsTest.pdfText(complaintPdf)).contains("Camille Martin", "CNIL", reference);
    }

    @Test
    void aReminderOfARequestNotSentIsRefusedAndWritesNoFile() {
        String draft = camille.draft("sncf-connect", "--right", "access", "--channel", "letter");
        Path pdf = files.resolve("reminder.pdf");

        CommandRun.Result reminder = selfdata.run("rights", "reminder", draft, "--pdf", pdf.toString());

        assertThat(reminder.exitCode()).isEqualTo(5);
        assertThat(reminder.err()).isEqualTo("selfdata: The request " + draft + " was not sent yet: there is nothing to "
                + "remind the organization of.\n");
        assertThat(pdf).doesNotExist();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
    }

    private List<RecordType> records() {
        try (Vault vault = camille.openVault();
                Stream<StoredRecord> records = vault.records().read(vault.person(Optional.of("camille")).id(),
                        RecordQuery.all())) {
            return records.map(StoredRecord::type).toList();
        }
    }
}
