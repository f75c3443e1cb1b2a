package org.selfdata.cli;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.vault.Engine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code selfdata rights show}, {@code record}, {@code letter} and {@code evidence}: a request posted by letter, its
 * steps recorded as the organization takes them, read back with their dates, documents and deadline, its letter
 * printed or written as a PDF, and its evidence pack written, on SQLite as on PostgreSQL; in English here.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RightsRequestCommandsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Posted on Monday 27 January 2025, received on Friday 31 January: the answer was due on 28 February 2025. */
    private static final LocalDate POSTED = LocalDate.of(2025, 1, 27);
    private static final LocalDate RECEIVED = LocalDate.of(2025, 1, 31);

    private final Engine engine;

    @TempDir
    Path home;

    @TempDir
    Path output;

    private RightsCommands camille;
    private CommandRun selfdata;

    RightsRequestCommandsTest(Engine engine) {
        this.engine = engine;
    }

    @BeforeEach
    void aRequestPosted() {
        camille = new RightsCommands(home, engine).init().sender();
        selfdata = camille.selfdata();
    }

    @Test
    void showGivesEachStepWithItsDateNoteAndDocumentsThenTheDeadlineAndHowItWasCounted() {
        String reference = camille.posted("sncf-connect", "erasure", POSTED);
        camille.succeeds("rights", "record", reference, "--status", "received", "--on", RECEIVED.toString(), "--note",
                "acknowledgement of receipt 1A 234");

        CommandRun.Result show = camille.succeeds("rights", "show", reference);
        JsonNode json = JSON.readTree(camille.succeeds("rights", "show", reference, "--json").out());

        JsonNode letter = json.get("steps").get(1).get("documents").get(0);
        assertThat(letter.get("name").asString()).isEqualTo(reference + ".pdf");
        assertThat(letter.get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(letter.get("sha256").asString()).matches("[0-9a-f]{64}");
        long late = ChronoUnit.DAYS.between(LocalDate.of(2025, 2, 28), RightsCommands.today());
        assertThat(show.out()).isEqualTo("Request " + reference + " to SNCF Connect: erasure (art. 17), by letter\n"
                + "Steps:\n"
                + "  " + RightsCommands.say(RightsCommands.today()) + ": drafted\n"
                + "  Monday 27 January 2025: sent\n"
                + "      " + reference + ".pdf (application/pdf, "
                + String.format(Locale.ENGLISH, "%,d", letter.get("size").asLong()) + " bytes), SHA-256 "
                + letter.get("sha256").asString() + "\n"
                + "  Friday 31 January 2025: received by the organization\n"
                + "      note: acknowledgement of receipt 1A 234\n"
                + "answer was due by Friday 28 February 2025: " + late + " days late\n"
                + "How it was counted:\n"
                + "  - the organization received the request on Friday 31 January 2025\n"
                + "  - the GDPR gives one month from receipt, the day of receipt not counted (art. 12(3); Regulation No "
                + "1182/71, art. 3)\n"
                + "  - the last month has no day 31: the period ends on that month’s last day (Regulation No 1182/71, "
                + "art. 3(2)(c))\n");
        assertThat(json.get("reference").asString()).isEqualTo(reference);
        assertThat(json.get("status").asString()).isEqualTo("received");
        assertThat(json.get("steps")).extracting(step -> step.get("status").asString())
                .containsExactly("draft", "sent", "received");
        assertThat(json.get("steps").get(2).get("happenedOn").asString()).isEqualTo("2025-01-31");
        assertThat(json.get("steps").get(2).get("note").asString()).isEqualTo("acknowledgement of receipt 1A 234");
        assertThat(json.get("deadline").get("date").asString()).isEqualTo("2025-02-28");
        assertThat(json.get("deadline").get("overdue").asBoolean()).isTrue();
        assertThat(json.get("deadline").get("reasons")).hasSize(3);
    }

    @Test
    void anExtensionWithItsReasonsWithinTheFirstMonthMovesTheDeadlineTwoMonthsOn() {
        String reference = camille.posted("sncf-connect", "access", POSTED);
        camille.succeeds("rights", "record", reference, "--status", "received", "--on", RECEIVED.toString());

        CommandRun.Result extended = selfdata.run("rights", "record", reference, "--status", "extended", "--on",
                "2025-02-20", "--reasons-given");

        assertThat(extended.exitCode()).as(extended.err()).isZero();
        long late = ChronoUnit.DAYS.between(LocalDate.of(2025, 4, 30), RightsCommands.today());
        assertThat(extended.out()).isEqualTo("Request " + reference + ": time limit extended by the organization, on "
                + "Thursday 20 February 2025.\n"
                + "answer was due by Wednesday 30 April 2025, even extended: " + late + " days late\n");
        assertThat(camille.succeeds("rights", "show", reference).out())
                .contains("  Thursday 20 February 2025: time limit extended by the organization\n      with its reasons\n");
    }

    @Test
    void aStepTheLifecycleForbidsOrAnUnknownStatusIsRefusedAndTheRequestKeepsItsSteps() {
        String reference = camille.posted("sncf-connect", "erasure", POSTED);
        String before = camille.succeeds("rights", "show", reference, "--json").out();

        CommandRun.Result unknown = selfdata.run("rights", "record", reference, "--status", "answered-complete", "--on",
                "2025-02-03");
        CommandRun.Result notAsked = selfdata.run("rights", "record", reference, "--status", "identification-given",
                "--on", "2025-02-03");
        CommandRun.Result beforeSending = selfdata.run("rights", "record", reference, "--status", "received", "--on",
                "2025-01-20");
        CommandRun.Result reasons = selfdata.run("rights", "record", reference, "--status", "refused", "--on",
                "2025-02-03", "--reasons-given");

        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).isEqualTo("selfdata: --status: expected received, identification-asked, "
                + "identification-given, extended, refused, reminder-sent, complaint-lodged or closed; a request is "
                + "recorded as sent with selfdata rights sent or send, and its answer with selfdata rights answer\n");
        assertThat(notAsked.exitCode()).isEqualTo(5);
        assertThat(notAsked.err()).isEqualTo("selfdata: the organization has not asked for identification on the "
                + "request " + reference + ", so none can be recorded as given\n");
        assertThat(beforeSending.exitCode()).isEqualTo(3);
        assertThat(beforeSending.err()).isEqualTo("selfdata: the date 2025-01-20 is before 2025-01-27, the date of the "
                + "request's previous step\n");
        assertThat(reasons.exitCode()).isEqualTo(3);
        assertThat(reasons.err()).isEqualTo("selfdata: only an extension says whether the organization gave its "
                + "reasons\n");
        assertThat(camille.succeeds("rights", "show", reference, "--json").out()).isEqualTo(before);
    }

    @Test
    void theLetterIsPrintedOrWrittenAsAPrivatePdfThatIsNeverWrittenOver() throws IOException {
        String reference = camille.posted("sncf-connect", "erasure", POSTED);
        Path pdf = output.resolve("letter.pdf");

        CommandRun.Result text = camille.succeeds("rights", "letter", reference);
        CommandRun.Result written = camille.succeeds("rights", "letter", reference, "--pdf", pdf.toString());
        CommandRun.Result again = selfdata.run("rights", "letter", reference, "--pdf", pdf.toString());

        assertThat(text.out()).startsWith("[" + reference + "] Request for erasure of my personal data (Article 17 "
                + "GDPR)\n").contains("Camille Martin", "Under Article 17(1) GDPR, I ask you to erase");
        assertThat(written.out()).isEqualTo("The letter of request " + reference + " is written to " + pdf
                + ": once it is posted, record it with selfdata rights sent.\n");
        assertThat(Files.getPosixFilePermissions(pdf)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(pdfText(pdf)).contains("Camille Martin", "SNCF Connect", reference);
        byte[] first = Files.readAllBytes(pdf);
        assertThat(again.exitCode()).isEqualTo(5);
        assertThat(again.err()).isEqualTo("selfdata: --pdf: a file is already there; selfdata never writes over one, "
                + "so choose another name\n");
        assertThat(Files.readAllBytes(pdf)).isEqualTo(first);
    }

    @Test
    void theEvidencePackIsAPrivateZipOfTheRequestsDocumentsAndAnUnknownRequestWritesNoFile() throws IOException {
        String reference = camille.posted("sncf-connect", "erasure", POSTED);
        Path pack = output.resolve("evidence.zip");
        Path none = output.resolve("none.zip");

        CommandRun.Result written = camille.succeeds("rights", "evidence", reference, "--output", pack.toString());
        CommandRun.Result unknown = selfdata.run("rights", "evidence", "SD-ZZZZ", "--output", none.toString());
        CommandRun.Result missingFolder = selfdata.run("rights", "evidence", reference, "--output",
                output.resolve("no/such/folder.zip").toString());

        assertThat(written.out()).isEqualTo("The evidence pack of request " + reference + " is written to " + pack
                + ".\n");
        assertThat(Files.getPosixFilePermissions(pack)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (ZipFile zip = new ZipFile(pack.toFile())) {
            assertThat(zip.stream().map(entry -> entry.getName()).toList())
                    .anyMatch(name -> name.endsWith(reference + ".pdf"));
        }
        assertThat(unknown.exitCode()).isEqualTo(4);
        assertThat(unknown.err()).isEqualTo("selfdata: you have no request SD-ZZZZ: see your requests with selfdata "
                + "rights list\n");
        assertThat(missingFolder.exitCode()).isEqualTo(3);
        assertThat(missingFolder.err()).isEqualTo("selfdata: --output: the file cannot be written; check that its "
                + "folder exists and that you may write in it\n");
        assertThat(none).doesNotExist();
    }

    static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
