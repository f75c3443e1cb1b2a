package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.texts.Wording;
import org.selfdata.vault.Vault;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Whether the server answers, for monitors and for the probes of container platforms; public, and they say nothing
 * about anyone.
 *
 * <p>{@code GET /api/v1/health} stays as it always was, since benchmarks measure the server against it.
 * {@code GET /api/v1/health/live} touches nothing but the process, so that a slow database never gets the process
 * restarted; {@code GET /api/v1/health/ready} asks the database a trivial question, so that requests are sent elsewhere
 * while it does not answer. Neither says which database, where, or as whom.
 */
final class HealthRoutes implements HttpService {
    /** Short enough for a probe's own timeout, commonly one second or a few: the answer comes before the probe gives up. */
    static final Duration READINESS_TIMEOUT = Duration.ofMillis(900);

    record HealthJson(String status) {}

    private final Vault vault;

    HealthRoutes(Vault vault) {
        this.vault = requireNonNull(vault, "vault is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get("/api/v1/health", HealthRoutes::health, Access.PUBLIC);
        routes.get("/api/v1/health/live", HealthRoutes::live, Access.PUBLIC);
        routes.get("/api/v1/health/ready", this::ready, Access.PUBLIC);
    }

    private static void health(Context ctx) {
        ctx.json(new HealthJson("ok"));
    }

    private static void live(Context ctx) {
        ctx.json(new HealthJson("up"));
    }

    private void ready(Context ctx) {
        if (vault.answers(READINESS_TIMEOUT)) {
            ctx.json(new HealthJson("up"));
        }
        else {
            Problems.expected(ctx, ErrorCode.STORAGE_UNAVAILABLE, Wording.of("error.health.databaseUnreachable"));
        }
    }
}
