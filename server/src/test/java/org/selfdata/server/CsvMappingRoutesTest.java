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
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CSV file no importer recognizes, mapped in the import page: the suggested mapping and the first rows, a check of
 * the mapping as the form stands, then the mapping saved, and the next file of the same layout read with it.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class CsvMappingRoutesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String MARCH = """
            12/03/2025;CARTE X1234 11/03 BOULANGERIE DU MARCHE;-4,50;
            12/03/2025;VIR SEPA RECU DE MME DURAND;1 250,00;
            13/03/2025;PRLV SEPA EDF;-62,17;
            """;
    private static final String APRIL = """
            02/04/2025;CARTE X1234 01/04 LIBRAIRIE;-23,90;
            03/04/2025;PRLV SEPA ORANGE;-39,99;
            """;
    private static final Map<String, String> GUESSED = mapping("header", "false", "delimiter", ";",
            "date-pattern", "dd/MM/yyyy", "decimal-mark", "comma", "column.date", "1", "column.amount", "3",
            "column.label", "2");

    @RegisterExtension
    final RunningServer running;
    private final Vault vault;
    private final Person camille;
    private ApiClient client;

    CsvMappingRoutesTest(Engine engine) {
        running = new RunningServer(engine);
        vault = running.vault();
        camille = vault.person(Optional.of("camille"));
    }

    @BeforeEach
    void start() {
        running.start();
        client = running.camille();
    }

    @Test
    void theFirstRowsOfAHeaderlessBankFileSuggestAMappingAndArePreviewed() {
        HttpResponse<String> response = client.post(CsvMappingRoutes.PATH + "/guess", head(MARCH));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode guess = ApiClient.json(response);
        assertThat(guess.get("fingerprint").stringValue()).matches("[0-9a-f]{32}");
        assertThat(guess.get("saved").booleanValue()).isFalse();
        assertThat(guess.get("encoding").stringValue()).isEqualTo("UTF-8");
        assertThat(guess.get("columns").asInt()).isEqualTo(4);
        assertThat(guess.get("header").booleanValue()).isFalse();
        assertThat(keys(guess.get("mapping"))).isEqualTo(GUESSED);
        assertThat(guess.get("preview")).hasSize(3);
        assertThat(guess.get("preview").get(2).get(1).stringValue()).isEqualTo("PRLV SEPA EDF");
    }

    @Test
    void aCheckReadsTheFirstRowsWithTheMappingAsTheFormStands() {
        Map<String, String> wrongPattern = new LinkedHashMap<>(GUESSED);
        wrongPattern.put("date-pattern", "yyyy-MM-dd");

        JsonNode good = ApiClient.json(client.post(CsvMappingRoutes.PATH + "/check", body(MARCH, GUESSED)));
        HttpResponse<String> wrong = client.send(client.request(CsvMappingRoutes.PATH + "/check")
                .header("Content-Type", "application/json").header("Accept-Language", "fr")
                .POST(HttpRequest.BodyPublishers.ofString(body(MARCH, wrongPattern))));

        assertThat(good.get("rows")).hasSize(3);
        JsonNode second = good.get("rows").get(1);
        assertThat(second.get("position").stringValue()).isEqualTo("line 2");
        assertThat(second.get("date").stringValue()).isEqualTo("2025-03-12");
        assertThat(second.get("amount").stringValue()).isEqualTo("1250.00");
        assertThat(second.get("currency").stringValue()).isEqualTo("EUR");
        assertThat(second.get("label").stringValue()).isEqualTo("VIR SEPA RECU DE MME DURAND");
        assertThat(second.has("problem")).isFalse();
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(wrong).get("rows").get(0).get("problem").stringValue())
                .isEqualTo("on attendait une date écrite yyyy-MM-dd dans la colonne 1");
    }

    @Test
    void aMappingThatIsNoneIsRefusedWithTheKeyAtFault() {
        Map<String, String> mark = new LinkedHashMap<>(GUESSED);
        mark.put("decimal-mark", "virgule");
        Map<String, String> unknown = new LinkedHashMap<>(GUESSED);
        unknown.put("column.libelle", "2");

        HttpResponse<String> badMark = client.post(CsvMappingRoutes.PATH + "/check", body(MARCH, mark));
        HttpResponse<String> badKey = client.post(CsvMappingRoutes.PATH, body(MARCH, unknown));
        HttpResponse<String> noHead = client.post(CsvMappingRoutes.PATH + "/guess", "{\"head\":\"not base64!\"}");
        HttpResponse<String> notBank = client.post(CsvMappingRoutes.PATH + "/guess", head("name;email\nCamille;c@example.org\n"));

        assertProblem(badMark, 400, "decimal-mark: expected comma, point or auto");
        assertThat(ApiClient.json(badKey).get("detail").stringValue()).startsWith("unknown key in the CSV mapping: "
                + "'column.libelle'; known keys are account, ");
        assertProblem(noHead, 400, "head: expected the first bytes of the file in base64, at most 65536 of them");
        assertProblem(notBank, 422, "the first rows of this file hold no column of dates beside a column of amounts, so "
                + "no mapping can be suggested");
        assertThat(vault.csvMappings().all(camille.id())).isEmpty();
    }

    @Test
    void aMappingThatReadsNoRowIsNotSaved() {
        Map<String, String> swapped = new LinkedHashMap<>(GUESSED);
        swapped.put("column.date", "2");

        HttpResponse<String> refused = client.post(CsvMappingRoutes.PATH, body(MARCH, swapped));

        assertProblem(refused, 422, "this mapping reads none of the first rows of the file as a transaction: check the "
                + "date, amount and label columns");
        assertThat(vault.csvMappings().all(camille.id())).isEmpty();
    }

    @Test
    void aFileRefusedAsUnknownIsImportedOnceMappedAndTheNextOfItsLayoutWithoutAsking() {
        JsonNode refused = awaitEnd(upload("releve-mars.csv", MARCH));
        assertThat(refused.get("state").stringValue()).isEqualTo("failed");
        assertThat(refused.get("problem").get("type").stringValue()).isEqualTo(Problems.type(
                org.selfdata.model.ErrorCode.UNSUPPORTED_FORMAT));
        assertThat(refused.get("mappable").booleanValue()).isTrue();
        assertThat(awaitEnd(upload("contacts.csv", "name;email\nCamille;c@example.org\n")).has("mappable")).isFalse();

        HttpResponse<String> saved = client.post(CsvMappingRoutes.PATH, body(MARCH, GUESSED));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        JsonNode march = awaitEnd(upload("releve-mars.csv", MARCH));
        JsonNode april = awaitEnd(upload("releve-avril.csv", APRIL));

        assertThat(march.get("files").get(0).get("format").stringValue()).isEqualTo("mapped-csv");
        assertThat(march.get("files").get(0).get("added").asLong()).isEqualTo(3);
        assertThat(april.get("files").get(0).get("format").stringValue()).isEqualTo("mapped-csv");
        assertThat(april.get("files").get(0).get("added").asLong()).isEqualTo(2);
        JsonNode again = ApiClient.json(client.post(CsvMappingRoutes.PATH + "/guess", head(APRIL)));
        assertThat(again.get("saved").booleanValue()).isTrue();
        assertThat(again.get("fingerprint").stringValue()).isEqualTo(ApiJson.mapper().readTree(saved.body())
                .get("fingerprint").stringValue());
    }

    @Test
    void anotherPersonsFilesAreNotReadWithCamillesMapping() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.people().setPassword(dominique.id(), TestServers.PASSWORD.toCharArray());
        assertThat(client.post(CsvMappingRoutes.PATH, body(MARCH, GUESSED)).statusCode()).isEqualTo(201);
        ApiClient other = new ApiClient(running.server());
        assertThat(other.signIn("dominique", TestServers.PASSWORD).statusCode()).isEqualTo(200);

        JsonNode guess = ApiClient.json(other.post(CsvMappingRoutes.PATH + "/guess", head(APRIL)));
        client = other;
        JsonNode upload = awaitEnd(upload("releve-avril.csv", APRIL));

        assertThat(guess.get("saved").booleanValue()).isFalse();
        assertThat(upload.get("state").stringValue()).isEqualTo("failed");
        assertThat(vault.csvMappings().all(dominique.id())).isEmpty();
    }

    private static Map<String, String> mapping(String... keysAndValues) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            keys.put(keysAndValues[index], keysAndValues[index + 1]);
        }
        return keys;
    }

    private static Map<String, String> keys(JsonNode node) {
        Map<String, String> keys = new LinkedHashMap<>();
        node.properties().forEach(entry -> keys.put(entry.getKey(), entry.getValue().stringValue()));
        return keys;
    }

    private static String head(String file) {
        return ApiJson.mapper().createObjectNode().put("head", base64(file)).toString();
    }

    private static String body(String file, Map<String, String> mapping) {
        ObjectNode body = ApiJson.mapper().createObjectNode().put("head", base64(file));
        ObjectNode keys = body.putObject("mapping");
        mapping.forEach(keys::put);
        return body.toString();
    }

    private static String base64(String file) {
        return Base64.getEncoder().encodeToString(file.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains(Problems.MEDIA_TYPE);
        assertThat(ApiClient.json(response).get("detail").stringValue()).isEqualTo(detail);
    }

    private String upload(String name, String file) {
        HttpResponse<String> accepted = client.send(client.request("/api/v1/imports?name=" + name)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file.getBytes(StandardCharsets.UTF_8))));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return accepted.headers().firstValue("Location").orElseThrow();
    }

    private JsonNode awaitEnd(String location) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = ApiClient.json(client.get(location));
            String state = job.get("state").stringValue();
            if (List.of("done", "failed").contains(state)) {
                return job;
            }
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the import " + location + " did not end within " + PATIENCE);
    }
}
