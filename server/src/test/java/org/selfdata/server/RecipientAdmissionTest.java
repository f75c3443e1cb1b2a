package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's second finding, over HTTP: Dominique, another person of Camille's vault, rewrote the declaration of a
 * recipient Camille relies on, and Camille's next consent check found exact location justified. Recipients and their
 * declarations are the vault's catalogue: every person reads it, and only the operator (Camille, its first person)
 * writes it.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RecipientAdmissionTest {
    private static final URI CALLBACK = URI.create("https://alertes.example/callback");
    private static final String OPERATOR_ONLY = "only the vault's operator admits recipients and their declarations";

    @RegisterExtension
    final RunningServer running;
    private final Vault vault;
    private ApiClient camille;
    private ApiClient dominique;

    RecipientAdmissionTest(Engine engine) {
        running = new RunningServer(engine);
        vault = running.vault();
    }

    @BeforeEach
    void startWithCamilleAndDominique() {
        Person member = vault.people().create("dominique", TestVaults.PARIS);
        vault.people().setPassword(member.id(), TestServers.PASSWORD.toCharArray());
        running.start();
        camille = running.camille();
        dominique = new ApiClient(running.server());
        dominique.signIn("dominique", TestServers.PASSWORD);
    }

    @Test
    void aMemberRegistersNoRecipientAndIsToldThatTheOperatorAdmitsThem() {
        HttpResponse<String> refused = dominique.post("/api/v1/recipients", SharingFixtures.regionalAlerts(CALLBACK));
        HttpResponse<String> malformed = dominique.post("/api/v1/recipients", "{}");

        for (HttpResponse<String> response : java.util.List.of(refused, malformed)) {
            assertForbidden(response);
        }
        assertThat(ApiClient.json(camille.get("/api/v1/recipients")).get("recipients")).isEmpty();
    }

    @Test
    void aMemberCannotRewriteTheDeclarationAnotherPersonReliesOn() {
        String recipient = SharingFixtures.registerRegionalAlerts(camille, CALLBACK);

        HttpResponse<String> rewrite = dominique.post("/api/v1/recipients/" + recipient + "/declarations",
                SharingFixtures.notificationsByRegion("exact").toString());

        assertForbidden(rewrite);
        JsonNode declaration = ApiClient.json(camille.get("/api/v1/recipients/" + recipient)).get("declaration");
        assertThat(declaration.get("version").intValue()).isEqualTo(1);
        assertThat(declaration.get("purposes").get(0).get("precision").get("location").stringValue()).isEqualTo("region");
    }

    @Test
    void everyPersonReadsTheCatalogueTheOperatorWrites() {
        String recipient = SharingFixtures.registerRegionalAlerts(camille, CALLBACK);
        HttpResponse<String> declared = camille.post("/api/v1/recipients/" + recipient + "/declarations",
                SharingFixtures.notificationsByRegion("country").toString());

        HttpResponse<String> list = dominique.get("/api/v1/recipients");
        HttpResponse<String> one = dominique.get("/api/v1/recipients/" + recipient);

        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
        assertThat(ApiClient.json(declared).get("version").intValue()).isEqualTo(2);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(list).get("recipients")).singleElement()
                .satisfies(listed -> assertThat(listed.get("id").stringValue()).isEqualTo(recipient));
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(one).get("declaration").get("version").intValue()).isEqualTo(2);
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(Problems.MEDIA_TYPE);
        assertThat(ApiClient.json(response).get("detail").stringValue()).isEqualTo(OPERATOR_ONLY);
    }
}
