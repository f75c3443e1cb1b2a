package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Document;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** One change everywhere and "ask them what they hold" over HTTP, on a vault holding a source from Clearview. */
class RightsChangeRoutesTest {
    private static final String CHANGE = """
            {"detail": "email", "oldValue": "Camille.Old@Example.org", "newValue": "camille@example.org",
             "organizations": ["clearview-ai"], "language": "en"}""";

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient client;
    private long source;

    @BeforeEach
    void start() {
        Vault vault = running.vault();
        Person camille = vault.people().find("camille").orElseThrow();
        String text = "Account holder: Camille Martin <camille.old@example.org>";
        vault.imports().write(camille.id(), new ImportRequest(SourceDescriptor.file("Clearview AI, Inc.", "export"),
                "test", "export.json"), Stream.of(RecordDraft.of(TimeSpan.day(LocalDate.of(2026, 1, 5), TestVaults.PARIS),
                        new Document("Account", "text/plain", text.length(), "0".repeat(64), Optional.of(text)),
                        Position.line(1))));
        source = vault.imports().sources(camille.id()).getFirst().id().value();
        running.start();
        client = running.camille();
        client.send(client.request(RightsRoutes.PATH + "/sender").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Camille Martin\",\"postalAddress\":\"12 rue de la République\\n69002 Lyon\"}")));
    }

    @Test
    void theOrganizationsHoldingTheOldValueAreListedWithTheirEvidenceAndTheChangeIsDraftedOnceForEach() {
        HttpResponse<String> found = client.post(RightsRoutes.PATH + "/changes/candidates",
                "{\"detail\": \"email\", \"oldValue\": \"camille.old@example.org\"}");

        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        JsonNode holder = ApiClient.json(found).get("organizations").get(0);
        assertThat(ApiClient.json(found).get("organizations")).hasSize(1);
        assertThat(holder.get("slug").stringValue()).isEqualTo("clearview-ai");
        assertThat(holder.get("inDirectory").booleanValue()).isTrue();
        JsonNode evidence = holder.get("evidence").get(0);
        assertThat(evidence.get("kind").stringValue()).isEqualTo("records");
        assertThat(evidence.get("source").longValue()).isEqualTo(source);
        assertThat(evidence.get("records").intValue()).isEqualTo(1);
        assertThat(evidence.get("recordTypes").get(0).stringValue()).isEqualTo("document");

        HttpResponse<String> first = client.post(RightsRoutes.PATH + "/changes", CHANGE);
        HttpResponse<String> again = client.post(RightsRoutes.PATH + "/changes", CHANGE);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode delivery = ApiClient.json(first).get("organizations").get(0);
        assertThat(delivery.get("organization").stringValue()).isEqualTo("clearview-ai");
        assertThat(delivery.get("status").stringValue()).isEqualTo("drafted");
        assertThat(delivery.get("channel").stringValue()).isEqualTo("email");
        JsonNode repeated = ApiClient.json(again).get("organizations").get(0);
        assertThat(repeated.get("status").stringValue()).isEqualTo("drafted");
        assertThat(repeated.get("request").stringValue()).isEqualTo(delivery.get("request").stringValue());
        assertThat(ApiClient.json(client.get(RightsRoutes.PATH + "/requests")).get("requests")).hasSize(1);
        JsonNode letter = ApiClient.json(client.get(RightsRoutes.PATH + "/requests/"
                + delivery.get("request").stringValue() + "/letter"));
        assertThat(letter.get("body").stringValue()).contains("Camille.Old@Example.org", "camille@example.org");
    }

    @Test
    void aSourceIsAskedWhatItHoldsInOneCall() {
        HttpResponse<String> drafted = client.post(RightsRoutes.PATH + "/ask", "{\"source\": " + source + "}");

        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        JsonNode request = ApiClient.json(drafted);
        assertThat(request.get("organization").stringValue()).isEqualTo("clearview-ai");
        assertThat(request.get("right").stringValue()).isEqualTo("access");
        assertThat(request.get("status").stringValue()).isEqualTo("draft");
        assertThat(request.get("about").stringValue()).startsWith(
                "the data I have already received from Clearview AI, Inc.: 1 record (documents), from ");
        assertThat(request.get("organizationInDirectory").booleanValue()).isTrue();
    }

    @Test
    void anAskToASourceTheDirectoryLacksSaysSoBesideItsDraft() {
        Vault vault = running.vault();
        Person camille = vault.people().find("camille").orElseThrow();
        vault.imports().write(camille.id(), new ImportRequest(SourceDescriptor.file("Mutuelle des Lilas", "export"),
                "test", "card.json"), Stream.of(RecordDraft.of(TimeSpan.day(LocalDate.of(2026, 1, 6), TestVaults.PARIS),
                        new Document("Card", "text/plain", 4, "0".repeat(64), Optional.of("Card")), Position.line(1))));
        long lilas = vault.imports().sources(camille.id()).stream()
                .filter(found -> found.organization().equals("Mutuelle des Lilas")).findFirst().orElseThrow().id().value();

        HttpResponse<String> drafted = client.post(RightsRoutes.PATH + "/ask", "{\"source\": " + lilas + "}");

        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        JsonNode request = ApiClient.json(drafted);
        assertThat(request.get("organization").stringValue()).isEqualTo("mutuelle-des-lilas");
        assertThat(request.get("organizationName").stringValue()).isEqualTo("Mutuelle des Lilas");
        assertThat(request.get("organizationInDirectory").booleanValue()).isFalse();
    }

    @Test
    void anAskNamingBothASourceAndARecipientIsRefusedAndDraftsNothing() {
        HttpResponse<String> refused = client.post(RightsRoutes.PATH + "/ask",
                "{\"source\": " + source + ", \"recipient\": \"rcp_x\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).get("detail").stringValue())
                .isEqualTo("Name either a source or a recipient to ask, not both.");
        assertThat(ApiClient.json(client.get(RightsRoutes.PATH + "/requests")).get("requests")).isEmpty();
    }

    @Test
    void anUnknownDetailIsRefusedNamingTheDetailsThereAre() {
        HttpResponse<String> refused = client.post(RightsRoutes.PATH + "/changes/candidates",
                "{\"detail\": \"fax\", \"oldValue\": \"01 23 45 67 89\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).get("detail").stringValue())
                .isEqualTo("The field detail takes one of: address, email, phone, name.");
    }
}
