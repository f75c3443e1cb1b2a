package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camille's rent of 480.00 on the 5th of each month from January to May 2025, among coffees, and no statement balance;
 * Éloïse's on 5 January and 5 February only, too short a history to forecast.
 */
class MoneyForecastRoutesTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient camille;
    private ApiClient eloise;

    @BeforeEach
    void importTheirRentsAndStart() {
        eloise = RentsOfTwoPeople.importAndStart(running);
        camille = running.camille();
    }

    @Test
    void theOwnerGetsSixtyDaysOfHerBalanceWithEachRentAndSaysItIsTheChangeWithoutAStatedBalance() {
        HttpResponse<String> response = camille.get("/api/v1/money/forecast?days=60");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = ApiClient.json(response);
        assertThat(answer.get("asOf").stringValue()).isEqualTo("2025-05-05");
        assertThat(answer.get("horizon").intValue()).isEqualTo(60);
        assertThat(answer.get("enoughHistory").booleanValue()).isTrue();
        assertThat(answer.get("fromStatement").booleanValue()).isFalse();
        assertThat(answer.get("days")).hasSize(60);
        assertThat(answer.get("dues")).extracting(due -> due.get("day").stringValue())
                .containsExactly("2025-06-05");
        assertThat(answer.get("dues").get(0).get("typical").decimalValue()).isEqualByComparingTo("480.00");
        JsonNode lowest = answer.get("lowest");
        assertThat(lowest.get("payments")).extracting(due -> due.get("payee").stringValue()).contains("SCI Guillotière");
        assertThat(lowest.get("from").stringValue()).isEqualTo("2025-06-05");
        assertThat(lowest.has("relief")).isFalse();
        JsonNode last = answer.get("days").get(59);
        assertThat(last.get("day").stringValue()).isEqualTo("2025-07-04");
        assertThat(last.get("low").decimalValue()).isLessThanOrEqualTo(last.get("expected").decimalValue());
    }

    @Test
    void withoutDaysItIsThirtyAndTwoRentsAreTooLittleHistoryToForecastAnything() {
        JsonNode answer = ApiClient.json(eloise.get("/api/v1/money/forecast"));

        assertThat(answer.get("horizon").intValue()).isEqualTo(30);
        assertThat(answer.get("enoughHistory").booleanValue()).isFalse();
        assertThat(answer.get("days")).isEmpty();
        assertThat(answer.get("dues")).isEmpty();
        assertThat(answer.has("lowest")).isFalse();
    }

    @Test
    void daysOtherThanThirtySixtyOrNinetyAreRefusedNamingTheParameterAndNobodySignedInIsRefused() {
        HttpResponse<String> fortyFive = camille.get("/api/v1/money/forecast?days=45");
        HttpResponse<String> words = camille.get("/api/v1/money/forecast?days=month");
        HttpResponse<String> nobody = new ApiClient(running.server()).get("/api/v1/money/forecast");

        assertThat(fortyFive.statusCode()).isEqualTo(400);
        assertThat(fortyFive.headers().firstValue("content-type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(ApiClient.json(fortyFive).get("detail").stringValue())
                .isEqualTo("parameter 'days': a forecast looks 30, 60 or 90 days ahead");
        assertThat(words.statusCode()).isEqualTo(400);
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(nobody.body()).doesNotContain("SCI");
    }
}
