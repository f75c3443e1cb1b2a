package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camille's rent of 480.00 on the 5th of each month from January to May 2025, among coffees; Éloïse's on 5 January and
 * 5 February only, too short a history to call anything a schedule.
 */
class MoneyRecurringRoutesTest {
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
    void theOwnerGetsHerRentWithItsPeriodAmountNextDateAndTheLinesItRestsOn() {
        HttpResponse<String> response = camille.get("/api/v1/money/recurring");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = ApiClient.json(response);
        assertThat(answer.get("since").stringValue()).isEqualTo("2025-01-05");
        assertThat(answer.get("asOf").stringValue()).isEqualTo("2025-05-05");
        assertThat(answer.get("enoughHistory").booleanValue()).isTrue();
        assertThat(answer.get("flows")).hasSize(1);
        JsonNode rent = answer.get("flows").get(0);
        assertThat(rent.get("payee").stringValue()).isEqualTo("SCI Guillotière");
        assertThat(rent.get("direction").stringValue()).isEqualTo("spending");
        assertThat(rent.get("period").stringValue()).isEqualTo("monthly");
        assertThat(rent.get("typical").decimalValue()).isEqualByComparingTo("480.00");
        assertThat(rent.get("next").stringValue()).isEqualTo("2025-06-05");
        assertThat(rent.get("status").stringValue()).isEqualTo("expected");
        assertThat(rent.get("confidence").get("onSchedule").intValue()).isEqualTo(5);
        assertThat(rent.get("occurrences")).hasSize(5);
        JsonNode first = rent.get("occurrences").get(0);
        assertThat(first.get("explore").stringValue()).isEqualTo("/explore?record=" + first.get("id").stringValue());
        assertThat(camille.get("/api/v1/records/" + first.get("id").stringValue()).statusCode()).isEqualTo(200);
    }

    @Test
    void twoRentsAMonthApartAreTooLittleHistoryAndOnlyUnsure() {
        JsonNode answer = ApiClient.json(eloise.get("/api/v1/money/recurring"));

        assertThat(answer.get("enoughHistory").booleanValue()).isFalse();
        assertThat(answer.get("flows")).isEmpty();
        assertThat(answer.get("unsure")).hasSize(1);
        assertThat(answer.get("unsure").get(0).get("period").stringValue()).isEqualTo("monthly");
        assertThat(answer.get("unsure").get(0).get("occurrences")).hasSize(2);
    }

    @Test
    void nobodySignedInIsRefusedAndAnotherPersonSeesOnlyTheirOwn() {
        HttpResponse<String> nobody = new ApiClient(running.server()).get("/api/v1/money/recurring");
        HttpResponse<String> other = eloise.get("/api/v1/money/recurring");

        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(nobody.body()).doesNotContain("SCI");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(other).get("asOf").stringValue()).isEqualTo("2025-02-05");
    }

    @Test
    void anUnknownParameterIsRefusedWithAProblem() {
        HttpResponse<String> response = camille.get("/api/v1/money/recurring?from=2025-01");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).get("detail").stringValue()).isEqualTo("unknown parameter 'from'; this takes none");
    }
}
