package org.selfdata.server;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rights desk's mail over HTTP, against a real mail server: the person's mailbox given and shown without its
 * password, a draft sent by e-mail, the organization's answer fetched with its files, and the faults that leave a
 * request as it was.
 */
class RightsMailRoutesTest {
    private static final String CLEARVIEW = "legal-requests@clearview.ai";
    private static final String STATEMENT = """
            Date;Libellé;Montant(EUROS)
            12/01/2026;"ABONNEMENT CLEARVIEW";-9,99
            """;

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final OrganizationMail mail = new OrganizationMail();
    private ApiClient client;

    @BeforeEach
    void start() {
        running.start();
        client = running.camille();
        HttpResponse<String> sender = put(RightsRoutes.PATH + "/sender",
                "{\"name\":\"Camille Martin\",\"postalAddress\":\"12 rue de la République\\n69002 Lyon\"}");
        assertThat(sender.statusCode()).as(sender.body()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    @Test
    void theMailboxIsShownByItsAddressAndServersNeverItsPasswordAndCanBeForgotten() {
        assertThat(client.get(RightsRoutes.PATH + "/mailbox").body()).isEqualTo("{\"configured\":false}");

        HttpResponse<String> saved = put(RightsRoutes.PATH + "/mailbox", mail.account(OrganizationMail.PASSWORD));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).doesNotContain(OrganizationMail.PASSWORD).doesNotContain("password");
        JsonNode shown = ApiClient.json(client.get(RightsRoutes.PATH + "/mailbox"));
        assertThat(shown.get("configured").booleanValue()).isTrue();
        assertThat(shown.get("address").stringValue()).isEqualTo(OrganizationMail.PERSON);
        assertThat(shown.get("smtp").get("host").stringValue()).isEqualTo("localhost");
        assertThat(shown.get("smtp").get("security").stringValue()).isEqualTo("plain");
        assertThat(shown.get("imap").get("host").stringValue()).isEqualTo("127.0.0.1");
        assertThat(shown.toString()).isEqualTo(saved.body());
        assertThat(client.delete(RightsRoutes.PATH + "/mailbox").statusCode()).isEqualTo(204);
        assertThat(client.get(RightsRoutes.PATH + "/mailbox").body()).isEqualTo("{\"configured\":false}");
    }

    @Test
    void aMailboxWithoutItsPasswordIsRefusedNamingTheFieldAndNothingIsSaved() {
        HttpResponse<String> refused = put(RightsRoutes.PATH + "/mailbox",
                mail.account(OrganizationMail.PASSWORD).replace("\"password\"", "\"secret\""));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(ApiClient.json(refused).get("detail").stringValue())
                .isEqualTo("The mail account's settings lack the field \"password\".");
        assertThat(client.get(RightsRoutes.PATH + "/mailbox").body()).isEqualTo("{\"configured\":false}");
    }

    @Test
    void aDraftIsSentFromThePersonsMailboxAndTheAnswerFetchedWithItsFiles() throws Exception {
        put(RightsRoutes.PATH + "/mailbox", mail.account(OrganizationMail.PASSWORD));
        String id = draftByEmail();

        HttpResponse<String> sent = client.post(RightsRoutes.PATH + "/requests/" + id + "/send", "");

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        JsonNode request = ApiClient.json(sent);
        String reference = request.get("reference").stringValue();
        assertThat(request.get("status").stringValue()).isEqualTo("sent");
        assertThat(request.get("deadline").get("kind").stringValue()).isEqualTo("answer");
        assertThat(request.get("events").get(1).get("documents").get(0).get("name").stringValue()).isEqualTo("message.eml");
        MimeMessage[] received = mail.receivedBy(CLEARVIEW);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).startsWith("[" + reference + "]");
        assertThat(client.post(RightsRoutes.PATH + "/requests/" + id + "/send", "").statusCode()).isEqualTo(409);
        assertThat(mail.receivedBy(CLEARVIEW)).hasSize(1);

        Map<String, Map.Entry<String, byte[]>> files = new LinkedHashMap<>();
        files.put("statement.csv", Map.entry("text/csv", STATEMENT.getBytes(StandardCharsets.UTF_8)));
        files.put("notes.txt", Map.entry("text/plain", "One photograph of you.".getBytes(StandardCharsets.UTF_8)));
        mail.answer(CLEARVIEW, "Re: your request", Optional.of(received[0].getMessageID()), files);
        mail.answer("news@shop.example", "Winter sale", Optional.empty(), Map.of());

        HttpResponse<String> fetched = client.post(RightsRoutes.PATH + "/fetch", "");

        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo("{\"answers\":[{\"request\":\"" + id + "\",\"reference\":\"" + reference
                + "\",\"files\":2}],\"unmatched\":1,\"skipped\":0}");
        JsonNode answered = ApiClient.json(client.get(RightsRoutes.PATH + "/requests/" + id));
        assertThat(answered.get("status").stringValue()).isEqualTo("answered-incomplete");
        assertThat(ApiClient.json(client.post(RightsRoutes.PATH + "/fetch", "")).get("answers")).isEmpty();
    }

    @Test
    void aServerRefusingThePasswordIsABadGatewayAndTheRequestStaysADraft() {
        put(RightsRoutes.PATH + "/mailbox", mail.account("not the password"));
        String id = draftByEmail();

        HttpResponse<String> refused = client.post(RightsRoutes.PATH + "/requests/" + id + "/send", "");

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith(Problems.MEDIA_TYPE);
        assertThat(ApiClient.json(refused).get("detail").stringValue())
                .isEqualTo("The mail server refused the user name or the password.");
        assertThat(ApiClient.json(client.get(RightsRoutes.PATH + "/requests/" + id)).get("status").stringValue())
                .isEqualTo("draft");
        assertThat(mail.receivedBy(CLEARVIEW)).isEmpty();
    }

    @Test
    void answersAreNotFetchedWithoutAMailbox() {
        HttpResponse<String> refused = client.post(RightsRoutes.PATH + "/fetch", "");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo("No mailbox is set up for the rights "
                + "desk: give your mail server and account before sending by e-mail or fetching answers.");
    }

    private String draftByEmail() {
        HttpResponse<String> drafted = client.post(RightsRoutes.PATH + "/requests",
                "{\"organization\": \"clearview-ai\", \"right\": \"access\", \"channel\": \"email\", \"language\": \"en\"}");
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        return ApiClient.json(drafted).get("id").stringValue();
    }

    private HttpResponse<String> put(String path, String json) {
        return client.send(client.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
