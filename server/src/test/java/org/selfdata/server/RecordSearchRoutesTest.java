package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.selfdata.vault.SyntheticRecords.BANK;
import static org.selfdata.vault.SyntheticRecords.LOCATION_HISTORY;

/**
 * {@code GET /api/v1/records/search}: the owner's records that hold some words, as the listing writes them, with its
 * filters and paging, and its refusals named in the request's language.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class RecordSearchRoutesTest {
    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);

    @RegisterExtension
    final RunningServer running;
    private final Vault vault;
    private final Person camille;
    private ApiClient client;

    RecordSearchRoutesTest(Engine engine) {
        running = new RunningServer(engine);
        vault = running.vault();
        camille = vault.person(Optional.of("camille"));
    }

    @BeforeEach
    void startServerOverPointsAndTransactions() {
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.imports().write(camille.id(), new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json"),
                SyntheticRecords.points(300));
        vault.imports().write(camille.id(), new ImportRequest(BANK, "ofx", "releve.ofx"), Stream.of(
                SyntheticRecords.rent(DAY, 1), SyntheticRecords.coffee(DAY.plusDays(1), 2),
                SyntheticRecords.coffee(DAY.plusDays(2), 3), SyntheticRecords.coffee(DAY.plusDays(3), 4)));
        vault.imports().write(dominique.id(), new ImportRequest(BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.coffee(DAY, 1)));
        running.start();
        client = running.camille();
    }

    @Test
    void aSearchFindsTheRecordsHoldingItsWordsWrittenAsTheListingWritesThem() {
        HttpResponse<String> found = client.get("/api/v1/records/search?q=Guilloti%C3%A8re");
        HttpResponse<String> listed = client.get("/api/v1/records?type=bank.transaction&limit=1");

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(ApiClient.json(found).get("records")).isEqualTo(ApiClient.json(listed).get("records"));
        assertThat(found.body()).contains("\"label\":\"PRLV SEPA LOYER\",\"counterparty\":\"SCI Guillotière\"");
        assertThat(ApiClient.json(found).has("next")).isFalse();
    }

    @Test
    void wordsAreFoundWithoutCaseOrAccentsAndEachOfSeveralMustBeThere() {
        assertThat(labels("/api/v1/records/search?q=guillotiere")).containsExactly("PRLV SEPA LOYER");
        assertThat(labels("/api/v1/records/search?q=CAF%C3%89+fac")).hasSize(3).containsOnly("CB CAFE DE LA FAC");
        assertThat(labels("/api/v1/records/search?q=cafe+loyer")).isEmpty();
    }

    @Test
    void aSearchPagesWithNextAndTakesTheListingsFilters() {
        JsonNode first = ApiClient.json(client.get("/api/v1/records/search?q=cafe&limit=2"));
        String next = first.get("next").stringValue();
        JsonNode second = ApiClient.json(client.get("/api/v1/records/search?q=cafe&limit=2&after=" + next));

        assertThat(first.get("records")).hasSize(2);
        assertThat(next).isEqualTo(first.get("records").get(1).get("id").stringValue());
        assertThat(second.get("records")).hasSize(1);
        assertThat(second.has("next")).isFalse();
        assertThat(labels("/api/v1/records/search?q=cafe&from=2025-01-03&to=2025-01-04")).hasSize(1);
        assertThat(labels("/api/v1/records/search?q=cafe&type=geo.point")).isEmpty();
        assertThat(labels("/api/v1/records/search?q=cafe&category=pd:Transaction")).hasSize(3);
    }

    @Test
    void aSearchFindsNothingOfAnotherPersons() {
        HttpResponse<String> response = client.get("/api/v1/records/search?q=cafe&limit=1000");

        assertThat(ApiClient.json(response).get("records")).hasSize(3);
    }

    @Test
    void aSearchWithoutWordsIsRefusedWithWhatAndWhereInBothLanguages() {
        assertProblem(client.get("/api/v1/records/search"),
                "parameter 'q' is missing: give the words to search for, such as q=boulangerie");
        assertProblem(client.get("/api/v1/records/search?q=+-+"),
                "parameter 'q': the search holds no word; give at least one word of letters or digits");
        assertProblem(client.get("/api/v1/records/search?q=" + "a".repeat(201)),
                "parameter 'q': the search is longer than 200 characters");
        assertProblem(client.get("/api/v1/records/search?q=a+b+c+d+e+f+g+h+i"), "parameter 'q': the search has more "
                + "than 8 words; every record found holds each of them, so a few suffice");
        assertProblem(client.get("/api/v1/records/search?q=cafe&q=loyer"), "parameter 'q' is given 2 times; give it once");
        assertProblem(client.get("/api/v1/records/search?q=cafe&words=loyer"),
                "unknown parameter 'words'; this takes q, type, category, from, to, limit, after");
        assertProblem(client.get("/api/v1/records/search?q=cafe&limit=1001"),
                "parameter 'limit' must be a whole number from 1 to 1000");

        assertThat(frenchDetail("/api/v1/records/search"))
                .isEqualTo("le paramètre « q » manque : donnez les mots à chercher, par exemple q=boulangerie");
        assertThat(frenchDetail("/api/v1/records/search?q=a+b+c+d+e+f+g+h+i")).isEqualTo("paramètre « q » : la "
                + "recherche compte plus de 8 mots ; chaque enregistrement trouvé les contient tous, quelques-uns suffisent");
        assertThat(frenchDetail("/api/v1/records/search?q=cafe&words=loyer")).isEqualTo("paramètre inconnu « words » ; "
                + "ici, on donne q, type, category, from, to, limit, after");
    }

    @Test
    void theListingTakesNoWordsSinceASearchIsARouteOfItsOwn() {
        HttpResponse<String> response = client.get("/api/v1/records?q=cafe");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).get("detail").stringValue())
                .isEqualTo("unknown parameter 'q'; this takes type, category, from, to, limit, after");
    }

    private void assertProblem(HttpResponse<String> response, String detail) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"type":"/problems/invalid-argument","title":"Invalid argument","status":400,
                 "detail":"%s","instance":"/api/v1/records/search"}""".formatted(detail)));
    }

    private String frenchDetail(String path) {
        HttpResponse<String> response = client.send(client.request(path).header("Accept-Language", "fr").GET());
        assertThat(response.statusCode()).isEqualTo(400);
        return ApiClient.json(response).get("detail").stringValue();
    }

    private List<String> labels(String path) {
        List<String> labels = new ArrayList<>();
        ApiClient.json(client.get(path)).get("records")
                .forEach(record -> labels.add(record.get("payload").get("label").stringValue()));
        return labels;
    }
}
