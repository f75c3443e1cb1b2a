package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.EnergyReading;
import org.selfdata.model.Person;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Camille's January 2025: 10 kWh a day read by her meter, 120 € of groceries and a 60 € electricity bill; no location
 * history. Her estimate uses the shipped factors: 0.052 kg a kWh, 0.9 kg a euro of groceries.
 */
class CarbonRoutesTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final Vault vault = running.vault();
    private ApiClient client;

    @BeforeEach
    void startServerOverAMonthOfReadingsAndLines() {
        Person camille = vault.person(Optional.of("camille"));
        vault.imports().write(camille.id(), new ImportRequest(SourceDescriptor.file("Enedis", "PRM 1"), "linky", "index.csv"),
                IntStream.range(0, 31).mapToObj(day -> RecordDraft.of(TimeSpan.day(LocalDate.of(2025, 1, 1 + day),
                        TestVaults.PARIS), new EnergyReading("PRM1", EnergyReading.Quantity.ENERGY, new BigDecimal("10000"),
                        Optional.empty(), Optional.empty()), Position.line(day + 2))));
        vault.imports().write(camille.id(), new ImportRequest(SourceDescriptor.file("Banque", "compte"), "ofx", "releve.ofx"),
                Stream.of(line(LocalDate.of(2025, 1, 10), "-120.00", "CB MONOPRIX LYON", 1),
                        line(LocalDate.of(2025, 1, 12), "-60.00", "PRLV SEPA EDF CLIENTS", 2)));
        Person dominique = vault.people().create("dominique", TestVaults.PARIS);
        vault.people().setPassword(dominique.id(), TestServers.PASSWORD.toCharArray());
        running.start();
        client = running.camille();
    }

    @Test
    void theOwnersMonthCountsHerElectricityAndGroceriesEachWithItsFactorAndHerBillOnlyOnce() {
        HttpResponse<String> response = client.get("/api/v1/carbon?from=2025-01&to=2025-01");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode carbon = ApiClient.json(response);
        assertThat(carbon.has("uncomputed")).isFalse();
        JsonNode january = carbon.get("months").get(0);
        assertThat(january.get("month").stringValue()).isEqualTo("2025-01");
        assertThat(january.get("electricity").get("kilowattHours").doubleValue()).isEqualTo(310.0);
        assertThat(january.get("electricity").get("kilograms").doubleValue()).isEqualTo(16.12);
        assertThat(january.get("electricity").get("factor").get("source").stringValue()).contains("ADEME");
        JsonNode groceries = january.get("spending").get(0);
        assertThat(groceries.get("category").stringValue()).isEqualTo("groceries");
        assertThat(groceries.get("kilograms").doubleValue()).isEqualTo(108.0);
        assertThat(groceries.get("factor").get("rough").booleanValue()).isTrue();
        assertThat(groceries.get("lines")).hasSize(1);
        assertThat(january.get("spending")).hasSize(1);
        JsonNode bill = january.get("leftOut").get(0);
        assertThat(bill.get("category").stringValue()).isEqualTo("energy");
        assertThat(bill.get("covered").stringValue()).isEqualTo("readings");
        assertThat(bill.get("kilograms").doubleValue()).isZero();
        assertThat(carbon.get("kilograms").doubleValue()).isEqualTo(124.12);
        assertThat(carbon.get("sureness").get("level").stringValue()).isEqualTo("rough");
    }

    @Test
    void withoutAPeriodItIsTheYearEndingWithTheLatestMonthHerRecordsReach() {
        JsonNode carbon = ApiClient.json(client.get("/api/v1/carbon"));

        assertThat(carbon.get("from").stringValue()).isEqualTo("2024-02");
        assertThat(carbon.get("to").stringValue()).isEqualTo("2025-01");
        assertThat(carbon.get("months")).hasSize(12);
    }

    @Test
    void anotherPersonGetsTheirOwnEmptyEstimateAndNobodySignedInIsRefused() {
        ApiClient dominique = new ApiClient(running.server());
        dominique.signIn("dominique", TestServers.PASSWORD);

        HttpResponse<String> theirs = dominique.get("/api/v1/carbon?from=2025-01&to=2025-01");

        assertThat(theirs.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(theirs).get("kilograms").doubleValue()).isZero();
        assertThat(theirs.body()).doesNotContain("electricity", "groceries");
        assertThat(new ApiClient(running.server()).get("/api/v1/carbon").statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/carbon?from=January|parameter 'from' must be a month such as 2025-09, in the years 0000 to 9999",
            "/api/v1/carbon?from=2025-02&to=2025-01|the period's last month comes before its first",
            "/api/v1/carbon?mode=car|unknown parameter 'mode'; this takes from, to"})
    void aPeriodThatIsNoneIsRefusedWithAProblem(String path, String detail) {
        HttpResponse<String> response = client.get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).get("detail").stringValue()).isEqualTo(detail);
    }

    private static RecordDraft line(LocalDate day, String amount, String label, int number) {
        return RecordDraft.of(TimeSpan.day(day, TestVaults.PARIS), new BankTransaction("FR76", day, Optional.empty(),
                new BigDecimal(amount), "EUR", label, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()), Position.line(number));
    }
}
