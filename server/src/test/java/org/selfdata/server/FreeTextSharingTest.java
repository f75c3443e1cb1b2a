package org.selfdata.server;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.vault.Engine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's free-text case, end to end over HTTP: a budget app that declares "monthly budget by category" asks for
 * the labels, payees and memos of Camille's bank lines; the consent check refuses every field its purpose does not
 * name, the person accepts the offer without them, and no payee's name nor memo leaves through the shared records.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class FreeTextSharingTest {
    private static final URI CALLBACK = URI.create("https://budget-malin.example/callback");
    private static final String THE_BUDGET = "which the declared purpose, monthly budget by category, does not name";

    @RegisterExtension
    final RunningServer running;
    private final CodeVerifier verifier = new CodeVerifier();
    private ApiClient owner;

    FreeTextSharingTest(Engine engine) {
        running = new RunningServer(engine);
    }

    @BeforeEach
    void startOverCamillesStatement() {
        BudgetApp.importStatement(running.vault());
        running.start();
        owner = running.camille();
    }

    @Test
    void anAppAskingForPayeesAndMemosItDoesNotDeclareReceivesNeither() {
        String clientId = BudgetApp.register(owner, CALLBACK, Map.of());

        JsonNode offer = offer(clientId);

        assertThat(offer.get("justified").booleanValue()).isFalse();
        assertThat(texts(offer.get("asked").get("fields"))).containsExactly("counterparty", "label", "memo");
        assertThat(texts(offer.get("reasons"))).containsExactly(
                "asks for the free-text field counterparty of bank.transaction records, " + THE_BUDGET
                        + "; it names no free-text field",
                "asks for the free-text field label of bank.transaction records, " + THE_BUDGET
                        + "; it names no free-text field",
                "asks for the free-text field memo of bank.transaction records, " + THE_BUDGET
                        + "; it names no free-text field");
        assertThat(offer.get("offer").get("fields")).isEmpty();
        assertThat(offer.get("preview").toString()).doesNotContain(BudgetApp.PAYEE, "Lucie", "Lilas", "LOYER");

        String received = sharedRecords(clientId, offer.get("offer"));

        JsonNode records = ApiClient.json(received).get("records");
        assertThat(records).hasSize(2);
        records.forEach(record -> assertThat(record.get("payload").propertyNames())
                .doesNotContain("label", "counterparty", "memo"));
        assertThat(received).doesNotContain(BudgetApp.PAYEE, "Lucie Martin", "rue des Lilas", "69007", BudgetApp.LABEL);
    }

    @Test
    void anAppDeclaringLabelsReceivesLabelsButNeitherPayeesNorMemos() {
        String clientId = BudgetApp.register(owner, CALLBACK, Map.of("bank.transaction", List.of("label")));

        JsonNode offer = offer(clientId);

        assertThat(texts(offer.get("reasons"))).containsExactly(
                "asks for the free-text field counterparty of bank.transaction records, " + THE_BUDGET
                        + "; it names label of bank.transaction records",
                "asks for the free-text field memo of bank.transaction records, " + THE_BUDGET
                        + "; it names label of bank.transaction records");
        assertThat(texts(offer.get("offer").get("fields"))).containsExactly("label");
        JsonNode justified = offer.get("reveals").get("columns").get(1);
        assertThat(texts(justified.get("for"))).containsExactly("justified");
        assertThat(justified.get("sources")).singleElement().satisfies(money -> {
            assertThat(money.get("source").stringValue()).isEqualTo("money");
            assertThat(money.get("records").longValue()).isEqualTo(2);
        });
        assertThat(texts(offer.get("declaration").get("purposes").get(0).get("fields").get("bank.transaction")))
                .containsExactly("label");

        String received = sharedRecords(clientId, offer.get("offer"));

        assertThat(received).contains(BudgetApp.LABEL)
                .doesNotContain(BudgetApp.PAYEE, "Lucie Martin", "rue des Lilas", "69007", "counterparty", "memo");
    }

    @Test
    void aDeclarationNamingAFieldThatIsNotFreeTextIsRefusedNamingItAndNothingIsRegistered() {
        String clientId = BudgetApp.register(owner, CALLBACK, Map.of());
        ObjectNode declaration = JsonMapper.builder().build().createObjectNode().put("retention", "P30D");
        declaration.putArray("purposes").add(BudgetApp.purpose(Map.of("bank.transaction", List.of("label", "amount"))));

        HttpResponse<String> refused = owner.post("/api/v1/recipients/" + clientId + "/declarations",
                declaration.toString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).get("detail").stringValue()).startsWith("the declared purpose "
                + "dpv:ServiceProvision names amount of bank.transaction records, which is not a free-text field; "
                + "their free-text fields are ");
        JsonNode recipient = ApiClient.json(owner.get("/api/v1/recipients/" + clientId));
        assertThat(recipient.get("declaration").get("version").intValue()).isEqualTo(1);
        assertThat(recipient.get("declaration").get("purposes").get(0).get("fields").toString()).isEqualTo("{}");
    }

    private JsonNode offer(String clientId) {
        return ApiClient.json(owner.post("/api/v1/authorizations/offer",
                SharingFixtures.requestBody(request(clientId).toQueryString())));
    }

    /** Accepts the offer, as the consent page does, and reads the app's records with the token it gets for it. */
    private String sharedRecords(String clientId, JsonNode offered) {
        AuthorizationRequest request = request(clientId);
        HttpResponse<String> given = owner.post("/api/v1/authorizations",
                SharingFixtures.acceptance(request.toQueryString(), offered, "P30D"));
        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        URI redirect = URI.create(ApiClient.json(given).get("redirect").stringValue());
        AuthorizationCode code = new AuthorizationCode(SharingFixtures.queryParameter(redirect, "code"));
        AccessTokenResponse tokens = (AccessTokenResponse) SharingFixtures.send(new TokenRequest.Builder(
                URI.create(running.server().url() + "oauth/token"), new ClientID(clientId),
                new AuthorizationCodeGrant(code, CALLBACK, verifier)).build());
        HttpResponse<String> page = SharingFixtures.bearerGet(running.server(),
                tokens.getTokens().getAccessToken().getValue(), "/api/v1/shared/records?type=bank.transaction");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return page.body();
    }

    private AuthorizationRequest request(String clientId) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(clientId))
                .endpointURI(URI.create(running.server().url() + "oauth/authorize"))
                .redirectionURI(CALLBACK)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .authorizationDetails(List.of(BudgetApp.askingPayeesAndMemos()))
                .build();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.stringValue()));
        return texts;
    }
}
