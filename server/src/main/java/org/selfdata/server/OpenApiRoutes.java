package org.selfdata.server;

import io.javalin.config.RoutesConfig;

/**
 * {@code GET /api/v1/openapi.json}: the API described in OpenAPI 3.1, written by hand next to the routes it
 * describes. A test holds the two together: every route is in the document, and nothing else is.
 */
final class OpenApiRoutes implements HttpService {
    static final String PATH = "/api/v1/openapi.json";
    static final String RESOURCE = "/org/selfdata/server/openapi.json";

    private final byte[] document = ClasspathResources.read(RESOURCE);

    @Override
    public void routing(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.contentType(ApiJson.MEDIA_TYPE).result(document), Access.PUBLIC);
    }
}
