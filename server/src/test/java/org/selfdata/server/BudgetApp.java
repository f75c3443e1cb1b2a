package org.selfdata.server;

import com.nimbusds.oauth2.sdk.rar.Action;
import com.nimbusds.oauth2.sdk.rar.AuthorizationDetail;
import com.nimbusds.oauth2.sdk.rar.AuthorizationType;
import com.nimbusds.oauth2.sdk.rar.DataType;
import org.selfdata.model.BankTransaction;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Budget Malin, an app that declares "monthly budget by category" with amounts banded by month, and Camille's bank
 * statement, whose lines name the people she paid and one of whose memos holds a postal address.
 */
final class BudgetApp {
    static final String PAYEE = "SCI Guillotière";
    static final String ADDRESS = "12 rue des Lilas 69007 Lyon";
    static final String LABEL = "PRLV SEPA LOYER";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BudgetApp() {}

    /** Registers the app, its purpose naming these free-text fields by record type, and returns its client id. */
    static String register(ApiClient owner, URI callback, Map<String, List<String>> fields) {
        ObjectNode body = JSON.createObjectNode()
                .put("name", "Budget Malin")
                .put("legalName", "Budget Malin SAS")
                .put("country", "FR")
                .put("contact", "contact@budget-malin.example")
                .put("kind", "app");
        body.putArray("redirectUris").add(callback.toString());
        ObjectNode declaration = body.putObject("declaration");
        declaration.putArray("purposes").add(purpose(fields));
        declaration.put("retention", "P30D");
        HttpResponse<String> response = owner.post("/api/v1/recipients", body.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return ApiClient.json(response).get("id").stringValue();
    }

    /** The app's one declared purpose, as it writes it. */
    static ObjectNode purpose(Map<String, List<String>> fields) {
        ObjectNode purpose = JSON.createObjectNode()
                .put("purpose", "dpv:ServiceProvision")
                .put("description", "monthly budget by category")
                .put("legalBasis", "eu-gdpr:A6-1-a");
        purpose.putArray("categories").add("pd:Transaction");
        purpose.putArray("types").add("bank.transaction");
        ObjectNode named = purpose.putObject("fields");
        fields.forEach((type, names) -> names.forEach(named.withArray(type)::add));
        purpose.putObject("precision").put("location", "none").put("amount", "banded").put("time", "month")
                .put("identifiers", "pseudonymized");
        return purpose;
    }

    /** Gives Camille two lines of her statement in May 2025: rent paid to her landlord, and a transfer with a memo. */
    static void importStatement(Vault vault) {
        LocalDate rentDay = LocalDate.of(2025, 5, 5);
        LocalDate transferDay = LocalDate.of(2025, 5, 12);
        BankTransaction transfer = new BankTransaction("00012346789", transferDay, Optional.empty(),
                new BigDecimal("-75.00"), "EUR", "VIR SEPA", Optional.of("Lucie Martin"), Optional.empty(),
                Optional.of("colis pour " + ADDRESS), Optional.of("XFER"), Optional.empty());
        vault.imports().write(vault.person(Optional.of("camille")).id(),
                new ImportRequest(SyntheticRecords.BANK, "ofx", "statement.ofx"),
                Stream.of(SyntheticRecords.rent(rentDay, 1), RecordDraft.of(TimeSpan.day(transferDay, TestVaults.PARIS),
                        transfer, Position.line(2))));
    }

    /** What the app asks for: its bank lines, with their labels, payees and memos. */
    static AuthorizationDetail askingPayeesAndMemos() {
        return new AuthorizationDetail.Builder(new AuthorizationType("selfdata"))
                .actions(List.of(new Action("read")))
                .dataTypes(List.of(new DataType("bank.transaction")))
                .field("purpose", "dpv:ServiceProvision")
                .field("fields", List.of("label", "counterparty", "memo"))
                .field("covered", "trailing:P3Y")
                .field("retention", "P30D")
                .build();
    }
}
