package org.selfdata.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static java.util.Objects.requireNonNull;

/**
 * The operator's window on the server: {@code GET /metrics} in Prometheus's text format, on a listener of its own that
 * the operator opts into, apart from the people's API, so that it can stay on a loopback or private address that only
 * the scraper reaches.
 *
 * <p>It holds the registry everything counts into: hand {@link #meters()} to the vault when opening it, and the gate
 * and the server over that vault count there too. The JVM's memory, threads, garbage collection, classes and
 * processor are bound here, once. Nothing in it names a person: see the meters themselves.
 */
public final class MetricsListener implements AutoCloseable {
    static final String PATH = "/metrics";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics collections;
    private final HttpServer server;
    private final ExecutorService answering;

    private MetricsListener(PrometheusMeterRegistry registry, JvmGcMetrics collections, HttpServer server,
            ExecutorService answering) {
        this.registry = registry;
        this.collections = collections;
        this.server = server;
        this.answering = answering;
    }

    /** Starts listening; fails, naming the address, when it cannot. */
    public static MetricsListener start(MetricsSettings settings) {
        requireNonNull(settings, "settings is null");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics collections = new JvmGcMetrics();
        collections.bindTo(registry);
        ExecutorService answering = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("metrics-", 0).factory());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        }
        catch (IOException | RuntimeException e) {
            collections.close();
            answering.shutdown();
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.cannotListen",
                    settings.host(), Integer.toString(settings.port()), String.valueOf(e.getMessage())), e);
        }
        server.setExecutor(answering);
        server.createContext("/", exchange -> answer(exchange, registry));
        server.start();
        return new MetricsListener(registry, collections, server, answering);
    }

    private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The registry to open the vault with, so that the vault, its gate and the server over it count where this serves. */
    public MeterRegistry meters() {
        return registry;
    }

    /** Where a scraper finds the metrics, such as {@code http://127.0.0.1:9464/metrics}. */
    public String url() {
        String host = server.getAddress().getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + PATH;
    }

    /** The port it listens on: the one asked for, or the one found when asked for any. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        answering.shutdown();
        collections.close();
        registry.close();
    }
}
