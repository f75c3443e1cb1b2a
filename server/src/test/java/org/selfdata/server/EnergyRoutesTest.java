package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

/** 100 Wh every half-hour of 15 January 2025 in Paris: 4.8 kWh that day, nothing before or after. */
class EnergyRoutesTest {
    private static final Instant FIFTEENTH = LocalDate.of(2025, 1, 15).atStartOfDay(TestVaults.PARIS).toInstant();

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final Vault vault = running.vault();
    private ApiClient client;

    @BeforeEach
    void startServerOverOneDayOfHalfHours() {
        Person camille = vault.person(Optional.of("camille"));
        OneDayOfHalfHours.write(vault, camille, FIFTEENTH);
        running.start();
        client = running.camille();
    }

    @Test
    void daysOfThePersonsCalendarGiveTheirKilowattHoursInColumns() {
        HttpResponse<String> response = client.get("/api/v1/energy?from=2025-01-15&to=2025-01-17&step=day");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode energy = ApiClient.json(response);
        assertThat(energy.get("starts").toString()).isEqualTo("[1736895600,1736982000]");
        assertThat(energy.get("ends").toString()).isEqualTo("[1736982000,1737068400]");
        assertThat(energy.get("values").toString()).isEqualTo("[4.8,0.0]");
        assertThat(energy.get("kilowattHours").doubleValue()).isEqualTo(4.8);
    }

    @Test
    void theRawCurveOfAZoomedRangeIsTheHalfHours() {
        JsonNode energy = ApiClient.json(client.get("/api/v1/energy?from=2025-01-15T11:00:00Z&to=2025-01-15T12:00:00Z&step=raw"));

        assertThat(energy.get("starts").toString()).isEqualTo("[1736938800,1736940600]");
        assertThat(energy.get("values").toString()).isEqualTo("[0.1,0.1]");
    }

    @Test
    void withoutAPeriodItIsTheYearEndingWithTheLatestReadingsDay() {
        JsonNode energy = ApiClient.json(client.get("/api/v1/energy"));

        assertThat(energy.get("from").stringValue()).isEqualTo("2024-01-15T23:00:00.000Z");
        assertThat(energy.get("to").stringValue()).isEqualTo("2025-01-15T23:00:00.000Z");
        assertThat(energy.get("values")).hasSize(366);
        assertThat(energy.get("kilowattHours").doubleValue()).isEqualTo(4.8);
    }

    @Test
    void withoutPeriodsTheLatestMonthIsComparedWithTheSameMonthAYearBefore() {
        JsonNode comparison = ApiClient.json(client.get("/api/v1/energy/comparison"));

        assertThat(comparison.get("period").get("from").stringValue()).isEqualTo("2024-12-31T23:00:00.000Z");
        assertThat(comparison.get("period").get("values")).hasSize(31);
        assertThat(comparison.get("period").get("kilowattHours").doubleValue()).isEqualTo(4.8);
        assertThat(comparison.get("against").get("from").stringValue()).isEqualTo("2023-12-31T23:00:00.000Z");
        assertThat(comparison.get("against").get("kilowattHours").doubleValue()).isZero();
        assertThat(comparison.has("changePercent")).isFalse();
    }

    @Test
    void theBillPricesTheDayUnderEachOptionWithTheShippedTariffsAndSaysBaseAt6KvaWasAssumed() {
        HttpResponse<String> response = client.get("/api/v1/energy/bill");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode bill = ApiClient.json(response);
        assertThat(bill.get("split").booleanValue()).isTrue();
        JsonNode january = bill.get("months").get(0);
        assertThat(january.get("month").stringValue()).isEqualTo("2025-01");
        assertThat(january.get("kilowattHours").doubleValue()).isEqualTo(4.8);
        assertThat(january.get("offPeakKilowattHours").doubleValue()).isEqualTo(1.6);
        // A day of January's subscription and its energy: base 12.67 / 31 + 4.8 × 0.2016; off-peak 13.09 / 31
        // + 3.2 × 0.2146 + 1.6 × 0.1696; Tempo, a blue day, 12.96 / 31 + 3.2 × 0.1552 + 1.6 × 0.1288.
        assertThat(january.get("costs").toString()).isEqualTo("{\"base\":1.38,\"off-peak\":1.38,\"tempo\":1.12}");
        JsonNode priced = bill.get("priced");
        assertThat(priced.get("option").stringValue()).isEqualTo("base");
        assertThat(priced.get("kva").intValue()).isEqualTo(6);
        assertThat(priced.get("assumed").booleanValue()).isTrue();
        assertThat(priced.get("appliesFrom").stringValue()).isEqualTo("2025-02-01");
        assertThat(priced.get("cheapest").stringValue()).isEqualTo("tempo");
        assertThat(priced.has("settlement")).as("a day is no year, and no debit was found").isFalse();
        assertThat(bill.has("instalments")).isFalse();
        assertThat(bill.has("unpriced")).isFalse();
    }

    @Test
    void theBillUnderTheOptionAndPowerThePersonSays() {
        JsonNode priced = ApiClient.json(client.get("/api/v1/energy/bill?option=tempo&kva=9")).get("priced");

        assertThat(priced.get("option").stringValue()).isEqualTo("tempo");
        assertThat(priced.get("kva").intValue()).isEqualTo(9);
        assertThat(priced.get("assumed").booleanValue()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/energy/bill?option=gas|parameter 'option': an option is base, off-peak or tempo",
            "/api/v1/energy/bill?kva=six|parameter 'kva': a subscribed power is a whole number of kVA, such as 6",
            "/api/v1/energy/bill?option=tempo&kva=7|the tariff table has no subscription for the tempo option at 7 kVA; "
                    + "it has one at 6, 9, 12 kVA",
            "/api/v1/energy/bill?from=2025-01-01|unknown parameter 'from'; this takes option, kva"})
    void aBillForAnOptionOrPowerThatIsNoneIsRefusedWithAProblem(String path, String detail) {
        HttpResponse<String> response = client.get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response).get("detail").stringValue()).isEqualTo(detail);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/v1/energy?step=second|parameter 'step': a step is one of raw, hour, day, week or month",
            "/api/v1/energy?from=yesterday|parameter 'from' must be a day such as 2025-01-31 or an instant such as "
                    + "2025-01-31T23:00:00Z, in the years 0000 to 9999",
            "/api/v1/energy?from=2025-01-15&to=2025-01-14|the period's end must be later than its start",
            "/api/v1/energy?from=2024-01-01&to=2025-01-01&step=raw|the readings themselves come over at most 31 days; choose "
                    + "the step hour, day, week or month for a longer period",
            "/api/v1/energy?from=2024-01-01&to=2025-01-01&step=hour|a period gives at most 1500 points; choose a longer step "
                    + "or a shorter period",
            "/api/v1/energy?meter=1|unknown parameter 'meter'; this takes from, to, step",
            "/api/v1/energy/comparison?against=2024-01|unknown parameter 'against'; this takes from, to, againstFrom, "
                    + "againstTo, step"})
    void aRangeOrStepThatIsNoneIsRefusedWithAProblem(String path, String detail) {
        HttpResponse<String> response = client.get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(response).get("detail").stringValue()).isEqualTo(detail);
    }
}
