package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.gate.Sharing;
import org.selfdata.model.GrantId;
import org.selfdata.model.LogAction;
import org.selfdata.model.Person;
import org.selfdata.model.Recipient;
import org.selfdata.vault.Engine;
import org.selfdata.vault.LogQuery;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.vault.SampleRecipients;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camille corrects her rent of 480.00 on the 5th of each month ({@link RentsOfTwoPeople}): what she says shows in her
 * recurring payments and her forecast, and is hers alone to say.
 */
class RecurringCorrectionRoutesTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient camille;
    private ApiClient eloise;
    private Person person;
    private String rent;

    @BeforeEach
    void importTheirRentsAndStart() {
        eloise = RentsOfTwoPeople.importAndStart(running);
        camille = running.camille();
        person = running.vault().person(Optional.of("camille"));
        rent = recurring().get("flows").get(0).get("key").stringValue();
    }

    @Test
    void confirmingWithANameShowsTheNameAndTheFlowAsSure() {
        HttpResponse<String> response = put(camille, rent, "{\"verdict\":\"confirmed\",\"name\":\"  Loyer \"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode corrected = ApiClient.json(response);
        assertThat(corrected.get("key").stringValue()).isEqualTo(rent);
        assertThat(corrected.get("verdict").stringValue()).isEqualTo("confirmed");
        assertThat(corrected.get("name").stringValue()).isEqualTo("Loyer");
        assertThat(corrected.get("history")).hasSize(1);
        JsonNode flow = recurring().get("flows").get(0);
        assertThat(flow.get("name").stringValue()).isEqualTo("Loyer");
        assertThat(flow.get("payee").stringValue()).isEqualTo("SCI Guillotière");
        assertThat(flow.get("yours").get("verdict").stringValue()).isEqualTo("confirmed");
        assertThat(flow.get("confidence").get("level").stringValue()).isEqualTo("high");
        assertThat(flow.get("confidence").get("score").doubleValue()).isEqualTo(1.0);
        assertThat(running.vault().log().query(person.id(), LogQuery.all().withAction(LogAction.PAYMENT_CORRECTION)))
                .hasSize(1);
    }

    @Test
    void aFlowMarkedEndedIsShownEndedAndLeavesTheForecast() {
        assertThat(forecastPayees()).contains("SCI Guillotière");

        put(camille, rent, "{\"verdict\":\"ended\"}");

        assertThat(recurring().get("flows").get(0).get("status").stringValue()).isEqualTo("ended");
        assertThat(forecastPayees()).doesNotContain("SCI Guillotière");
    }

    @Test
    void aFlowSaidNotToComeBackIsSetApartAndUndoBringsItBackWithTheHistoryKept() {
        put(camille, rent, "{\"verdict\":\"notRecurring\"}");

        JsonNode apart = recurring();
        assertThat(apart.get("flows")).isEmpty();
        assertThat(apart.get("dismissed").get(0).get("key").stringValue()).isEqualTo(rent);

        JsonNode undone = ApiClient.json(put(camille, rent, "{\"verdict\":\"undo\"}"));

        assertThat(undone.get("history").values().stream().map(step -> step.get("verdict").stringValue()).toList())
                .containsExactly("notRecurring", "undo");
        JsonNode back = recurring();
        assertThat(back.get("flows").get(0).has("yours")).isFalse();
        assertThat(back.get("dismissed")).isEmpty();
        HttpResponse<String> again = put(camille, rent, "{\"verdict\":\"undo\"}");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(again).get("detail").stringValue())
                .isEqualTo("You have no correction of this payment to take back.");
    }

    @Test
    void aBadCorrectionIsRefusedNamingTheFieldAndNothingIsKept() {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("{\"verdict\":\"maybe\"}", "'verdict' must be confirmed, ended, notRecurring or undo");
        refusals.put("{}", "'verdict' must be confirmed, ended, notRecurring or undo");
        refusals.put("{\"verdict\":\"confirmed\",\"name\":\"" + "L".repeat(81) + "\"}",
                "'name' must hold from 1 to 80 characters, the spaces at either end left out");
        refusals.put("{\"verdict\":\"ended\",\"name\":\"Lo\\nyer\"}",
                "'name' must not hold control characters such as line breaks");
        refusals.put("{\"verdict\":\"notRecurring\",\"name\":\"Loyer\"}",
                "'name' is given only with the verdicts confirmed and ended");
        refusals.put("{\"verdict\":\"confirmed\",\"name\":7}", "'name' must be text");
        refusals.put("{\"verdict\":\"confirmed\",\"note\":\"x\"}",
                "a correction holds 'verdict' and, with the verdicts confirmed and ended, 'name'; nothing else");
        refusals.put("[\"confirmed\"]",
                "a correction holds 'verdict' and, with the verdicts confirmed and ended, 'name'; nothing else");
        refusals.forEach((body, detail) -> {
            HttpResponse<String> response = put(camille, rent, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(body).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(ApiClient.json(response).get("detail").stringValue()).as(body).isEqualTo(detail);
        });
        HttpResponse<String> badKey = put(camille, "RENT", "{\"verdict\":\"confirmed\"}");
        assertThat(badKey.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(badKey).get("detail").stringValue()).startsWith("'key' must be a recurring flow's key");
        assertThat(put(camille, "0123456789abcdef", "{\"verdict\":\"ended\"}").statusCode()).isEqualTo(404);

        assertNothingKept();
        assertThat(recurring().get("flows").get(0).has("yours")).isFalse();
    }

    @Test
    void onlyTheOwnerCorrectsHerPayments() {
        Recipient meteo = SampleRecipients.meteoLocale(running.vault());
        GrantId grant = SharingFixtures.regionalNotifications(Sharing.over(running.vault(), Clock.systemUTC()),
                person.id(), meteo);
        String token = running.vault().oauthTokens().issueAccessToken(new OAuthTokens.Binding(person.id(), grant,
                meteo.id()), Duration.ofHours(1));
        ApiClient nobody = new ApiClient(running.server());
        ApiClient withoutCsrfToken = new ApiClient(running.server());
        withoutCsrfToken.useSessionToken(camille.sessionToken().orElseThrow());
        String confirm = "{\"verdict\":\"confirmed\",\"name\":\"Loyer\"}";

        HttpResponse<String> asRecipient = nobody.send(nobody.request("/api/v1/money/recurring/" + rent)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(confirm)));

        assertThat(asRecipient.statusCode()).isEqualTo(403);
        assertThat(put(nobody, rent, confirm).statusCode()).isEqualTo(401);
        assertThat(put(withoutCsrfToken, rent, confirm).statusCode()).isEqualTo(403);
        HttpResponse<String> asEloise = put(eloise, rent, confirm);
        assertThat(asEloise.statusCode()).as("her own two rents are too few to be a flow").isEqualTo(404);
        assertNothingKept();
        Person other = running.vault().person(Optional.of("eloise"));
        assertThat(running.vault().recurringCorrections().kept(other.id())).isEmpty();
    }

    private void assertNothingKept() {
        assertThat(running.vault().recurringCorrections().kept(person.id())).isEmpty();
        assertThat(running.vault().log().query(person.id(), LogQuery.all().withAction(LogAction.PAYMENT_CORRECTION)))
                .isEmpty();
    }

    private JsonNode recurring() {
        return ApiClient.json(camille.get("/api/v1/money/recurring"));
    }

    private List<String> forecastPayees() {
        return ApiClient.json(camille.get("/api/v1/money/forecast?days=60")).get("dues").values().stream()
                .map(due -> due.get("payee").stringValue()).toList();
    }

    private static HttpResponse<String> put(ApiClient client, String key, String json) {
        return client.send(client.request("/api/v1/money/recurring/" + key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
