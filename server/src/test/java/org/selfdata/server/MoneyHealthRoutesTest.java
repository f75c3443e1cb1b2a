package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Camille's April 2025 of care ({@link CareLines}); Éloïse has no bank line at all. */
class MoneyHealthRoutesTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient camille;
    private ApiClient eloise;

    @BeforeEach
    void importCamillesCareAndStart() {
        CareLines.importApril(running.vault(), running.vault().person(Optional.of("camille")));
        Person other = running.vault().people().create("eloise", TestVaults.PARIS);
        running.vault().people().setPassword(other.id(), TestServers.PASSWORD.toCharArray());
        running.start();
        camille = running.camille();
        eloise = new ApiClient(running.server());
        eloise.signIn("eloise", TestServers.PASSWORD);
    }

    @Test
    void theOwnerGetsHerVisitWithWhatEachInsurerPaidBackWhatRemainedAndTheLinesUsed() {
        HttpResponse<String> response = camille.get("/api/v1/money/health?from=2025-04&to=2025-04");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = ApiClient.json(response);
        assertThat(answer.get("asOf").stringValue()).isEqualTo("2025-04-30");
        assertThat(answer.get("enoughHistory").booleanValue()).isFalse();
        assertThat(answer.get("mutualSeen").booleanValue()).isTrue();
        assertThat(answer.get("acts")).hasSize(2);
        JsonNode visit = answer.get("acts").get(0);
        assertThat(visit.get("day").stringValue()).isEqualTo("2025-04-01");
        assertThat(visit.get("kind").stringValue()).isEqualTo("doctor");
        assertThat(visit.get("national").get("amount").decimalValue()).isEqualByComparingTo("19.00");
        assertThat(visit.get("national").get("days").intValue()).isEqualTo(7);
        assertThat(visit.get("mutual").get("amount").decimalValue()).isEqualByComparingTo("9.00");
        assertThat(visit.get("remaining").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(visit.get("status").stringValue()).isEqualTo("reimbursed");
        assertThat(visit.get("confidence").stringValue()).isEqualTo("high");
        assertThat(visit.has("waiting")).isFalse();
        assertThat(visit.get("explore").stringValue()).isEqualTo("/explore?record=" + visit.get("id").stringValue());
        assertThat(camille.get("/api/v1/records/" + visit.get("national").get("id").stringValue()).statusCode())
                .isEqualTo(200);
        JsonNode pharmacy = answer.get("acts").get(1);
        assertThat(pharmacy.get("status").stringValue()).isEqualTo("not-yet");
        assertThat(pharmacy.get("usuallyPaidDirectly").booleanValue()).isTrue();
        assertThat(pharmacy.get("waiting").get("days").intValue()).isEqualTo(8);
        assertThat(pharmacy.get("waiting").get("longerThanUsual").booleanValue()).isFalse();
        assertThat(answer.get("totals").get("remaining").decimalValue()).isEqualByComparingTo("14.30");
        assertThat(answer.get("premiums").get("payees").get(0).get("total").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(answer.get("premiums").get("reimbursed").decimalValue()).isEqualByComparingTo("9.00");
        assertThat(answer.get("usual").get(0).get("fromHistory").booleanValue()).isFalse();
    }

    @Test
    void withoutAPeriodItIsTheYearEndingWithTheLatestLine() {
        JsonNode answer = ApiClient.json(camille.get("/api/v1/money/health"));

        assertThat(answer.get("from").stringValue()).isEqualTo("2024-05");
        assertThat(answer.get("to").stringValue()).isEqualTo("2025-04");
        assertThat(answer.get("totals").get("acts").intValue()).isEqualTo(2);
    }

    @Test
    void anotherPersonSeesOnlyTheirOwnNothingAndNobodySignedInIsRefused() {
        HttpResponse<String> other = eloise.get("/api/v1/money/health?from=2025-04&to=2025-04");
        HttpResponse<String> nobody = new ApiClient(running.server()).get("/api/v1/money/health");

        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(other).get("acts")).isEmpty();
        assertThat(ApiClient.json(other).has("since")).isFalse();
        assertThat(other.body()).doesNotContain("MARTIN").doesNotContain("HARMONIE");
        assertThat(nobody.statusCode()).isEqualTo(401);
        assertThat(nobody.body()).doesNotContain("MARTIN");
    }

    @Test
    void anUnknownParameterOrAMonthThatIsNotOneIsRefusedNamingIt() {
        HttpResponse<String> unknown = camille.get("/api/v1/money/health?days=30");
        HttpResponse<String> month = camille.get("/api/v1/money/health?from=avril");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknown).get("detail").stringValue()).contains("'days'");
        assertThat(month.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(month).get("detail").stringValue()).contains("'from'");
    }
}
