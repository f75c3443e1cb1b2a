package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One source erased from the account page's API, as {@code selfdata erase --source} does: confirmed by typing the
 * source's number, its records gone and the rest of the account kept.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class SourceErasureRoutesTest {
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    @RegisterExtension
    final RunningServer running;
    private final Vault vault;
    private final Person camille;
    private ApiClient client;

    SourceErasureRoutesTest(Engine engine) {
        running = new RunningServer(engine);
        vault = running.vault();
        camille = vault.person(Optional.of("camille"));
    }

    @BeforeEach
    void importPointsThenCoffees() {
        // Source 1: twelve location points; source 2: three coffees.
        running.importLocationPoints(12);
        vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "statement.ofx"),
                IntStream.range(0, 3).mapToObj(day -> SyntheticRecords.coffee(MONDAY.plusDays(day), day + 1)));
        running.start();
        client = running.camille();
    }

    @Test
    void theSourceConfirmedByItsNumberIsErasedAndTheOtherStays() {
        HttpResponse<String> erased = client.post("/api/v1/sources/2/erasure", "{\"source\":\"2\"}");

        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(ApiClient.json(erased)).isEqualTo(ApiClient.json("""
                {"sources":1,"batches":1,"records":3}"""));
        JsonNode status = ApiClient.json(client.get("/api/v1/status"));
        assertThat(status.get("records").asLong()).isEqualTo(12);
        assertThat(status.get("sources")).hasSize(1);
    }

    @Test
    void anotherNumberOrNoneIsRefusedAndErasesNothing() {
        HttpResponse<String> another = client.post("/api/v1/sources/2/erasure", "{\"source\":\"1\"}");
        HttpResponse<String> none = client.post("/api/v1/sources/2/erasure", "{}");
        HttpResponse<String> unknown = client.post("/api/v1/sources/7/erasure", "{\"source\":\"7\"}");
        HttpResponse<String> notANumber = client.post("/api/v1/sources/two/erasure", "{\"source\":\"two\"}");

        assertThat(another.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(another).get("detail").stringValue())
                .isEqualTo("the number given is not this source's; type it exactly to confirm; nothing was erased");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(none).get("detail").stringValue())
                .isEqualTo("the request needs a 'source' as a JSON string");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(unknown).get("detail").stringValue()).isEqualTo("there is no source with this number");
        assertThat(notANumber.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(client.get("/api/v1/status")).get("records").asLong()).isEqualTo(15);
    }
}
