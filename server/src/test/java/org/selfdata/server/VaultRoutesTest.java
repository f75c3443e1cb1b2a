package org.selfdata.server;

import org.selfdata.testing.SteppingClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Person;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.Vault;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.selfdata.vault.SyntheticRecords.BANK;
import static org.selfdata.vault.SyntheticRecords.LOCATION_HISTORY;
import static org.selfdata.vault.SyntheticRecords.coffee;
import static org.selfdata.vault.SyntheticRecords.rent;

class VaultRoutesTest {
    private static final LocalDate DAY = LocalDate.of(2025, 1, 1);

    private final SteppingClock clock = new SteppingClock(Instant.parse("2025-06-01T08:00:00Z"));

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE, clock);
    private final Vault vault = running.vault();
    private ApiClient client;

    @BeforeEach
    void startServerOverTwoSources() {
        Person camille = vault.person(Optional.of("camille"));
        vault.imports().write(camille.id(), new ImportRequest(LOCATION_HISTORY, "google-records", "Records.json"),
                SyntheticRecords.points(60));
        clock.advance(Duration.ofMinutes(5));
        vault.imports().write(camille.id(), new ImportRequest(BANK, "ofx", "relevé janvier.ofx"),
                Stream.of(rent(DAY, 1), coffee(DAY.plusDays(1), 2), coffee(DAY.plusDays(1), 3)));
        clock.advance(Duration.ofMinutes(5));
        SourceDescriptor savings = SourceDescriptor.file("Banque Exemple", "livret ••4321");
        vault.imports().write(camille.id(), new ImportRequest(savings, "ofx", "livret.ofx"), Stream.empty());
        running.start();
        client = running.camille();
    }

    @Test
    void statusTellsWhatTheVaultHoldsPerSourceAndPerType() {
        HttpResponse<String> response = client.get("/api/v1/status");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"person":{"handle":"camille","zone":"Europe/Paris"},
                 "sources":[
                   {"id":1,"kind":"file","organization":"Google","label":"Location History",
                    "organizationName":"Google","labelName":"Location History","createdAt":"2025-06-01T08:00:00.000Z",
                    "records":60,"firstStart":"2025-01-01T00:00:00.000Z","lastEnd":"2025-01-01T00:59:00.000Z"},
                   {"id":2,"kind":"file","organization":"Banque Exemple","label":"account ••6789",
                    "organizationName":"Banque Exemple","labelName":"account ••6789",
                    "createdAt":"2025-06-01T08:05:00.000Z","records":3,
                    "firstStart":"2024-12-31T23:00:00.000Z","lastEnd":"2025-01-02T23:00:00.000Z"},
                   {"id":3,"kind":"file","organization":"Banque Exemple","label":"livret ••4321",
                    "organizationName":"Banque Exemple","labelName":"livret ••4321",
                    "createdAt":"2025-06-01T08:10:00.000Z","records":0}],
                 "types":[
                   {"type":"bank.transaction","records":3,
                    "firstStart":"2024-12-31T23:00:00.000Z","lastEnd":"2025-01-02T23:00:00.000Z"},
                   {"type":"geo.point","records":60,
                    "firstStart":"2025-01-01T00:00:00.000Z","lastEnd":"2025-01-01T00:59:00.000Z"}],
                 "batches":3,
                 "records":63}
                """));
    }

    @Test
    void sourcesAreListedWithTheirKindAndLabel() {
        HttpResponse<String> response = client.get("/api/v1/sources");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"sources":[
                  {"id":1,"kind":"file","organization":"Google","label":"Location History",
                   "organizationName":"Google","labelName":"Location History","createdAt":"2025-06-01T08:00:00.000Z"},
                  {"id":2,"kind":"file","organization":"Banque Exemple","label":"account ••6789",
                   "organizationName":"Banque Exemple","labelName":"account ••6789","createdAt":"2025-06-01T08:05:00.000Z"},
                  {"id":3,"kind":"file","organization":"Banque Exemple","label":"livret ••4321",
                   "organizationName":"Banque Exemple","labelName":"livret ••4321","createdAt":"2025-06-01T08:10:00.000Z"}]}
                """));
    }

    @Test
    void aSourcesNamesAreSaidInTheLanguageTheRequestPrefersWhileWhatIsStoredStaysAsItIs() {
        HttpResponse<String> response = client.send(client.request("/api/v1/sources")
                .header("Accept-Language", "fr-FR,fr;q=0.9").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(response).get("sources").valueStream()
                .map(source -> source.get("label").stringValue() + " = " + source.get("labelName").stringValue())
                .toList())
                .containsExactly("Location History = Historique des positions", "account ••6789 = compte ••6789",
                        "livret ••4321 = livret ••4321");
    }

    @Test
    void batchesTellWhatEachImportAddedWithItsFileName() {
        HttpResponse<String> response = client.get("/api/v1/batches");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"batches":[
                  {"id":1,"source":1,"format":"google-records","fileName":"Records.json","startedAt":"2025-06-01T08:00:00.000Z",
                   "finishedAt":"2025-06-01T08:00:00.000Z","added":60,"duplicates":0,"rejected":0},
                  {"id":2,"source":2,"format":"ofx","fileName":"relevé janvier.ofx","startedAt":"2025-06-01T08:05:00.000Z",
                   "finishedAt":"2025-06-01T08:05:00.000Z","added":3,"duplicates":0,"rejected":0},
                  {"id":3,"source":3,"format":"ofx","fileName":"livret.ofx","startedAt":"2025-06-01T08:10:00.000Z",
                   "finishedAt":"2025-06-01T08:10:00.000Z","added":0,"duplicates":0,"rejected":0}]}
                """));
    }

    @Test
    void theLatestBatchesAreTheNewestOnesStillOldestFirst() {
        HttpResponse<String> latest = client.get("/api/v1/batches?latest=2");

        assertThat(ApiClient.json(latest).get("batches").valueStream().map(batch -> batch.get("id").asLong()))
                .containsExactly(2L, 3L);
        assertThat(client.get("/api/v1/batches?latest=9").body()).contains("\"id\":1", "\"id\":3");
        assertThat(client.get("/api/v1/batches?latest=0").statusCode()).isEqualTo(400);
    }
}
