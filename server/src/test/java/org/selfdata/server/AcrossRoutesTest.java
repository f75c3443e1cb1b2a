package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the owner's sources tell together, through the API, when one of them is missing: a meter read for a day but no
 * location at all. Nothing is guessed: each finding says, in the reader's language, why it cannot be worked out. What
 * the demo person's sources tell is checked against the generator in the demo module.
 */
class AcrossRoutesTest {
    private static final Instant FIFTEENTH = LocalDate.of(2025, 1, 15).atStartOfDay(TestVaults.PARIS).toInstant();

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final Vault vault = running.vault();
    private ApiClient client;

    @BeforeEach
    void startServerOverOneDayOfReadingsAndNoLocations() {
        Person camille = vault.person(Optional.of("camille"));
        OneDayOfHalfHours.write(vault, camille, FIFTEENTH);
        running.start();
        client = running.camille();
    }

    @Test
    void withoutLocationsNoDayAwayIsToldAndNoSubscriptionIsSetBesideThem() {
        HttpResponse<String> response = client.get("/api/v1/across");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode across = ApiClient.json(response);
        assertThat(across.get("away").get("found").booleanValue()).isFalse();
        assertThat(across.get("away").has("finding")).isFalse();
        assertThat(across.get("away").get("reason").stringValue())
                .startsWith("Days away cannot be told without a home found in the locations.")
                .contains("Not enough nights recorded to place a home");
        assertThat(across.get("commute").get("found").booleanValue()).isFalse();
        assertThat(across.get("commute").get("reason").stringValue())
                .isEqualTo("No home is found in your locations, so no journey can be told a commute.");
        assertThat(across.get("venues")).isEmpty();
        assertThat(across.get("venuesUnchecked").stringValue())
                .isEqualTo("There are no locations to set these subscriptions beside.");
    }

    @Test
    void theReasonsAreGivenInTheReadersLanguage() {
        JsonNode across = ApiClient.json(client.send(client.request("/api/v1/across").header("Accept-Language", "fr").GET()));

        assertThat(across.get("away").get("reason").stringValue())
                .startsWith("Sans domicile trouvé dans les positions, les jours d’absence ne peuvent pas être repérés.");
        assertThat(across.get("venuesUnchecked").stringValue())
                .isEqualTo("Il n’y a aucune position à mettre en regard de ces abonnements.");
    }

    @Test
    void aParameterIsRefusedSinceTheFindingsTakeNone() {
        HttpResponse<String> response = client.get("/api/v1/across?from=2025-01-01");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ApiClient.json(response).get("detail").stringValue()).contains("unknown parameter 'from'");
    }
}
