package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.ErrorCode;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes exactly the routes the server answers. */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /**
     * The routes the document leaves out: the web interface's pages, the files they load and the link that switches
     * their language. They are for a browser, not for a client of the API; the consent page is documented, since apps
     * send people to it as OAuth's authorization endpoint.
     */
    private static final Set<String> UNDOCUMENTED = Set.of("GET /", "GET /import", "GET /explore", "GET /money",
            "GET /places", "GET /energy", "GET /carbon", "GET /across", "GET /reveal", "GET /sharing", "GET /activity",
            "GET /rights", "GET /account", "GET /sign-in", "GET /assets/{file}", "GET /vendor/{file}", "GET /language",
            // a browser's way to the operator's identity provider and back, as the sign-in page is
            "GET /sign-in/oidc", "GET /sign-in/oidc/callback");

    private static final URI CALLBACK = URI.create("https://alertes.example/callback");

    @RegisterExtension
    final RunningServer running = RunningServer.started(Engine.SQLITE);
    private final SelfdataServer server = running.server();
    private JsonNode document;

    @BeforeEach
    void fetchTheDocument() {
        HttpResponse<String> response = new ApiClient(server).get("/api/v1/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        document = ApiClient.json(response);
    }

    @Test
    void theDocumentIsOpenApi31() {
        assertThat(document.get("openapi").stringValue()).isEqualTo("3.1.0");
        assertThat(document.get("info").get("title").stringValue()).isEqualTo("selfdata");
    }

    @Test
    void everyRouteIsDocumentedPagesAndTheirFilesExceptedAndNothingElse() {
        Set<String> registered = documentedRoutes().stream().map(OpenApiTest::name).collect(Collectors.toSet());

        assertThat(operations().stream().map(Operation::name).collect(Collectors.toSet())).isEqualTo(registered);
        assertThat(server.routes().stream().map(OpenApiTest::name).collect(Collectors.toSet())).containsAll(UNDOCUMENTED);
        assertThat(registered).contains("GET /.well-known/jwks.json", "GET /.well-known/oauth-authorization-server",
                "GET /oauth/authorize", "POST /oauth/token", "POST /oauth/revoke", "GET /ns/consent", "GET /problems/{type}");
    }

    @Test
    void publicRoutesAndOnlyThoseNeedNoSession() {
        Set<String> publicRoutes = documentedRoutes().stream()
                .filter(SelfdataServer.Route::isPublic)
                .map(OpenApiTest::name)
                .collect(Collectors.toSet());

        Set<String> documentedAsPublic = operations().stream()
                .filter(operation -> operation.node().has("security") && operation.node().get("security").isEmpty())
                .map(Operation::name)
                .collect(Collectors.toSet());

        assertThat(documentedAsPublic).isEqualTo(publicRoutes);
        for (Operation operation : operations()) {
            if (!publicRoutes.contains(operation.name())) {
                assertThat(operation.node().get("responses").has("401")).as(operation.name()).isTrue();
            }
        }
    }

    @Test
    void everyOperationDeclaresItsResponses() {
        for (Operation operation : operations()) {
            JsonNode responses = operation.node().get("responses");
            assertThat(responses).as(operation.name()).isNotNull();
            assertThat(responses.propertyNames()).as(operation.name()).anyMatch(status -> status.startsWith("2"));
            assertThat(operation.node().get("operationId").stringValue()).as(operation.name()).isNotBlank();
            responses.properties().forEach(response -> assertThat(response.getValue().propertyNames())
                    .as(operation.name() + " " + response.getKey())
                    .containsAnyOf("description", "$ref"));
        }
    }

    @Test
    void everyReferenceLeadsSomewhere() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
        }
    }

    @Test
    void theSenderAndTheChecklistAnswerExactlyAsDocumented() {
        ApiClient client = running.camille();
        JsonNode notConfigured = ApiClient.json(client.get("/api/v1/rights/sender"));
        client.send(client.request("/api/v1/rights/sender").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Camille Martin\",\"postalAddress\":\"Lyon\"}")));
        JsonNode configured = ApiClient.json(client.get("/api/v1/rights/sender"));
        String request = ApiClient.json(client.post("/api/v1/rights/requests",
                "{\"organization\": \"clearview-ai\", \"right\": \"access\", \"channel\": \"letter\"}"))
                .get("id").stringValue();
        client.post("/api/v1/rights/requests/" + request + "/steps",
                "{\"status\": \"sent\", \"on\": \"" + LocalDate.now(TestVaults.PARIS) + "\"}");
        JsonNode checklist = ApiClient.json(client.get("/api/v1/rights/requests/" + request + "/checklist"));
        JsonNode senderSchema = answered("/api/v1/rights/sender", "get");
        JsonNode checklistSchema = answered("/api/v1/rights/requests/{request}/checklist", "get");

        assertThat(notConfigured.propertyNames()).containsExactly("configured");
        assertAsDocumented(senderSchema, notConfigured, "sender");
        assertAsDocumented(senderSchema, configured, "sender");
        assertThat(document.at("/paths/~1api~1v1~1rights~1sender/get/responses").propertyNames()).doesNotContain("404");
        assertAsDocumented(checklistSchema, checklist, "checklist");
        List<String> required = new ArrayList<>();
        checklistSchema.at("/properties/items/items/required").forEach(field -> required.add(field.stringValue()));
        assertThat(required).containsExactly("item", "article", "present", "prefilled");
    }

    @Test
    void theAuthorizationServerAnswersExactlyAsDocumented() {
        ApiClient outsider = new ApiClient(server);
        ApiClient camille = running.camille();
        String clientId = SharingFixtures.registerRegionalAlerts(camille, CALLBACK);
        SharingFixtures.Authorized authorized = SharingFixtures.authorize(camille, server, clientId, CALLBACK,
                SharingFixtures.exactLocationForNotifications());
        String redeem = "grant_type=authorization_code&code=" + encoded(authorized.code()) + "&redirect_uri="
                + encoded(CALLBACK.toString()) + "&code_verifier=" + encoded(authorized.verifier().getValue())
                + "&client_id=" + encoded(clientId);

        HttpResponse<String> metadata = outsider.get("/.well-known/oauth-authorization-server");
        HttpResponse<String> keys = outsider.get("/.well-known/jwks.json");
        HttpResponse<String> tokens = form(outsider, "/oauth/token", redeem);
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        HttpResponse<String> refreshed = form(outsider, "/oauth/token", "grant_type=refresh_token&refresh_token="
                + encoded(ApiClient.json(tokens).get("refresh_token").stringValue()) + "&client_id=" + encoded(clientId));
        HttpResponse<String> revoked = form(outsider, "/oauth/revoke", "token="
                + encoded(ApiClient.json(refreshed).get("refresh_token").stringValue()) + "&client_id=" + encoded(clientId));
        HttpResponse<String> spent = form(outsider, "/oauth/token", redeem);
        HttpResponse<String> withoutPkce = outsider.get("/oauth/authorize?response_type=code&client_id=" + encoded(clientId)
                + "&redirect_uri=" + encoded(CALLBACK.toString()) + "&state=s1");
        HttpResponse<String> unsigned = outsider.get("/oauth/authorize?response_type=code");

        assertAsDocumented(answered("/.well-known/oauth-authorization-server", "get"), ApiClient.json(metadata), "metadata");
        assertAsDocumented(answered("/.well-known/jwks.json", "get", "application/jwk-set+json"), ApiClient.json(keys), "keys");
        assertThat(tokens.headers().firstValue("Cache-Control")).contains("no-store");
        assertAsDocumented(answered("/oauth/token", "post"), ApiClient.json(tokens), "tokens");
        assertAsDocumented(answered("/oauth/token", "post"), ApiClient.json(refreshed), "refreshed");
        assertThat(spent.statusCode()).isEqualTo(400);
        assertAsDocumented(document.at("/components/schemas/OAuthError"), ApiClient.json(spent), "error");
        assertThat(ApiClient.json(spent).get("error").stringValue()).isEqualTo("invalid_grant");
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(revoked.body()).isEmpty();
        assertThat(withoutPkce.statusCode()).isEqualTo(303);
        assertThat(withoutPkce.headers().firstValue("Location").orElseThrow())
                .startsWith(CALLBACK + "?").contains("error=invalid_request", "state=s1", "iss=");
        assertThat(unsigned.statusCode()).isEqualTo(303);
        assertThat(unsigned.headers().firstValue("Location").orElseThrow()).startsWith("/sign-in?next=");
        assertThat(document.at("/paths/~1oauth~1authorize/get/responses").propertyNames()).containsExactly("200", "303");
    }

    @Test
    void theVocabularyAndTheProblemTypesAnswerAsDocumented() {
        ApiClient outsider = new ApiClient(server);

        HttpResponse<String> vocabulary = outsider.get("/ns/consent");
        HttpResponse<String> problem = outsider.get("/problems/not-found");
        HttpResponse<String> noProblem = outsider.get("/problems/no-such-problem");

        assertThat(vocabulary.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/ld+json");
        assertThat(ApiClient.json(vocabulary).has("@context")).isTrue();
        assertThat(problem.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(noProblem.statusCode()).isEqualTo(404);
        List<String> types = new ArrayList<>();
        document.at("/paths/~1problems~1{type}/get/parameters/0/schema/enum").forEach(type -> types.add(type.stringValue()));
        assertThat(types).containsExactlyInAnyOrder(Arrays.stream(ErrorCode.values())
                .map(code -> code.name().toLowerCase(Locale.ROOT).replace('_', '-')).toArray(String[]::new));
        for (String type : types) {
            assertThat(outsider.get("/problems/" + type).statusCode()).as(type).isEqualTo(200);
        }
    }

    private static HttpResponse<String> form(ApiClient client, String path, String body) {
        return client.send(client.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The routes the document must hold: all the server answers but those it leaves out on purpose. */
    private List<SelfdataServer.Route> documentedRoutes() {
        return server.routes().stream().filter(route -> !UNDOCUMENTED.contains(name(route))).toList();
    }

    private static String name(SelfdataServer.Route route) {
        return route.method() + " " + route.path();
    }

    /** The schema of an operation's answer 200 in JSON. */
    private JsonNode answered(String path, String method) {
        return answered(path, method, "application/json");
    }

    private JsonNode answered(String path, String method, String mediaType) {
        return resolved(document.get("paths").get(path).get(method).get("responses").get("200").get("content")
                .get(mediaType).get("schema"));
    }

    /** The schema itself, where it only refers to one of the document's components. */
    private JsonNode resolved(JsonNode schema) {
        return schema.has("$ref") ? document.at(schema.get("$ref").stringValue().substring(1)) : schema;
    }

    /** Every field answered is documented, and every field documented as required is answered. */
    private void assertAsDocumented(JsonNode unresolved, JsonNode value, String where) {
        JsonNode schema = resolved(unresolved);
        if (value.isObject()) {
            schema.path("required").forEach(field -> assertThat(value.has(field.stringValue()))
                    .as(where + "." + field.stringValue()).isTrue());
            value.properties().forEach(field -> {
                assertThat(schema.get("properties").has(field.getKey())).as(where + "." + field.getKey()).isTrue();
                assertAsDocumented(schema.get("properties").get(field.getKey()), field.getValue(),
                        where + "." + field.getKey());
            });
        }
        else if (value.isArray()) {
            value.forEach(element -> assertAsDocumented(schema.get("items"), element, where + "[]"));
        }
        else {
            String type = value.isBoolean() ? "boolean" : value.isIntegralNumber() ? "integer"
                    : value.isNumber() ? "number" : "string";
            assertThat(schema.get("type").stringValue()).as(where).isEqualTo(type);
        }
    }

    private record Operation(String name, JsonNode node) {}

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(method -> METHODS.contains(method.getKey()))
                .forEach(method -> operations.add(
                        new Operation(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), method.getValue()))));
        return operations;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(property -> {
                if (property.getKey().equals("$ref")) {
                    references.add(property.getValue().stringValue());
                }
                else {
                    collectReferences(property.getValue(), references);
                }
            });
        }
        else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }
}
