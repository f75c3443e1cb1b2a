package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.selfdata.vault.Engine;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Each bad parameter of {@code GET /api/v1/records} is refused with a problem that names it. */
class RecordParametersTest {
    @RegisterExtension
    final RunningServer running = RunningServer.started(Engine.SQLITE);
    private final ApiClient client = running.camille();

    static Stream<Arguments> badParameters() {
        return Stream.of(
                arguments("limit=0", "parameter 'limit' must be a whole number from 1 to 1000"),
                arguments("limit=1001", "parameter 'limit' must be a whole number from 1 to 1000"),
                arguments("limit=ten", "parameter 'limit' must be a whole number from 1 to 1000"),
                arguments("limit=10&limit=20", "parameter 'limit' is given 2 times; give it once"),
                arguments("type=geo.pont", "parameter 'type': unknown record type 'geo.pont'; known types: bank.account, "
                        + "bank.transaction, geo.point, geo.visit, geo.trip, energy.reading, contact, calendar.event, "
                        + "social.message, social.post, document"),
                arguments("category=pd:Nope", "parameter 'category': unknown personal-data category 'pd:Nope'; "
                        + "expected a DPV term such as pd:Transaction"),
                arguments("from=yesterday", "parameter 'from' must be a day such as 2025-01-31 or an instant such as "
                        + "2025-01-31T23:00:00Z, in the years 0000 to 9999"),
                arguments("to=2025-02-30", "parameter 'to' must be a day such as 2025-01-31 or an instant such as "
                        + "2025-01-31T23:00:00Z, in the years 0000 to 9999"),
                arguments("from=2025-01-02&to=2025-01-02", "parameter 'to' must be later than 'from'"),
                arguments("from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z", "parameter 'to' must be later than 'from'"),
                arguments("after=not-a-cursor", "parameter 'after': the record id or cursor is not one this vault gave out"),
                arguments("typ=geo.point",
                        "unknown parameter 'typ'; this takes type, category, from, to, limit, after"));
    }

    @ParameterizedTest
    @MethodSource("badParameters")
    void aBadParameterIsNamed(String query, String detail) {
        HttpResponse<String> response = client.get("/api/v1/records?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"type":"/problems/invalid-argument","title":"Invalid argument","status":400,
                 "detail":"%s","instance":"/api/v1/records"}""".formatted(detail)));
    }

    @Test
    void aBadParameterIsNamedInTheLanguageTheRequestPrefers() {
        HttpResponse<String> unknown = client.send(client.request("/api/v1/records?typ=geo.point")
                .header("Accept-Language", "fr").GET());
        HttpResponse<String> badType = client.send(client.request("/api/v1/records?type=geo.pont")
                .header("Accept-Language", "fr").GET());

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknown).get("detail").stringValue()).isEqualTo(
                "paramètre inconnu « typ » ; ici, on donne type, category, from, to, limit, after");
        assertThat(ApiClient.json(badType).get("detail").stringValue()).startsWith("paramètre « type » : ");
    }
}
