package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.selfdata.vault.SyntheticRecords.BANK;
import static org.selfdata.vault.SyntheticRecords.coffee;
import static org.selfdata.vault.SyntheticRecords.rent;

/** Rent of 480.00 on 5 January 2025 and two coffees of 1.20 on 6 January, without a statement's balance. */
class MoneyRoutesTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final Vault vault = running.vault();
    private ApiClient client;

    @BeforeEach
    void startServerOverThreeLines() {
        Person camille = vault.person(Optional.of("camille"));
        LocalDate fifth = LocalDate.of(2025, 1, 5);
        vault.imports().write(camille.id(), new ImportRequest(BANK, "ofx", "releve.ofx"),
                Stream.of(rent(fifth, 1), coffee(fifth.plusDays(1), 2), coffee(fifth.plusDays(1), 3)));
        running.start();
        client = running.camille();
    }

    @Test
    void aMonthGivesItsSpendingCategoriesPayeesAndBalance() {
        HttpResponse<String> response = client.get("/api/v1/money?from=2025-01&to=2025-01");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode euros = ApiClient.json(response).get("currencies").get(0);
        assertThat(euros.get("currency").stringValue()).isEqualTo("EUR");
        assertThat(euros.get("months").toString())
                .isEqualTo("[{\"month\":\"2025-01\",\"spending\":482.4,\"income\":0}]");
        assertThat(euros.get("categories").toString()).isEqualTo("[{\"name\":\"housing\",\"fromBank\":false,"
                + "\"spending\":480.0,\"income\":0},{\"name\":\"eating-out\",\"fromBank\":false,"
                + "\"spending\":2.4,\"income\":0}]");
        assertThat(euros.get("payees").get(0).toString()).isEqualTo(
                "{\"name\":\"SCI Guillotière\",\"spending\":480.0,\"lines\":1}");
        assertThat(euros.get("payees").get(1).toString()).isEqualTo(
                "{\"name\":\"CAFE DE LA FAC\",\"spending\":2.4,\"lines\":2}");
        assertThat(euros.get("balance").get("fromStatement").booleanValue()).isFalse();
        assertThat(euros.get("balance").get("days")).hasSize(31);
        assertThat(euros.get("balance").get("days").get(5).toString()).isEqualTo(
                "{\"day\":\"2025-01-06\",\"balance\":-482.4}");
    }

    @Test
    void withoutAPeriodItIsTheYearEndingWithTheLatestLine() {
        JsonNode money = ApiClient.json(client.get("/api/v1/money"));

        assertThat(money.get("from").stringValue()).isEqualTo("2024-02");
        assertThat(money.get("to").stringValue()).isEqualTo("2025-01");
        assertThat(money.get("currencies").get(0).get("months")).hasSize(12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "from=2025-1|parameter 'from' must be a month such as 2025-09, in the years 0000 to 9999",
            "to=January|parameter 'to' must be a month such as 2025-09, in the years 0000 to 9999",
            "from=2025-03&to=2025-01|the period's last month comes before its first",
            "from=2000-01&to=2025-01|a period spans at most 120 months",
            "month=2025-01|unknown parameter 'month'; this takes from, to, account",
            "account=1&account=2|parameter 'account' is given 2 times; give it once"})
    void aPeriodThatIsNoneIsRefusedWithAProblem(String query, String detail) {
        HttpResponse<String> response = client.get("/api/v1/money?" + query);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(response).get("detail").stringValue()).isEqualTo(detail);
    }
}
