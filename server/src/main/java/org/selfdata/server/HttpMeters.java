package org.selfdata.server;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Times every request, labelled by its method, the template of the route that answered it
 * ({@code /api/v1/records/{id}}) and its status. Never by the path asked: a path carries record ids, handles and
 * grant ids, and a label of each would both leak them and grow without end. A request no route answered is
 * {@code unmatched}, whatever it asked for.
 */
final class HttpMeters {
    static final String UNMATCHED = "unmatched";
    private static final String STARTED = HttpMeters.class.getName() + ".started";

    private final MeterRegistry registry;

    HttpMeters(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** Before anything else runs, so that the guard's and the route's time both count. */
    void begin(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    /** After the response is decided, failures included. */
    void end(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched == null ? UNMATCHED : matched.path;
        Timer.builder("selfdata.http.requests")
                .description("HTTP requests answered, by method, route template and status")
                .tag("method", ctx.method().name().toUpperCase(Locale.ROOT))
                .tag("route", route)
                .tag("status", Integer.toString(ctx.status().getCode()))
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
