package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's own organizations over HTTP: one added, one corrected and restored, faults named, and each person's own. */
class RightsOrganizationRoutesTest {
    private static final String LILAS = RightsRoutes.PATH + "/organizations/mutuelle-des-lilas";
    private static final String SNCF_CONNECT = RightsRoutes.PATH + "/organizations/sncf-connect";
    private static final String LILAS_BODY = """
            {"name": "Mutuelle des Lilas", "postalAddress": "12 rue des Lilas\\n93260 Les Lilas\\nFrance",
             "email": "dpo@mutuelle-des-lilas.example", "siren": "732 829 320"}""";

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient camille;

    @BeforeEach
    void start() {
        running.start();
        camille = running.camille();
    }

    @Test
    void anOrganizationTheDirectoryLacksIsAddedAndARequestDraftedToIt() {
        HttpResponse<String> added = put(camille, LILAS, LILAS_BODY);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).isEqualTo("{\"slug\":\"mutuelle-des-lilas\",\"name\":\"Mutuelle des Lilas\","
                + "\"email\":\"dpo@mutuelle-des-lilas.example\",\"postalAddress\":\"12 rue des Lilas\\n93260 Les Lilas"
                + "\\nFrance\",\"siren\":\"732829320\",\"categories\":[],\"authority\":false,\"origin\":\"person\","
                + "\"inDirectory\":false}");
        assertThat(camille.get(LILAS).body()).isEqualTo(added.body());
        JsonNode found = ApiClient.json(camille.get(RightsRoutes.PATH + "/organizations?q=lilas"))
                .get("organizations");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).toString()).isEqualTo(added.body());
        put(camille, RightsRoutes.PATH + "/sender", "{\"name\":\"Camille Martin\",\"postalAddress\":\"12 rue de la "
                + "République\\n69002 Lyon\\nFrance\"}");
        HttpResponse<String> drafted = camille.post(RightsRoutes.PATH + "/requests",
                "{\"organization\": \"mutuelle-des-lilas\", \"right\": \"access\", \"channel\": \"email\"}");
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        assertThat(ApiClient.json(drafted).get("organizationName").stringValue()).isEqualTo("Mutuelle des Lilas");
    }

    @Test
    void aCorrectionKeepsWhatTheDirectoryKnowsAndRemovingItBringsTheDirectorysEntryBack() {
        JsonNode directorys = ApiClient.json(camille.get(SNCF_CONNECT));
        assertThat(directorys.get("origin").stringValue()).isEqualTo("directory");
        assertThat(directorys.has("email")).isFalse();

        HttpResponse<String> corrected = put(camille, SNCF_CONNECT, """
                {"name": "SNCF Connect", "email": "dpo@sncf-connect.example", "fax": "+33 1 23 45 67 80",
                 "webForm": "https://forms.sncf-connect.com/form-50364/"}""");

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        JsonNode correction = ApiClient.json(corrected);
        assertThat(correction.get("origin").stringValue()).isEqualTo("person");
        assertThat(correction.get("inDirectory").booleanValue()).isTrue();
        assertThat(correction.get("fax").stringValue()).isEqualTo("+33 1 23 45 67 80");
        assertThat(correction.get("email").stringValue()).isEqualTo("dpo@sncf-connect.example");
        assertThat(correction.has("postalAddress")).isFalse();
        assertThat(correction.get("categories").toString()).isEqualTo("[\"travel\"]");
        assertThat(ApiClient.json(camille.get(RightsRoutes.PATH + "/organizations?q=sncf%20connect&limit=1"))
                .get("organizations").get(0).get("fax").stringValue()).isEqualTo("+33 1 23 45 67 80");

        assertThat(camille.delete(SNCF_CONNECT).statusCode()).isEqualTo(204);

        assertThat(camille.get(SNCF_CONNECT).body()).isEqualTo(directorys.toString());
        HttpResponse<String> again = camille.delete(SNCF_CONNECT);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(again).get("detail").stringValue())
                .isEqualTo("You keep no version of your own of the organization sncf-connect: there is nothing to remove.");
    }

    @Test
    void askedOnlyToAddAPutRefusesASlugAnOrganizationHasAndChangesNothing() {
        HttpResponse<String> refused = camille.send(camille.request(SNCF_CONNECT).header("Content-Type", "application/json")
                .header("If-None-Match", "*").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"SNCF Connect\", \"email\": \"dpo@sncf-connect.example\"}")));
        HttpResponse<String> added = camille.send(camille.request(LILAS).header("Content-Type", "application/json")
                .header("If-None-Match", "*").PUT(HttpRequest.BodyPublishers.ofString(LILAS_BODY)));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo("An organization already has the slug "
                + "sncf-connect: choose another to add a new one, or leave out If-None-Match to correct it.");
        assertThat(ApiClient.json(camille.get(SNCF_CONNECT)).get("origin").stringValue()).isEqualTo("directory");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    @Test
    void aFieldAtFaultIsRefusedNamingItAndNothingIsKept() {
        assertRefused(put(camille, LILAS, LILAS_BODY.replace("732 829 320", "732 829 321")),
                "siren: expected a SIREN number, nine digits with a valid check digit, such as 732 829 320");
        assertRefused(put(camille, LILAS, LILAS_BODY.replace("dpo@mutuelle-des-lilas.example", "dpo@lilas")),
                "email: expected an e-mail address such as dpo@example.org, of at most 254 characters");
        assertRefused(put(camille, LILAS, "{\"email\": \"dpo@mutuelle-des-lilas.example\"}"),
                "'name' is required and must be text");
        assertRefused(put(camille, LILAS, "{\"name\": \"Mutuelle des Lilas\", \"adress\": \"12 rue des Lilas\"}"),
                "An organization is given as a JSON object of name, postalAddress, email, phone, fax, web, webForm, "
                        + "siren and requestLanguage, and nothing else.");
        assertRefused(put(camille, RightsRoutes.PATH + "/organizations/Mutuelle", LILAS_BODY),
                "slug: expected at most 100 lower-case letters and digits, in words joined by single hyphens, "
                        + "such as free-mobile");

        assertThat(camille.get(LILAS).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherPersonNeverSeesNorChangesSomeonesOwnOrganization() {
        Person dominique = running.vault().people().create("dominique", TestVaults.PARIS);
        running.vault().people().setPassword(dominique.id(), TestServers.PASSWORD.toCharArray());
        ApiClient other = new ApiClient(running.server());
        assertThat(other.signIn("dominique", TestServers.PASSWORD).statusCode()).isEqualTo(200);
        put(camille, LILAS, LILAS_BODY);

        assertThat(other.get(LILAS).statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(other.get(RightsRoutes.PATH + "/organizations?q=lilas")).get("organizations")).isEmpty();
        assertThat(other.delete(LILAS).statusCode()).isEqualTo(404);
        assertThat(put(other, LILAS, "{\"name\": \"Les Lilas Mutuelle\", \"email\": \"contact@lilas.example\"}")
                .statusCode()).isEqualTo(201);

        assertThat(ApiClient.json(camille.get(LILAS)).get("name").stringValue()).isEqualTo("Mutuelle des Lilas");
        assertThat(ApiClient.json(other.get(LILAS)).get("name").stringValue()).isEqualTo("Les Lilas Mutuelle");
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        camille.forgetCsrfToken();

        assertThat(put(camille, LILAS, LILAS_BODY).statusCode()).isEqualTo(403);
        assertThat(camille.delete(SNCF_CONNECT).statusCode()).isEqualTo(403);
        assertThat(camille.get(LILAS).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> put(ApiClient client, String path, String json) {
        return client.send(client.request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static void assertRefused(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(ApiClient.json(response).get("detail").stringValue()).isEqualTo(detail);
    }
}
