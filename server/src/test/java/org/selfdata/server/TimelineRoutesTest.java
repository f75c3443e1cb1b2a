package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** {@code GET /api/v1/timeline}: counts per step in the owner's zone, and every bad parameter refused by name. */
class TimelineRoutesTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);

    static Stream<Arguments> badParameters() {
        return Stream.of(
                arguments("step=fortnight", "a timeline's step is one of day, week, month"),
                arguments("from=2025-03-02&to=2025-03-01", "a timeline's 'to' must be a later day than its 'from'"),
                arguments("from=2025-03-01&to=2025-03-01", "a timeline's 'to' must be a later day than its 'from'"),
                arguments("from=2024-01-01&to=2026-01-02&step=day", "a timeline by day needs both 'from' and 'to', at most "
                        + "731 days apart; count by month over a longer span"),
                arguments("step=week", "a timeline by week needs both 'from' and 'to', at most 3653 days apart; count by "
                        + "month over a longer span"),
                arguments("from=2025-03-01T00:00:00Z",
                        "parameter 'from' must be a day such as 2025-03-01, in the years 0000 to 9999"),
                arguments("to=1%20March", "parameter 'to' must be a day such as 2025-03-01, in the years 0000 to 9999"),
                arguments("step=day&step=week", "parameter 'step' is given 2 times; give it once"),
                arguments("type=geo.pont", "parameter 'type': unknown record type 'geo.pont'; known types: bank.account, "
                        + "bank.transaction, geo.point, geo.visit, geo.trip, energy.reading, contact, calendar.event, "
                        + "social.message, social.post, document"),
                arguments("limit=10", "unknown parameter 'limit'; this takes from, to, step, type"));
    }

    @ParameterizedTest
    @MethodSource("badParameters")
    void aBadParameterIsRefusedWithAProblemThatSaysWhy(String query, String detail) {
        running.start();

        HttpResponse<String> response = running.camille().get("/api/v1/timeline?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"type":"/problems/invalid-argument","title":"Invalid argument","status":400,
                 "detail":"%s","instance":"/api/v1/timeline"}""".formatted(detail)));
    }

    @Test
    void theTimelineCountsEachTypePerStepInTheOwnersZoneLeavingOutEmptySteps() {
        Person camille = running.vault().people().find("camille").orElseThrow();
        running.vault().imports().write(camille.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.coffee(LocalDate.of(2025, 3, 2), 1), // Sunday: the week of 24 February
                        SyntheticRecords.coffee(LocalDate.of(2025, 3, 3), 2), // Monday: the week of 3 March
                        SyntheticRecords.rent(LocalDate.of(2025, 3, 5), 3),
                        SyntheticRecords.rent(LocalDate.of(2025, 3, 20), 4))); // the week of 17 March
        running.start();

        HttpResponse<String> response = running.camille()
                .get("/api/v1/timeline?from=2025-02-01&to=2025-04-01&step=week&type=bank.transaction");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"step":"week","zone":"Europe/Paris","steps":[
                  {"start":"2025-02-24","counts":{"bank.transaction":1}},
                  {"start":"2025-03-03","counts":{"bank.transaction":2}},
                  {"start":"2025-03-17","counts":{"bank.transaction":1}}]}"""));
    }

    @Test
    void withoutParametersTheWholeVaultIsCountedByMonth() {
        Person camille = running.vault().people().find("camille").orElseThrow();
        running.vault().imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                "Records.json"), SyntheticRecords.points(3)); // 2025-01-01, 00:00 to 00:02 UTC: 01:00 in Paris
        running.start();

        HttpResponse<String> response = running.camille().get("/api/v1/timeline");

        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"step":"month","zone":"Europe/Paris","steps":[{"start":"2025-01-01","counts":{"geo.point":3}}]}"""));
    }
}
