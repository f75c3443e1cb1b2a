package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grant the person draws up themselves for a registered recipient: checked against its declaration while it is
 * chosen, previewed as the recipient would receive it, and given with its receipt and log entry, or refused with
 * every reason.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class GrantRoutesTest {
    private static final URI CALLBACK = URI.create("https://alertes.example/callback");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MILLISECOND_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String EXACT_REASON = "asks for location at exact precision; the declared purpose, "
            + "notifications by region, needs location at region precision";

    @RegisterExtension
    final RunningServer running;
    private final Vault vault;
    private final Person camille;
    private ApiClient owner;
    private String recipient;

    GrantRoutesTest(Engine engine) {
        running = new RunningServer(engine);
        vault = running.vault();
        camille = vault.person(Optional.of("camille"));
    }

    @BeforeEach
    void registerTheAppOverPointsInLyon() {
        running.importLocationPoints(12);
        running.start();
        owner = running.camille();
        recipient = SharingFixtures.registerRegionalAlerts(owner, CALLBACK);
    }

    @Test
    void exactLocationIsNotJustifiedAndThePreviewShowsRegionsInstead() {
        HttpResponse<String> response = owner.post("/api/v1/grants/preview", terms("exact").toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode preview = ApiClient.json(response);
        assertThat(preview.get("justified").booleanValue()).isFalse();
        assertThat(texts(preview.get("reasons"))).containsExactly(EXACT_REASON);
        assertThat(preview.get("offer").get("precision").get("location").stringValue()).isEqualTo("region");
        assertThat(preview.get("preview")).hasSize(5);
        preview.get("preview").forEach(record -> {
            assertThat(record.get("payload").get("area").get("code").stringValue()).isEqualTo("FR-ARA");
            assertThat(record.get("payload").get("area").get("level").stringValue()).isEqualTo("region");
            assertThat(record.get("start").stringValue()).isEqualTo("2024-12-31T23:00:00Z");
        });
        SharingScenarioTest.assertNoCoordinate(preview.get("preview").toString());
        assertThat(vault.grants().list(camille.id())).isEmpty();
    }

    @Test
    void thePreviewSaysWhatTheRecipientCouldFindUnderTheTermsAskedAndUnderThoseJustifiedInTwoColumns() {
        JsonNode reveals = ApiClient.json(owner.post("/api/v1/grants/preview", terms("exact").toString())).get("reveals");

        assertThat(reveals.get("columns")).hasSize(2);
        JsonNode asked = reveals.get("columns").get(0);
        assertThat(texts(asked.get("for"))).containsExactly("asked");
        assertThat(asked.get("precision").get("location").stringValue()).isEqualTo("exact");
        assertThat(asked.get("covered").stringValue()).isEqualTo("between:2024-12-01T00:00:00Z/2026-01-01T00:00:00Z");
        assertThat(asked.get("standIn").booleanValue()).isFalse();
        assertThat(asked.get("positionsReceived").longValue()).isEqualTo(12);
        assertThat(asked.get("home").get("found").booleanValue()).isFalse();
        assertThat(texts(asked.get("finds"))).isEmpty();
        assertThat(texts(asked.get("cannotFind"))).containsExactly("your home", "your place of work or study",
                "your weekly routine");
        JsonNode justified = reveals.get("columns").get(1);
        assertThat(texts(justified.get("for"))).containsExactly("justified");
        assertThat(justified.get("precision").get("location").stringValue()).isEqualTo("region");
        assertThat(justified.get("nightsArea").stringValue()).isEqualTo("Auvergne-Rhône-Alpes");
        assertThat(texts(justified.get("finds"))).containsExactly("only that you live in Auvergne-Rhône-Alpes");
        assertThat(vault.log().query(camille.id(), org.selfdata.vault.LogQuery.all()
                .withAction(org.selfdata.model.LogAction.READ))).isEmpty();
    }

    /** Communes need the operator's list, which this server has not: such terms are refused, and have no column. */
    @Test
    void termsAtAPrecisionTheServerCannotHonourArePreviewedWithoutAColumnOfTheirOwn() {
        HttpResponse<String> response = owner.post("/api/v1/grants/preview", terms("commune").toString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode preview = ApiClient.json(response);
        assertThat(preview.get("justified").booleanValue()).isFalse();
        assertThat(preview.get("reveals").get("columns")).hasSize(1);
        assertThat(texts(preview.get("reveals").get("columns").get(0).get("for"))).containsExactly("justified");
    }

    @Test
    void termsTheDeclarationJustifiesAreRevealedInOneColumnForBoth() {
        JsonNode columns = ApiClient.json(owner.post("/api/v1/grants/preview", terms("region").toString()))
                .get("reveals").get("columns");

        assertThat(columns).hasSize(1);
        assertThat(texts(columns.get(0).get("for"))).containsExactly("asked", "justified");
    }

    @Test
    void regionIsJustifiedAndPreviewedAsTheRecipientWouldReceiveIt() {
        JsonNode preview = ApiClient.json(owner.post("/api/v1/grants/preview", terms("region").toString()));

        assertThat(preview.get("justified").booleanValue()).isTrue();
        assertThat(preview.get("reasons")).isEmpty();
        assertThat(preview.get("offer").get("covered").stringValue())
                .isEqualTo("between:2024-12-01T00:00:00Z/2026-01-01T00:00:00Z");
        assertThat(preview.get("preview")).hasSize(5);
        SharingScenarioTest.assertNoCoordinate(preview.get("preview").toString());
    }

    @Test
    void aPreviewOfDataFromTheGrantOnHoldsNothingYet() {
        ObjectNode terms = terms("region").put("covered", "from-grant");

        JsonNode preview = ApiClient.json(owner.post("/api/v1/grants/preview", terms.toString()));

        assertThat(preview.get("justified").booleanValue()).isTrue();
        assertThat(preview.get("preview")).isEmpty();
    }

    @Test
    void termsBeyondTheDeclarationAreRefusedWithEveryReasonAndNothingIsGiven() {
        HttpResponse<String> refused = owner.post("/api/v1/grants", terms("exact").put("retention", "P90D").toString());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo(
                "the grant goes beyond the recipient's declared processing: " + EXACT_REASON
                        + "; and asks to keep the data 90 days; the recipient declares it keeps data 30 days");
        assertThat(vault.grants().list(camille.id())).isEmpty();
        assertThat(ApiClient.json(owner.get("/api/v1/log?action=grant")).get("entries")).isEmpty();
    }

    @Test
    void justifiedTermsAreGivenWithTheirReceiptAndLogEntry() {
        HttpResponse<String> given = owner.post("/api/v1/grants", terms("region").toString());

        assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
        JsonNode answer = ApiClient.json(given);
        String grantId = answer.get("grant").get("id").stringValue();
        assertThat(answer.get("grant").get("status").stringValue()).isEqualTo("given");
        assertThat(answer.get("grant").get("terms").get("recipient").stringValue()).isEqualTo(recipient);
        assertThat(answer.get("receipt").stringValue().split("\\.")).hasSize(3);
        assertThat(answer.has("redirect")).isFalse();

        JsonNode listed = ApiClient.json(owner.get("/api/v1/grants")).get("grants");
        assertThat(listed).singleElement().satisfies(grant -> {
            assertThat(grant.get("id").stringValue()).isEqualTo(grantId);
            assertThat(grant.get("terms").get("precision").get("location").stringValue()).isEqualTo("region");
        });
        JsonNode receipts = ApiClient.json(owner.get("/api/v1/grants/" + grantId + "/receipts")).get("receipts");
        assertThat(receipts).singleElement().satisfies(receipt -> assertThat(receipt.get("event").stringValue())
                .isEqualTo("given"));
        JsonNode log = ApiClient.json(owner.get("/api/v1/log?grant=" + grantId)).get("entries");
        assertThat(log).singleElement().satisfies(entry -> {
            assertThat(entry.get("action").stringValue()).isEqualTo("grant");
            assertThat(entry.get("precision").stringValue())
                    .isEqualTo("location region, amounts none, time day, identifiers pseudonymized");
        });
    }

    @Test
    void aGrantSaysWhenItWasGivenInTheSameWordsWhenGivenAndWhenReadLater() {
        JsonNode given = ApiClient.json(owner.post("/api/v1/grants", terms("region").toString())).get("grant");
        String grantId = given.get("id").stringValue();

        JsonNode read = ApiClient.json(owner.get("/api/v1/grants/" + grantId));
        JsonNode listed = ApiClient.json(owner.get("/api/v1/grants")).get("grants").get(0);

        assertThat(given.get("givenAt").stringValue()).matches(MILLISECOND_INSTANT)
                .isEqualTo(read.get("givenAt").stringValue())
                .isEqualTo(listed.get("givenAt").stringValue());
        assertThat(given.get("terms").get("validFrom").stringValue()).matches(MILLISECOND_INSTANT)
                .isEqualTo(read.get("terms").get("validFrom").stringValue());
    }

    @Test
    void theReceiptsOfAGrantWriteEveryInstantTheSameWay() {
        JsonNode given = ApiClient.json(owner.post("/api/v1/grants", terms("region").toString()));
        String grantId = given.get("grant").get("id").stringValue();
        JsonNode withdrawn = ApiClient.json(owner.post("/api/v1/grants/" + grantId + "/withdrawal", "{}"));

        JsonNode first = payload(given.get("receipt").stringValue());
        JsonNode second = payload(withdrawn.get("receipt").stringValue());
        for (JsonNode receipt : List.of(first, second)) {
            assertThat(receipt.get("record_timestamp").stringValue()).matches(MILLISECOND_INSTANT);
            assertThat(receipt.get("event").get("time").stringValue()).matches(MILLISECOND_INSTANT);
            assertThat(receipt.get("event").get("given_at").stringValue())
                    .isEqualTo(given.get("grant").get("givenAt").stringValue());
            assertThat(receipt.get("duration").get("start").stringValue()).matches(MILLISECOND_INSTANT)
                    .isEqualTo(given.get("grant").get("terms").get("validFrom").stringValue());
            assertThat(receipt.get("duration").get("end").stringValue())
                    .isEqualTo(given.get("grant").get("terms").get("validUntil").stringValue());
        }
        assertThat(second.get("record_timestamp").stringValue())
                .isEqualTo(withdrawn.get("grant").get("withdrawnAt").stringValue());
        JsonNode kept = ApiClient.json(owner.get("/api/v1/grants/" + grantId + "/receipts")).get("receipts");
        assertThat(kept).hasSize(2).allSatisfy(receipt -> assertThat(receipt.get("issuedAt").stringValue())
                .matches(MILLISECOND_INSTANT));
    }

    @Test
    void theContextEveryReceiptCarriesIsServedPubliclyAsJsonLd() {
        JsonNode receipt = payload(ApiClient.json(owner.post("/api/v1/grants", terms("region").toString()))
                .get("receipt").stringValue());

        HttpResponse<String> served = new ApiClient(running.server()).get("/ns/consent");

        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/ld+json"));
        assertThat(ApiClient.json(served).get("@context")).isEqualTo(receipt.get("@context"));
        assertThat(served.body()).doesNotContain("camille").doesNotContain(recipient);
    }

    @Test
    void freeTextTheDeclaredPurposeDoesNotNameIsRefusedAndPreviewedWithout() {
        BudgetApp.importStatement(vault);
        String budget = BudgetApp.register(owner, URI.create("https://budget-malin.example/callback"),
                Map.of("bank.transaction", List.of("label")));
        ObjectNode terms = budgetTerms(budget, "label", "counterparty", "memo");

        JsonNode preview = ApiClient.json(owner.post("/api/v1/grants/preview", terms.toString()));
        HttpResponse<String> refused = owner.post("/api/v1/grants", terms.toString());

        String counterparty = "asks for the free-text field counterparty of bank.transaction records, which the declared "
                + "purpose, monthly budget by category, does not name; it names label of bank.transaction records";
        String memo = "asks for the free-text field memo of bank.transaction records, which the declared "
                + "purpose, monthly budget by category, does not name; it names label of bank.transaction records";
        assertThat(preview.get("justified").booleanValue()).isFalse();
        assertThat(texts(preview.get("reasons"))).containsExactly(counterparty, memo);
        assertThat(texts(preview.get("offer").get("fields"))).containsExactly("label");
        assertThat(preview.get("preview")).hasSize(2);
        assertThat(preview.get("preview").toString()).contains(BudgetApp.LABEL)
                .doesNotContain(BudgetApp.PAYEE, "Lucie Martin", "rue des Lilas");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo(
                "the grant goes beyond the recipient's declared processing: " + counterparty + "; and " + memo);
        assertThat(vault.grants().list(camille.id())).isEmpty();
    }

    @Test
    void aFieldThatIsNotFreeTextOfTheGrantedTypesIsInvalidAndNamed() {
        ObjectNode terms = terms("region");
        terms.putArray("fields").add("latitude").add("accuracyMeters");

        HttpResponse<String> preview = owner.post("/api/v1/grants/preview", terms.toString());
        HttpResponse<String> refused = owner.post("/api/v1/grants", terms.toString());

        String detail = "the grant names accuracyMeters, latitude, which are not free-text fields of the record types it "
                + "covers (geo.point); they have none";
        assertThat(preview.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(preview).get("detail").stringValue()).isEqualTo(detail);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo(detail);
        assertThat(vault.grants().list(camille.id())).isEmpty();
    }

    @Test
    void termsForAnUnknownRecipientAreNotFound() {
        ObjectNode terms = terms("region").put("recipient", "00000000-0000-4000-8000-000000000000");

        assertThat(owner.post("/api/v1/grants/preview", terms.toString()).statusCode()).isEqualTo(404);
        assertThat(owner.post("/api/v1/grants", terms.toString()).statusCode()).isEqualTo(404);
    }

    /** What the page sends: the app's declared purpose, location points in 2025, at the given location precision. */
    private ObjectNode terms(String location) {
        return SharingFixtures.regionalNotificationTerms(recipient, location);
    }

    /** What the page sends for the budget app's purpose, naming these free-text fields. */
    private static ObjectNode budgetTerms(String budget, String... fields) {
        ObjectNode terms = JSON.createObjectNode()
                .put("recipient", budget)
                .put("purpose", "dpv:ServiceProvision")
                .put("purposeDescription", "monthly budget by category")
                .put("legalBasis", "eu-gdpr:A6-1-a")
                .put("covered", "between:2025-01-01T00:00:00Z/2026-01-01T00:00:00Z")
                .put("validity", "P30D")
                .put("retention", "P30D");
        terms.putArray("types").add("bank.transaction");
        List.of(fields).forEach(terms.putArray("fields")::add);
        terms.putObject("precision").put("location", "none").put("amount", "banded").put("time", "month")
                .put("identifiers", "pseudonymized");
        return terms;
    }

    private static JsonNode payload(String jws) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jws.split("\\.")[1]));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.stringValue()));
        return texts;
    }
}
