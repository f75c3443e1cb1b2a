package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Person;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.selfdata.vault.SyntheticRecords.BANK;
import static org.selfdata.vault.SyntheticRecords.LOCATION_HISTORY;

@ParameterizedClass
@EnumSource(Engine.class)
class RecordRoutesTest {
    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);
    private static final int POINTS = 1_200;

    @RegisterExtension
    final RunningServer running;
    private final Vault vault;
    private final Person camille;
    private Person dominique;
    private ApiClient client;

    RecordRoutesTest(Engine engine) {
        running = new RunningServer(engine);
        vault = running.vault();
        camille = vault.person(Optional.of("camille"));
    }

    @BeforeEach
    void startServerOverPointsAndTransactions() {
        dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.imports().write(camille.id(), new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json"),
                SyntheticRecords.points(POINTS));
        vault.imports().write(camille.id(), new ImportRequest(BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.rent(DAY, 1), SyntheticRecords.coffee(DAY.plusDays(1), 2)));
        vault.imports().write(dominique.id(), new ImportRequest(BANK, "ofx", "releve.ofx"),
                Stream.of(SyntheticRecords.rent(DAY, 1)));
        running.start();
        client = running.camille();
    }

    @Test
    void pagingVisitsEveryRecordOnceInOrder() {
        List<String> ids = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
            String after = next.map(cursor -> "&after=" + cursor).orElse("");
            JsonNode page = ApiClient.json(client.get("/api/v1/records?limit=500" + after));
            page.get("records").forEach(record -> ids.add(record.get("id").stringValue()));
            pageSizes.add(page.get("records").size());
            next = Optional.ofNullable(page.get("next")).map(JsonNode::stringValue);
            next.ifPresent(cursor -> assertThat(cursor).isEqualTo(ids.getLast()));
        }
        while (next.isPresent());

        assertThat(pageSizes).containsExactly(500, 500, 202);
        assertThat(new HashSet<>(ids)).hasSize(POINTS + 2);
        assertThat(ids.stream().map(RecordId::fromToken).toList()).isSorted();
    }

    @Test
    void aPageThatIsNotFullHasNoNext() {
        JsonNode page = ApiClient.json(client.get("/api/v1/records?type=bank.transaction&limit=2"));
        JsonNode last = ApiClient.json(client.get("/api/v1/records?type=bank.transaction&limit=3"));

        assertThat(page.get("records")).hasSize(2);
        assertThat(page.get("next").stringValue()).isEqualTo(page.get("records").get(1).get("id").stringValue());
        assertThat(last.get("records")).hasSize(2);
        assertThat(last.has("next")).isFalse();
    }

    @Test
    void aRecordCarriesItsProvenanceAndItsPayloadAsStored() {
        HttpResponse<String> response = client.get("/api/v1/records?type=bank.transaction&limit=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        String id = ApiClient.json(response).get("records").get(0).get("id").stringValue();
        assertThat(response.body()).isEqualTo("""
                {"records":[{"id":"%1$s","type":"bank.transaction","category":"pd:Transaction",\
                "start":"2024-12-31T23:00:00Z","end":"2025-01-01T23:00:00Z","source":2,"batch":2,"position":"line 1",\
                "occurrence":1,"version":1,"payload":{"account":"00012346789","bookingDate":"2025-01-01","amount":-480.00,\
                "currency":"EUR","label":"PRLV SEPA LOYER","counterparty":"SCI Guillotière","kind":"DEBIT"}}],\
                "next":"%1$s"}""".formatted(id));
    }

    @Test
    void filtersNarrowByTypeCategoryAndTime() {
        assertThat(types("/api/v1/records?type=bank.transaction&limit=1000"))
                .containsExactly("bank.transaction", "bank.transaction");
        assertThat(types("/api/v1/records?category=pd:Transaction&limit=1000"))
                .containsExactly("bank.transaction", "bank.transaction");
        assertThat(types("/api/v1/records?category=pd:GPSCoordinate&limit=1000")).hasSize(1000).containsOnly("geo.point");
        assertThat(types("/api/v1/records?type=geo.point&type=bank.transaction&limit=1000")).hasSize(1000);

        JsonNode window = ApiClient.json(client.get("/api/v1/records?from=2025-01-01T00:10:00Z&to=2025-01-01T00:20:00Z"));
        List<String> starts = new ArrayList<>();
        window.get("records").forEach(record -> starts.add(record.get("start").stringValue()));
        assertThat(starts).hasSize(10).first().isEqualTo("2025-01-01T00:10:00Z");
        assertThat(starts.getLast()).isEqualTo("2025-01-01T00:19:00Z");
        assertThat(window.has("next")).isFalse();
    }

    @Test
    void aDayIsTakenWhereATimeIs() {
        JsonNode untilTheFirst = ApiClient.json(client.get("/api/v1/records?type=geo.point&to=2025-01-01"));
        JsonNode theFirst = ApiClient.json(client.get("/api/v1/records?type=geo.point&from=2025-01-01&to=2025-01-02&limit=1"));

        assertThat(untilTheFirst.get("records")).isEmpty();
        assertThat(theFirst.get("records").get(0).get("start").stringValue()).isEqualTo("2025-01-01T00:00:00Z");
    }

    @Test
    void aRecordIsFoundByItsId() {
        JsonNode listed = ApiClient.json(client.get("/api/v1/records?type=geo.point&limit=1")).get("records").get(0);

        HttpResponse<String> response = client.get("/api/v1/records/" + listed.get("id").stringValue());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(response)).isEqualTo(listed);
        assertThat(response.body())
                .endsWith(",\"payload\":{\"latitude\":45.75,\"longitude\":4.85,\"accuracyMeters\":10,\"origin\":\"GPS\"}}");
    }

    @Test
    void anotherPersonsRecordIsNotFound() {
        RecordId dominiques = firstRecord(dominique).id();

        HttpResponse<String> response = client.get("/api/v1/records/" + dominiques.token());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("{\"type\":\"/problems/not-found\","
                + "\"title\":\"Not found\",\"status\":404,\"detail\":\"there is no record " + dominiques.token() + "\","
                + "\"instance\":\"/api/v1/records/" + dominiques.token() + "\"}"));
        assertThat(client.get("/api/v1/records/" + dominiques.token() + "/history").statusCode()).isEqualTo(404);
    }

    @Test
    void aMalformedIdIsNotFound() {
        HttpResponse<String> response = client.get("/api/v1/records/not-a-record");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(response).get("detail").stringValue()).isEqualTo("there is no record with this id");
    }

    @Test
    void historyListsEarlierVersionsOldestFirst() {
        StoredRecord rent = firstRecord(camille);
        BankTransaction original = (BankTransaction) rent.payload();
        BankTransaction corrected = new BankTransaction(original.account(), original.bookingDate(), original.valueDate(),
                new BigDecimal("-490.00"), original.currency(), original.label(), original.counterparty(), original.reference(),
                original.memo(), original.kind(), original.bankCategory());
        vault.records().rectify(camille.id(), rent.id(), corrected);

        HttpResponse<String> response = client.get("/api/v1/records/" + rent.id().token() + "/history");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode versions = ApiClient.json(response).get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("version").intValue()).isEqualTo(1);
        assertThat(versions.get(0).get("payload").get("amount").decimalValue()).isEqualByComparingTo("-480.00");
        assertThat(versions.get(0).has("supersededAt")).isTrue();
        assertThat(versions.get(1).get("version").intValue()).isEqualTo(2);
        assertThat(versions.get(1).get("payload").get("amount").decimalValue()).isEqualByComparingTo("-490.00");
        assertThat(versions.get(1).has("supersededAt")).isFalse();
        assertThat(response.body()).contains("\"amount\":-480.00,", "\"amount\":-490.00,");
    }

    private List<String> types(String path) {
        List<String> types = new ArrayList<>();
        ApiClient.json(client.get(path)).get("records").forEach(record -> types.add(record.get("type").stringValue()));
        return types;
    }

    private StoredRecord firstRecord(Person person) {
        try (Stream<StoredRecord> records = vault.records().read(person.id(),
                org.selfdata.model.RecordQuery.ofType(RecordType.BANK_TRANSACTION).limit(1))) {
            return records.findFirst().orElseThrow();
        }
    }

}
