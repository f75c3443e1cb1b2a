package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.PersonId;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.Engine;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.TestVaults;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An organization's answer over HTTP: uploaded with its files, which become records or documents, read back; the
 * checklist of art. 15 ticked; the reminder and the complaint that follow, as text and as PDF; and the answers refused
 * with nothing recorded.
 */
class RightsAnswerRoutesTest {
    private static final String BOUNDARY = "selfdata-answer-form";
    private static final String STATEMENT = """
            Date;Libellé;Montant(EUROS)
            12/01/2026;"ABONNEMENT CLEARVIEW";-9,99
            """;
    private static final byte[] PDF = "%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient client;
    private String id;
    private String path;

    @BeforeEach
    void sendARequest() {
        running.start();
        client = running.camille();
        put(RightsRoutes.PATH + "/sender", "{\"name\":\"Camille Martin\",\"postalAddress\":\"12 rue de la République\\n"
                + "69002 Lyon\"}");
        id = ApiClient.json(client.post(RightsRoutes.PATH + "/requests",
                "{\"organization\": \"clearview-ai\", \"right\": \"access\", \"channel\": \"letter\", \"language\": \"en\"}"))
                .get("id").stringValue();
        path = RightsRoutes.PATH + "/requests/" + id;
        HttpResponse<String> sent = client.post(path + "/steps", "{\"status\": \"sent\", \"on\": \"" + today() + "\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    }

    @Test
    void anAnswersFilesBecomeRecordsAndDocumentsAndAreReadBackAsAttachments() {
        HttpResponse<String> answered = answer(Map.of("answeredOn", today().toString(), "complete", "false"),
                files("statement.csv", "text/csv", STATEMENT.getBytes(StandardCharsets.UTF_8),
                        "réponse \"clearview\".pdf", "application/pdf", PDF));

        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        JsonNode body = ApiClient.json(answered);
        assertThat(body.get("request").get("status").stringValue()).isEqualTo("answered-incomplete");
        assertThat(body.get("imported").toString()).isEqualTo("{\"records\":1,\"documents\":1,\"files\":["
                + "{\"name\":\"statement.csv\",\"importer\":\"fr-bank-csv\",\"records\":1},"
                + "{\"name\":\"réponse _clearview_.pdf\",\"importer\":\"document\",\"records\":1}]}");
        JsonNode documents = body.get("request").get("events").get(2).get("documents");
        assertThat(documents).hasSize(2);
        assertThat(records()).hasSize(2);

        HttpResponse<byte[]> pdf = client.sendForBytes(client.request(path + "/documents/"
                + documents.get(1).get("id").stringValue()));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo(PDF);
        assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(pdf.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(pdf.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"r_ponse _clearview_.pdf\"; "
                + "filename*=UTF-8''r%C3%A9ponse%20%22clearview%22.pdf");
        assertThat(client.get(path + "/documents/" + documents.get(1).get("id").stringValue().replace('-', '0'))
                .statusCode()).isEqualTo(404);
    }

    /** Declared against observed: bank lines in the answer of an app that declared and received only locations. */
    @Test
    void anAnswerIsSetAgainstWhatTheRecipientOfTheOrganizationsNameDeclaredAndWasGiven() {
        answer(Map.of("answeredOn", today().toString(), "complete", "true"),
                files("statement.csv", "text/csv", STATEMENT.getBytes(StandardCharsets.UTF_8)));
        JsonNode unknown = ApiClient.json(client.get(path + "/comparison"));
        PersonId operator = running.vault().people().operator().orElseThrow().id();
        Recipient clearview = running.vault().recipients().register(operator, new RecipientIdentity("Clearview AI",
                "Clearview AI, Inc.", "US", "privacy@clearview.example", Optional.empty()),
                List.of(URI.create("https://clearview.example/selfdata/back")), Recipient.Kind.ORGANIZATION);
        running.vault().recipients().declare(operator, clearview.id(), SampleRecipients.notificationsByRegion(1));

        HttpResponse<String> compared = client.get(path + "/comparison");

        assertThat(unknown.toString()).isEqualTo("{\"differences\":[]}");
        assertThat(compared.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(compared).toString()).isEqualTo("{\"recipient\":\"" + clearview.id().value()
                + "\",\"differences\":[{\"kind\":\"undeclared\",\"type\":\"bank.transaction\",\"text\":\"Its answer "
                + "shows “Bank transactions” (1 record), which its declaration of processing does not mention.\"},"
                + "{\"kind\":\"never-given\",\"type\":\"bank.transaction\",\"text\":\"You never gave it “Bank "
                + "transactions” through selfdata, yet its answer shows 1 such record: it had them from elsewhere.\"}]}");
    }

    @Test
    void anAnswerDatedInTheFutureIsRefusedAndNothingIsRecordedOrImported() {
        HttpResponse<String> refused = answer(Map.of("answeredOn", today().plusDays(1).toString(), "complete", "true"),
                files("statement.csv", "text/csv", STATEMENT.getBytes(StandardCharsets.UTF_8)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).get("detail").stringValue()).contains(today().plusDays(1).toString());
        assertThat(ApiClient.json(client.get(path)).get("events")).hasSize(2);
        assertThat(records()).isEmpty();
    }

    @Test
    void anAnswerWithoutAFileIsRefusedAndNothingIsRecorded() {
        HttpResponse<String> refused = answer(Map.of("answeredOn", today().toString()), List.of());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).get("detail").stringValue())
                .isEqualTo("the form holds no file; send the file as a part with a filename");
        assertThat(ApiClient.json(client.get(path)).get("status").stringValue()).isEqualTo("sent");
    }

    @Test
    void anAnswerNotSentAsAFormOrWithAnUnknownCompletenessIsRefusedNamingWhatItTakes() {
        HttpResponse<String> json = client.post(path + "/answers", "{\"answeredOn\": \"" + today() + "\"}");
        HttpResponse<String> maybe = answer(Map.of("answeredOn", today().toString(), "complete", "maybe"),
                files("statement.csv", "text/csv", STATEMENT.getBytes(StandardCharsets.UTF_8)));

        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(json).get("detail").stringValue())
                .isEqualTo("send a multipart/form-data form, such as FormData in a browser or curl -F sends");
        assertThat(maybe.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(maybe).get("detail").stringValue()).isEqualTo("The field complete takes one of: true, false.");
        assertThat(records()).isEmpty();
    }

    @Test
    void aFileLargerThanTheServerTakesIsRefusedAndNothingIsRecorded() {
        running.server().close();
        running.start(TestServers.SETTINGS.withMaximumUploadBytes(64 * 1024));
        client = running.camille();

        HttpResponse<String> refused = answer(Map.of("answeredOn", today().toString()),
                files("scan.pdf", "application/pdf", new byte[100 * 1024]));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(ApiClient.json(refused).get("detail").stringValue())
                .isEqualTo("the upload is larger than this server's limit of 65536 bytes; split it, or ask the operator "
                        + "to raise the limit");
        assertThat(ApiClient.json(client.get(path)).get("events")).hasSize(2);
    }

    @Test
    void theChecklistIsTickedAndTheReminderNamesWhatIsMissing() {
        answer(Map.of("answeredOn", today().toString()), files("notes.txt", "text/plain",
                "We hold one photograph of you.".getBytes(StandardCharsets.UTF_8)));
        JsonNode prefilled = ApiClient.json(client.get(path + "/checklist"));
        assertThat(prefilled.get("items")).hasSize(10);
        assertThat(prefilled.get("items").get(0).toString())
                .isEqualTo("{\"item\":\"purposes\",\"article\":\"15(1)(a)\",\"present\":false,\"prefilled\":false}");
        assertThat(prefilled.get("items").get(9).toString())
                .isEqualTo("{\"item\":\"copy\",\"article\":\"15(3)\",\"present\":true,\"prefilled\":true}");
        assertThat(prefilled.get("missing")).hasSize(9);

        HttpResponse<String> ticked = put(path + "/checklist", "{\"present\": [\"purposes\", \"categories\", \"copy\"]}");

        assertThat(ticked.statusCode()).as(ticked.body()).isEqualTo(200);
        assertThat(ApiClient.json(ticked).get("missing").toString()).isEqualTo("[\"recipients\",\"storage-period\","
                + "\"rights\",\"complaint\",\"source\",\"automated-decisions\",\"transfer-safeguards\"]");
        assertThat(ApiClient.json(ticked).get("items").get(9).toString())
                .isEqualTo("{\"item\":\"copy\",\"article\":\"15(3)\",\"present\":true,\"prefilled\":false}");
        JsonNode reminder = ApiClient.json(client.get(path + "/reminder"));
        assertThat(reminder.get("language").stringValue()).isEqualTo("en");
        assertThat(reminder.get("body").stringValue()).contains("15(1)(d)").doesNotContain("15(3)");
        JsonNode complaint = ApiClient.json(client.get(path + "/complaint"));
        assertThat(complaint.get("language").stringValue()).isEqualTo("fr");
        assertThat(complaint.get("body").stringValue()).contains("Clearview AI, Inc.", "notes.txt");
        for (String letter : List.of("letter", "reminder", "complaint")) {
            HttpResponse<byte[]> pdf = client.sendForBytes(client.request(path + "/" + letter + "?format=pdf"));
            assertThat(pdf.statusCode()).as(letter).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).as(letter).contains("application/pdf");
            assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).as(letter)
                    .startsWith("attachment; filename=\"SD-");
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).as(letter).isEqualTo("%PDF-");
        }
    }

    @Test
    void anAnswersFilesPreFillTheChecklistAndALaterAnswerLeavesWhatThePersonUnticked() {
        answer(Map.of("answeredOn", today().toString()),
                files("statement.csv", "text/csv", STATEMENT.getBytes(StandardCharsets.UTF_8),
                        "answer.json", "application/json",
                        "{\"purposes\": [\"billing\"], \"recipients\": [\"our bank\"]}".getBytes(StandardCharsets.UTF_8)));

        assertThat(prefilled(ApiClient.json(client.get(path + "/checklist"))))
                .containsExactly("purposes", "recipients", "copy");

        JsonNode ticked = ApiClient.json(put(path + "/checklist", "{\"present\": [\"purposes\"]}"));
        answer(Map.of("answeredOn", today().toString()), files("more.txt", "text/plain",
                "Recipients: our bank\nDurée de conservation : dix ans\n".getBytes(StandardCharsets.UTF_8)));
        JsonNode later = ApiClient.json(client.get(path + "/checklist"));

        assertThat(prefilled(ticked)).isEmpty();
        assertThat(ticked.get("missing")).hasSize(9);
        assertThat(prefilled(later)).containsExactly("storage-period");
        assertThat(later.get("items").get(2).toString())
                .isEqualTo("{\"item\":\"recipients\",\"article\":\"15(1)(c)\",\"present\":false,\"prefilled\":false}");
        assertThat(later.get("items").get(9).toString())
                .isEqualTo("{\"item\":\"copy\",\"article\":\"15(3)\",\"present\":false,\"prefilled\":false}");
    }

    @Test
    void aComplaintOrAReminderForARequestSentTodayIsRefusedAsNotOverdueUntilTheOrganizationRefuses() {
        for (String letter : List.of("/complaint", "/reminder", "/complaint?format=pdf")) {
            HttpResponse<String> refused = client.get(path + letter);

            assertThat(refused.statusCode()).as(letter).isEqualTo(409);
            assertThat(ApiClient.json(refused).get("detail").stringValue()).as(letter)
                    .matches("The request SD-[0-9A-Z]{4} is not overdue: its answer is due by [A-Z][a-z]+day [0-9]{1,2} "
                            + "[A-Z][a-z]+ [0-9]{4}\\. A reminder or a complaint follows an answer that is overdue, refused "
                            + "or incomplete\\.");
        }
        client.post(path + "/steps", "{\"status\": \"refused\", \"on\": \"" + today() + "\"}");

        HttpResponse<String> complaint = client.get(path + "/complaint");

        assertThat(complaint.statusCode()).as(complaint.body()).isEqualTo(200);
        assertThat(ApiClient.json(complaint).get("body").stringValue()).contains("Clearview AI, Inc.");
    }

    @Test
    void anUnknownItemOfTheChecklistIsRefusedNamingTheItemsThereAre() {
        HttpResponse<String> refused = put(path + "/checklist", "{\"present\": [\"purposes\", \"everything\"]}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo("The field present takes one of: "
                + "purposes, categories, recipients, storage-period, rights, complaint, source, automated-decisions, "
                + "transfer-safeguards, copy.");
        assertThat(ApiClient.json(client.get(path + "/checklist")).get("missing")).hasSize(10);
    }

    @Test
    void aReminderBeforeTheRequestIsSentIsTheDesksOwnRefusal() {
        String draft = ApiClient.json(client.post(RightsRoutes.PATH + "/requests",
                "{\"organization\": \"clearview-ai\", \"right\": \"erasure\", \"channel\": \"letter\"}"))
                .get("id").stringValue();

        HttpResponse<String> refused = client.get(RightsRoutes.PATH + "/requests/" + draft + "/reminder?format=pdf");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith(Problems.MEDIA_TYPE);
        assertThat(ApiClient.json(refused).get("detail").stringValue()).startsWith("The request SD-")
                .endsWith(" was not sent yet: there is nothing to remind the organization of.");
    }

    @Test
    void aLetterInAFormatThereIsNotIsRefusedNamingTheFormats() {
        HttpResponse<String> refused = client.get(path + "/letter?format=docx");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo("The field format takes one of: json, pdf.");
    }

    /** The items of a checklist found in the answer and not yet confirmed, in the checklist's order. */
    private static List<String> prefilled(JsonNode checklist) {
        List<String> items = new ArrayList<>();
        checklist.get("items").forEach(item -> {
            if (item.get("prefilled").booleanValue()) {
                items.add(item.get("item").stringValue());
            }
        });
        return items;
    }

    private static LocalDate today() {
        return LocalDate.now(TestVaults.PARIS);
    }

    private List<StoredRecord> records() {
        try (Stream<StoredRecord> records = running.vault().records().read(
                running.vault().person(Optional.of("camille")).id(), RecordQuery.all())) {
            return records.toList();
        }
    }

    /** Files as name, media type and bytes, one after the other. */
    private static List<Object[]> files(Object... parts) {
        List<Object[]> files = new ArrayList<>();
        for (int index = 0; index < parts.length; index += 3) {
            files.add(new Object[] {parts[index], parts[index + 1], parts[index + 2]});
        }
        return files;
    }

    private HttpResponse<String> answer(Map<String, String> fields, List<Object[]> files) {
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        new LinkedHashMap<>(fields).forEach((name, value) -> form.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: "
                + "form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (Object[] file : files) {
            String name = ((String) file[0]).replace("\"", "\\\"");
            form.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: " + file[1] + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            form.writeBytes((byte[]) file[2]);
            form.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        form.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return client.send(client.request(path + "/answers")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())));
    }

    private HttpResponse<String> put(String target, String json) {
        return client.send(client.request(target).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
