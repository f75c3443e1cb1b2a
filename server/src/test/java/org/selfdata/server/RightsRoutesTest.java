package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The rights desk over HTTP: an organization found, a request drafted, listed and its letter read in French. */
class RightsRoutesTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient client;

    @BeforeEach
    void start() {
        running.start();
        client = running.camille();
    }

    @Test
    void aRequestIsDraftedToAnOrganizationOfTheDirectoryAndItsLetterReadBeforeAnythingIsSent() {
        JsonNode found = ApiClient.json(client.get(RightsRoutes.PATH + "/organizations?q=clearview.ai&limit=1"));
        assertThat(found.get("organizations")).hasSize(1);
        assertThat(found.get("organizations").get(0).get("slug").stringValue()).isEqualTo("clearview-ai");
        HttpResponse<String> sender = client.send(client.request(RightsRoutes.PATH + "/sender")
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Camille Martin\",\"postalAddress\":\"12 rue de la République\\n69002 Lyon\\nFrance\"}")));
        assertThat(sender.statusCode()).as(sender.body()).isEqualTo(200);

        HttpResponse<String> drafted = client.post(RightsRoutes.PATH + "/requests", """
                {"organization": "clearview-ai", "right": "access", "channel": "letter", "language": "fr"}""");

        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        JsonNode request = ApiClient.json(drafted);
        assertThat(request.get("reference").stringValue()).matches("SD-[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(request.get("status").stringValue()).isEqualTo("draft");
        assertThat(request.has("deadline")).isFalse();
        JsonNode listed = ApiClient.json(client.get(RightsRoutes.PATH + "/requests")).get("requests");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("organizationName").stringValue()).isEqualTo("Clearview AI, Inc.");
        JsonNode letter = ApiClient.json(client.get(RightsRoutes.PATH + "/requests/" + request.get("id").stringValue()
                + "/letter"));
        assertThat(letter.get("language").stringValue()).isEqualTo("fr");
        assertThat(letter.get("subject").stringValue()).startsWith("[" + request.get("reference").stringValue() + "]");
        assertThat(letter.get("body").stringValue()).contains("article 15", "Camille Martin");
    }

    @Test
    void aSenderNotGivenYetIsAnsweredAsNotConfiguredAndOneGivenWithWhatItSays() {
        HttpResponse<String> none = client.get(RightsRoutes.PATH + "/sender");

        assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
        assertThat(none.body()).isEqualTo("{\"configured\":false}");

        HttpResponse<String> saved = client.send(client.request(RightsRoutes.PATH + "/sender")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Camille Martin\",\"email\":\"camille@example.org\"}")));
        HttpResponse<String> given = client.get(RightsRoutes.PATH + "/sender");

        assertThat(saved.body()).isEqualTo("{\"configured\":true,\"name\":\"Camille Martin\","
                + "\"email\":\"camille@example.org\"}");
        assertThat(given.statusCode()).isEqualTo(200);
        assertThat(given.body()).isEqualTo(saved.body());
    }

    @Test
    void aLetterPostedByThePersonIsRecordedAsSentWithItsDeadlineAndCannotBeSentTwice() {
        client.send(client.request(RightsRoutes.PATH + "/sender").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Camille Martin\",\"postalAddress\":\"12 rue de la République\\n69002 Lyon\"}")));
        String id = ApiClient.json(client.post(RightsRoutes.PATH + "/requests",
                "{\"organization\": \"clearview-ai\", \"right\": \"erasure\", \"channel\": \"letter\", \"language\": \"en\"}"))
                .get("id").stringValue();
        String sentToday = "{\"status\": \"sent\", \"on\": \"" + LocalDate.now(TestVaults.PARIS) + "\"}";

        HttpResponse<String> sent = client.post(RightsRoutes.PATH + "/requests/" + id + "/steps", sentToday);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        JsonNode request = ApiClient.json(sent);
        assertThat(request.get("status").stringValue()).isEqualTo("sent");
        assertThat(request.get("events").get(1).get("documents").get(0).get("mediaType").stringValue())
                .isEqualTo("application/pdf");
        assertThat(request.get("deadline").get("kind").stringValue()).isEqualTo("answer");
        assertThat(request.get("deadline").get("overdue").booleanValue()).isFalse();
        assertThat(client.post(RightsRoutes.PATH + "/requests/" + id + "/steps", sentToday).statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(client.get(RightsRoutes.PATH + "/requests/" + id)).get("events")).hasSize(2);
    }

    @Test
    void anUnknownRightIsRefusedNamingTheFieldAndTheRightsThereAre() {
        HttpResponse<String> refused = client.post(RightsRoutes.PATH + "/requests", """
                {"organization": "clearview-ai", "right": "everything", "channel": "letter"}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo("The field right takes one of: access, "
                + "portability, rectification, erasure, restriction, objection, direct-marketing-objection, "
                + "consent-withdrawal, automated-decision, recipient-notification.");
        assertThat(ApiClient.json(client.get(RightsRoutes.PATH + "/requests")).get("requests")).isEmpty();
    }
}
