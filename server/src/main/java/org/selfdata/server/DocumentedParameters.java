package org.selfdata.server;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.LinkedHashSet;

/**
 * Refuses, on every API route, a query parameter the OpenAPI document does not give that route, naming it and those the
 * route takes: a parameter a client misspells ({@code limt}) or one a route does not read would otherwise be ignored,
 * and the client would believe it had been applied. The document is the one list of what each route reads, so it is
 * read here rather than repeated in each route; a test holds every route and the document together.
 *
 * <p>Runs after the guard, on the route Javalin matched, so that a caller without a session learns only that.
 */
final class DocumentedParameters {
    private static final String API = "/api/";

    private final Map<String, Set<String>> byRoute;

    private DocumentedParameters(Map<String, Set<String>> byRoute) {
        this.byRoute = Map.copyOf(byRoute);
    }

    /** The query parameters of every operation of the API's document. */
    static DocumentedParameters ofTheApi() {
        return of(ApiJson.mapper().readTree(ClasspathResources.read(OpenApiRoutes.RESOURCE)));
    }

    /** The query parameters of every operation of the document, by method and path as Javalin writes them. */
    static DocumentedParameters of(JsonNode document) {
        Map<String, Set<String>> byRoute = new HashMap<>();
        JsonNode components = document.path("components").path("parameters");
        document.path("paths").properties().forEach(path -> {
            Set<String> shared = names(path.getValue().path("parameters"), components);
            path.getValue().properties().stream().filter(operation -> !operation.getKey().equals("parameters"))
                    .forEach(operation -> {
                        Set<String> names = new LinkedHashSet<>(shared);
                        names.addAll(names(operation.getValue().path("parameters"), components));
                        byRoute.put(key(operation.getKey(), path.getKey()), names);
                    });
        });
        return new DocumentedParameters(byRoute);
    }

    void check(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        Set<String> asked = ctx.queryParamMap().keySet();
        if (matched == null || !matched.path.startsWith(API) || asked.isEmpty()) {
            return;
        }
        Set<String> documented = byRoute.getOrDefault(key(matched.method.name(), matched.path), Set.of());
        for (String name : asked) {
            if (!documented.contains(name)) {
                String quoted = QueryParameters.shortened(name);
                throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, documented.isEmpty()
                        ? Wording.of("error.server.noParameters", quoted)
                        : Wording.of("error.server.unknownParameter", quoted, String.join(", ", documented)));
            }
        }
    }

    private static Set<String> names(JsonNode parameters, JsonNode components) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode parameter : parameters) {
            JsonNode resolved = parameter.has("$ref")
                    ? components.path(parameter.get("$ref").stringValue().substring("#/components/parameters/".length()))
                    : parameter;
            if ("query".equals(resolved.path("in").stringValue(""))) {
                names.add(resolved.path("name").stringValue(""));
            }
        }
        return names;
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
