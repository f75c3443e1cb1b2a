package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes exactly the routes the server answers. */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

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
    void everyApiRouteIsDocumentedAndNothingElse() {
        Set<String> registered = server.routes().stream()
                .filter(route -> route.path().startsWith("/api/v1/"))
                .map(route -> route.method() + " " + route.path())
                .collect(Collectors.toSet());

        assertThat(operations().stream().map(Operation::name).collect(Collectors.toSet())).isEqualTo(registered);
    }

    @Test
    void publicRoutesAndOnlyThoseNeedNoSession() {
        Set<String> publicRoutes = server.routes().stream()
                .filter(route -> route.path().startsWith("/api/v1/") && route.isPublic())
                .map(route -> route.method() + " " + route.path())
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

    /** The schema of an operation's answer 200 in JSON. */
    private JsonNode answered(String path, String method) {
        return document.get("paths").get(path).get(method).get("responses").get("200").get("content")
                .get("application/json").get("schema");
    }

    /** Every field answered is documented, and every field documented as required is answered. */
    private static void assertAsDocumented(JsonNode schema, JsonNode value, String where) {
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
