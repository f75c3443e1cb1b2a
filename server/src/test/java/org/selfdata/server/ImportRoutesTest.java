package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.BatchId;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.Rejection;
import org.selfdata.testing.Corpus;
import org.selfdata.testing.OfxStatements;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.selfdata.vault.SyntheticRecords.BANK;

/** Uploads through {@code POST /api/v1/imports}, followed to their reports, and the quarantine of a batch. */
class ImportRoutesTest {
    private static final String BOUNDARY = "----selfdata-test-7MA4YWxkTrZu0gW";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final long UPLOAD_LIMIT = 16 * 1024;

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private Person dominique;
    private SelfdataServer server;
    private ApiClient client;

    @BeforeEach
    void startServerWithASmallUploadLimit() {
        dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.people().setPassword(dominique.id(), TestServers.PASSWORD.toCharArray());
        server = running.start(TestServers.SETTINGS.withMaximumUploadBytes(UPLOAD_LIMIT));
        client = running.camille();
    }

    @Test
    void aStatementSentAsTheBodyIsImportedAndReportedLikeTheCommandLineDoes() {
        // checking.ofx holds one account statement with three transactions: four records.
        byte[] statement = read(Corpus.file("ofx/checking.ofx"));

        HttpResponse<String> accepted = upload("?name=checking.ofx", "application/octet-stream", statement);

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode started = ApiClient.json(accepted);
        String location = "/api/v1/imports/" + started.get("id").stringValue();
        assertThat(accepted.headers().firstValue("Location")).contains(location);
        assertThat(started.get("name").stringValue()).isEqualTo("checking.ofx");
        assertThat(started.get("lenient").booleanValue()).isFalse();
        assertThat(started.get("received").asLong()).isEqualTo(statement.length);

        JsonNode done = awaitEnd(location);
        assertThat(done.get("state").stringValue()).isEqualTo("done");
        assertThat(done.has("current")).isFalse();
        assertThat(done.get("files")).hasSize(1);
        JsonNode report = done.get("files").get(0);
        assertThat(report.get("file").stringValue()).isEqualTo("checking.ofx");
        assertThat(report.get("status").stringValue()).isEqualTo("imported");
        assertThat(report.get("format").stringValue()).isEqualTo("ofx");
        assertThat(report.get("added").asLong()).isEqualTo(4);
        assertThat(report.get("duplicates").asLong()).isZero();
        assertThat(report.get("rejected").asLong()).isZero();
        assertThat(Instant.parse(report.get("from").stringValue())).isBefore(Instant.parse(report.get("to").stringValue()));
        assertThat(report.has("problem")).isFalse();
        assertThat(vault.imports().batches(camille.id())).singleElement()
                .satisfies(batch -> assertThat(batch.id().value()).isEqualTo(report.get("batch").asLong()));
        assertThat(vault.inProgress().held()).isZero();

        JsonNode again = awaitEnd(location(upload("?name=checking.ofx", "application/octet-stream", statement)));
        assertThat(again.get("files").get(0).get("added").asLong()).isZero();
        assertThat(again.get("files").get(0).get("duplicates").asLong()).isEqualTo(4);
    }

    @Test
    void aStatementWithoutTransactionsIsReportedWithWhatItsReadingNoticed() {
        byte[] statement = OfxStatements.WITHOUT_TRANSACTIONS.getBytes(StandardCharsets.US_ASCII);

        JsonNode report = awaitEnd(location(upload("?name=releve-livret.ofx", "application/octet-stream", statement)))
                .get("files").get(0);

        assertThat(report.get("status").stringValue()).isEqualTo("imported");
        assertThat(report.get("label").stringValue()).isEqualTo("account with no number at bank 30004, branch 00123");
        assertThat(report.get("added").asLong()).isEqualTo(1);
        assertThat(report.get("notes")).hasSize(1);
        assertThat(report.get("notes").get(0).get("position").stringValue()).isEqualTo("OFX/BANKMSGSRSV1/STMTTRNRS[1]/STMTRS");
        assertThat(report.get("notes").get(0).get("note").stringValue()).isEqualTo("the statement holds no transactions, "
                + "and its ACCTID is empty: its account is named by its bank and branch ids");
    }

    @Test
    void aZipSentAsTheFilePartOfAFormIsImportedEntryByEntryUnderItsOwnName() {
        byte[] zip = zip(Map.of("bank/checking.ofx", read(Corpus.file("ofx/checking.ofx")),
                "photo.jpg", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0, 1, 2, 3}));

        HttpResponse<String> accepted = upload("", "multipart/form-data; boundary=" + BOUNDARY,
                form("C:\\\\Users\\\\camille\\\\exports.zip", zip));

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode done = awaitEnd(location(accepted));
        assertThat(done.get("state").stringValue()).isEqualTo("done");
        assertThat(done.get("name").stringValue()).isEqualTo("exports.zip");
        assertThat(done.get("received").asLong()).isGreaterThan(zip.length);
        assertThat(done.get("files")).hasSize(2);
        JsonNode statement = report(done, "exports.zip!/bank/checking.ofx");
        assertThat(statement.get("status").stringValue()).isEqualTo("imported");
        assertThat(statement.get("added").asLong()).isEqualTo(4);
        assertThat(report(done, "exports.zip!/photo.jpg").get("status").stringValue()).isEqualTo("not-recognized");
        assertThat(vault.imports().batches(camille.id())).hasSize(1);
        assertThat(vault.inProgress().held()).isZero();
    }

    @Test
    void aMalformedStatementFailsItsImportWithThePositionAndAddsNothing() {
        HttpResponse<String> accepted = upload("?name=" + URLEncoder.encode("relevé.ofx", StandardCharsets.UTF_8),
                "application/octet-stream", read(Corpus.file("ofx/fail_nice__decimal_error.ofx")));

        JsonNode failed = awaitEnd(location(accepted));

        assertThat(failed.get("state").stringValue()).isEqualTo("failed");
        assertThat(failed.get("files")).isEmpty();
        JsonNode problem = failed.get("problem");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("type").stringValue()).isEqualTo(Problems.TYPE_BASE + "invalid-input");
        assertThat(problem.get("detail").stringValue()).startsWith("relevé.ofx: OFX/").contains("DTPOSTED");
        assertThat(problem.get("instance").stringValue()).isEqualTo(location(accepted));
        assertThat(vault.imports().batches(camille.id())).isEmpty();
        assertThat(vault.inProgress().held()).isZero();
    }

    @Test
    void aLenientImportOfAnArchiveQuarantinesUnreadableRecordsAndReportsAnUnreadableEntry() {
        byte[] truncated = "{\"locations\": [{\"latitudeE7\": 457578000, \"longitudeE7\": 48320000, \"timestamp\": \"2025-03-"
                .getBytes(StandardCharsets.UTF_8);
        byte[] zip = zip(Map.of("checking.ofx", read(Corpus.file("ofx/checking.ofx")),
                "faulty.ofx", read(Corpus.file("ofx/fail_nice__decimal_error.ofx")),
                "Records.json", truncated));

        JsonNode done = awaitEnd(location(upload("?name=exports.zip&lenient=true", "application/zip", zip)));

        assertThat(done.get("state").stringValue()).isEqualTo("done");
        assertThat(done.get("lenient").booleanValue()).isTrue();
        assertThat(report(done, "exports.zip!/checking.ofx").get("added").asLong()).isEqualTo(4);
        // fail_nice__decimal_error.ofx has one transaction whose date cannot be read, and its account.
        JsonNode faulty = report(done, "exports.zip!/faulty.ofx");
        assertThat(faulty.get("status").stringValue()).isEqualTo("imported");
        assertThat(faulty.get("rejected").asLong()).isEqualTo(1);
        assertThat(faulty.get("added").asLong()).isEqualTo(1);
        JsonNode broken = report(done, "exports.zip!/Records.json");
        assertThat(broken.get("status").stringValue()).isEqualTo("failed");
        assertThat(broken.get("problem").get("status").asInt()).isEqualTo(422);
        assertThat(broken.get("problem").get("detail").stringValue()).startsWith("exports.zip!/Records.json: /locations/0");
        assertThat(vault.imports().batches(camille.id())).hasSize(2);
    }

    @Test
    void theQuarantineOfABatchIsReadAPageAtATimeByPositionAndReason() {
        long batch = vault.imports().write(camille.id(), new ImportRequest(BANK, "csv", "releve.csv"), Stream.<ImportItem>of(
                SyntheticRecords.rent(LocalDate.of(2025, 1, 1), 2),
                new Rejection(Position.line(3), "expected an amount such as -12.34"),
                new Rejection(Position.line(5), "expected a date as DD/MM/YYYY"),
                new Rejection(Position.line(8), "expected 6 columns, found 4"))).id().value();

        HttpResponse<String> first = client.get("/api/v1/batches/" + batch + "/rejects?limit=2");
        JsonNode firstPage = ApiClient.json(first);
        JsonNode lastPage = ApiClient.json(client.get("/api/v1/batches/" + batch + "/rejects?limit=2&after="
                + firstPage.get("next").asLong()));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(firstPage.get("rejects")).hasSize(2);
        JsonNode reject = firstPage.get("rejects").get(0);
        assertThat(reject.get("number").asLong()).isEqualTo(1);
        assertThat(reject.get("position").stringValue()).isEqualTo(Position.line(3).value());
        assertThat(reject.get("reason").stringValue()).isEqualTo("expected an amount such as -12.34");
        assertThat(firstPage.get("next").asLong()).isEqualTo(2);
        assertThat(lastPage.get("rejects")).hasSize(1);
        assertThat(lastPage.get("rejects").get(0).get("position").stringValue()).isEqualTo(Position.line(8).value());
        assertThat(lastPage.has("next")).isFalse();
        assertProblem(client.get("/api/v1/batches/" + (batch + 1) + "/rejects"), 404);
        assertProblem(client.get("/api/v1/batches/nothing/rejects"), 404);
        assertProblem(client.get("/api/v1/batches/" + batch + "/rejects?limit=0"), 400);
        assertProblem(client.get("/api/v1/batches/" + batch + "/rejects?page=2"), 400);
    }

    @Test
    void aStrictImportOfAnArchiveWithABrokenFileFailsAndStillReportsEveryFile() {
        byte[] zip = zip(Map.of("checking.ofx", read(Corpus.file("ofx/checking.ofx")),
                "faulty.ofx", read(Corpus.file("ofx/fail_nice__decimal_error.ofx"))));

        JsonNode failed = awaitEnd(location(upload("?name=exports.zip", "application/zip", zip)));

        assertThat(failed.get("state").stringValue()).isEqualTo("failed");
        assertThat(failed.get("problem").get("detail").stringValue()).startsWith("exports.zip: nothing was imported, "
                + "since 1 of its 2 files could not be read: exports.zip!/faulty.ofx");
        JsonNode checking = report(failed, "exports.zip!/checking.ofx");
        assertThat(checking.get("status").stringValue()).isEqualTo("unwritten");
        assertThat(checking.get("added").asLong()).isEqualTo(4);
        assertThat(checking.has("batch")).isFalse();
        assertThat(report(failed, "exports.zip!/faulty.ofx").get("status").stringValue()).isEqualTo("failed");
        assertThat(vault.imports().batches(camille.id())).isEmpty();
    }

    @Test
    void aRejectedRowIsShownWithItsTextAndImportedAgainOnceCorrected() {
        String statement = "Date;Libellé;Montant(EUROS)\n28/10/2026;\"CARTE X1234\";-4,60\n"
                + "15/10/2026;\"LIBRAIRIE DU PARC\";douze euros\n";
        JsonNode imported = awaitEnd(location(upload("?name=releve.csv&lenient=true", "application/octet-stream",
                statement.getBytes(StandardCharsets.UTF_8)))).get("files").get(0);
        long batch = imported.get("batch").asLong();
        String rejects = "/api/v1/batches/" + batch + "/rejects";
        JsonNode reject = ApiClient.json(client.get(rejects)).get("rejects").get(0);
        String corrected = reject.get("text").stringValue().replace("douze euros", "-12,00");

        HttpResponse<String> stillWrong = client.post(rejects + "/1/import", json("text", "Date;Libellé;Montant(EUROS)\n"
                + "15/10/2026;\"LIBRAIRIE DU PARC\";douze"));
        HttpResponse<String> again = client.post(rejects + "/1/import", json("text", corrected));

        assertThat(imported.get("rejected").asLong()).isEqualTo(1);
        assertThat(reject.get("position").stringValue()).isEqualTo("line 3");
        assertThat(reject.get("text").stringValue())
                .isEqualTo("Date;Libellé;Montant(EUROS)\n15/10/2026;\"LIBRAIRIE DU PARC\";douze euros");
        assertProblem(stillWrong, 422);
        assertThat(ApiClient.json(stillWrong).get("detail").stringValue())
                .isEqualTo("releve (line 3, corrected).csv: line 2: expected an amount such as -1 234,56 in column "
                        + "'Montant(EUROS)'");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode file = ApiClient.json(again).get("files").get(0);
        assertThat(file.get("file").stringValue()).isEqualTo("releve (line 3, corrected).csv");
        assertThat(file.get("added").asLong()).isEqualTo(1);
        assertThat(file.get("source").asLong()).isEqualTo(imported.get("source").asLong());
        assertThat(ApiClient.json(client.get(rejects)).get("rejects")).isEmpty();
        assertThat(vault.imports().batch(camille.id(), BatchId.of(batch)).orElseThrow().rejected()).isZero();
        assertProblem(client.post(rejects + "/1/import", json("text", corrected)), 404);
    }

    @Test
    void aRejectedRecordsTextIsItsOwnersOnly() {
        long batch = vault.imports().write(camille.id(), new ImportRequest(BANK, "csv", "releve.csv"), Stream.<ImportItem>of(
                new Rejection(Position.line(3), "expected an amount", Optional.empty(),
                        Optional.of("03/02/2025;PHARMACIE;??")))).id().value();
        ApiClient other = new ApiClient(server);
        other.signIn("dominique", TestServers.PASSWORD);

        assertProblem(other.get("/api/v1/batches/" + batch + "/rejects"), 404);
        assertProblem(other.post("/api/v1/batches/" + batch + "/rejects/1/import", json("text", "03/02/2025;PHARMACIE;-1")),
                404);
        assertThat(ApiClient.json(client.get("/api/v1/batches/" + batch + "/rejects")).get("rejects").get(0).get("text")
                .stringValue()).isEqualTo("03/02/2025;PHARMACIE;??");
    }

    @Test
    void anUploadLargerThanTheLimitIsRefusedAndLeavesNothingBehind() {
        byte[] large = new byte[(int) UPLOAD_LIMIT * 4];

        HttpResponse<String> declared = upload("?name=large.ofx", "application/octet-stream", large);
        HttpResponse<String> chunked = client.send(client.request("/api/v1/imports?name=large.ofx")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))));

        assertProblem(declared, 413);
        assertProblem(chunked, 413);
        assertThat(ApiClient.json(chunked).get("type").stringValue()).isEqualTo(Problems.TYPE_BASE + "too-large");
        assertThat(vault.imports().batches(camille.id())).isEmpty();
        assertThat(ApiClient.json(client.get("/api/v1/imports")).get("imports")).isEmpty();
        assertThat(vault.inProgress().held()).isZero();
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsForbidden() {
        client.forgetCsrfToken();

        assertProblem(upload("?name=checking.ofx", "application/octet-stream", read(Corpus.file("ofx/checking.ofx"))), 403);
        assertThat(vault.imports().batches(camille.id())).isEmpty();
    }

    @Test
    void anUploadOfTheBodyWithoutANameOrOfAFormWithoutAFileIsRefused() {
        assertProblem(upload("", "application/octet-stream", new byte[] {1, 2, 3}), 400);
        byte[] fieldsOnly = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n--" + BOUNDARY
                + "--\r\n").getBytes(StandardCharsets.UTF_8);
        assertProblem(upload("", "multipart/form-data; boundary=" + BOUNDARY, fieldsOnly), 400);
        assertProblem(upload("?name=a.ofx&lenient=maybe", "application/octet-stream", new byte[] {1}), 400);
        assertThat(vault.inProgress().held()).isZero();
    }

    @Test
    void anImportIsOnlyItsOwnersToSee() {
        String location = location(upload("?name=checking.ofx", "application/octet-stream",
                read(Corpus.file("ofx/checking.ofx"))));
        awaitEnd(location);
        ApiClient other = new ApiClient(server);
        other.signIn("dominique", TestServers.PASSWORD);

        assertProblem(other.get(location), 404);
        assertProblem(other.get(location + "/events"), 404);
        assertThat(ApiClient.json(other.get("/api/v1/imports")).get("imports")).isEmpty();
        assertThat(ApiClient.json(client.get("/api/v1/imports")).get("imports")).hasSize(1);
        assertProblem(client.get("/api/v1/imports/not-an-import"), 404);
    }

    @Test
    void theEventsOfAnImportEndWithItsReport() {
        String location = location(upload("?name=checking.ofx", "application/octet-stream",
                read(Corpus.file("ofx/checking.ofx"))));

        HttpResponse<String> events = client.get(location + "/events");

        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/event-stream"));
        String[] data = events.body().lines().filter(line -> line.startsWith("data: ")).toArray(String[]::new);
        assertThat(events.body()).startsWith("event: progress\n");
        JsonNode last = ApiClient.json(data[data.length - 1].substring("data: ".length()));
        assertThat(last.get("state").stringValue()).isEqualTo("done");
        assertThat(last.get("files").get(0).get("added").asLong()).isEqualTo(4);
    }

    private static String json(String field, String value) {
        return ApiJson.mapper().createObjectNode().put(field, value).toString();
    }

    private HttpResponse<String> upload(String query, String contentType, byte[] body) {
        return client.send(client.request("/api/v1/imports" + query)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String location(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return accepted.headers().firstValue("Location").orElseThrow();
    }

    /** Polls the import until it is done or failed, as a page would. */
    private JsonNode awaitEnd(String location) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = client.get(location);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode job = ApiClient.json(response);
            String state = job.get("state").stringValue();
            if (state.equals("done") || state.equals("failed")) {
                return job;
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the import " + location + " did not end within " + PATIENCE);
    }

    private static JsonNode report(JsonNode job, String file) {
        for (JsonNode report : job.get("files")) {
            if (report.get("file").stringValue().equals(file)) {
                return report;
            }
        }
        throw new AssertionError("no report for " + file + " in " + job);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains(Problems.MEDIA_TYPE);
        assertThat(ApiClient.json(response).get("status").asInt()).isEqualTo(status);
    }

    private static byte[] form(String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nfrom the bank\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
