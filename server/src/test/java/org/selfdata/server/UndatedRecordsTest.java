package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.vault.Engine;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An address book whose second card has no revision date (REV), imported through the API beside three location points
 * of January 2025: the card has no time in the records, the status and the timeline, rather than 1 January 1970.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class UndatedRecordsTest {
    static final String ADDRESS_BOOK = """
            BEGIN:VCARD\r
            VERSION:4.0\r
            FN:Alix Martin\r
            REV:20250105T120000Z\r
            END:VCARD\r
            BEGIN:VCARD\r
            VERSION:4.0\r
            FN:Bao Nguyen\r
            END:VCARD\r
            """;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @RegisterExtension
    final RunningServer running;
    private ApiClient client;

    UndatedRecordsTest(Engine engine) {
        running = new RunningServer(engine);
    }

    @BeforeEach
    void importPointsAndAnAddressBook() {
        running.importLocationPoints(3);
        running.start();
        client = running.camille();
        importAddressBook(client);
    }

    @Test
    void aCardWithoutRevisionComesLastWithNeitherStartNorEnd() {
        JsonNode records = ApiClient.json(client.get("/api/v1/records")).get("records");

        assertThat(records.values()).extracting(record -> record.get("type").stringValue())
                .containsExactly("geo.point", "geo.point", "geo.point", "contact", "contact");
        JsonNode undated = records.get(4);
        assertThat(undated.get("payload").get("displayName").stringValue()).isEqualTo("Bao Nguyen");
        assertThat(undated.has("start")).isFalse();
        assertThat(undated.has("end")).isFalse();
        assertThat(records.get(3).get("start").stringValue()).isEqualTo("2025-01-05T12:00:00Z");
        JsonNode found = ApiClient.json(client.get("/api/v1/records/" + undated.get("id").stringValue()));
        assertThat(found.has("start")).isFalse();
    }

    @Test
    void aPeriodLeavesTheUndatedCardOutEvenFrom1970() {
        assertThat(displayNames("/api/v1/records?type=contact&from=1970-01-01")).containsExactly("Alix Martin");
        assertThat(displayNames("/api/v1/records?type=contact&to=2100-01-01")).containsExactly("Alix Martin");
    }

    @Test
    void theTimelineAndTheStatusSpanOnlyWhatHasATime() {
        assertThat(client.get("/api/v1/timeline").body()).isEqualTo("""
                {"step":"month","zone":"Europe/Paris","steps":[{"start":"2025-01-01","counts":{"geo.point":3,"contact":1}}]}""");
        JsonNode contacts = ApiClient.json(client.get("/api/v1/status")).get("types").values().stream()
                .filter(type -> type.get("type").stringValue().equals("contact")).findFirst().orElseThrow();
        assertThat(contacts.toString()).isEqualTo("""
                {"type":"contact","records":2,"firstStart":"2025-01-05T12:00:00.000Z","lastEnd":"2025-01-05T12:00:00.000Z"}""");
    }

    private List<String> displayNames(String path) {
        HttpResponse<String> response = client.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        ApiClient.json(response).get("records").values()
                .forEach(record -> names.add(record.get("payload").get("displayName").stringValue()));
        return names;
    }

    /** Uploads the address book and waits for its import to end. */
    static void importAddressBook(ApiClient client) {
        HttpResponse<String> accepted = client.send(client.request("/api/v1/imports?name=contacts.vcf")
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ADDRESS_BOOK.getBytes(StandardCharsets.UTF_8))));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = ApiClient.json(client.get(location));
            if (job.get("state").stringValue().equals("done")) {
                return;
            }
            assertThat(job.get("state").stringValue()).as(job.toString()).isNotEqualTo("failed");
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the import", e);
            }
        }
        throw new AssertionError("the import did not end within " + PATIENCE);
    }
}
