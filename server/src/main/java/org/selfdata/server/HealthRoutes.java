package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** {@code GET /api/v1/health}: whether the server answers, for monitors; public, and it says nothing about anyone. */
final class HealthRoutes implements HttpService {
    record HealthJson(String status) {}

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/health", HealthRoutes::health, Access.PUBLIC);
    }

    private static void health(Context ctx) {
        ctx.json(new HealthJson("ok"));
    }
}
