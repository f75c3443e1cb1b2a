package org.selfdata.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An app's web site on this machine, over HTTPS with a certificate of its own for {@value #HOST}, publishing its
 * registration document and a few answers no document should be: for the tests of {@link RegistrationFetcher}. The
 * fetcher those tests use trusts this certificate alone, resolves {@value #HOST} to 127.0.0.1 and may reach loopback.
 */
final class AppDocumentServer implements AutoCloseable {
    static final String HOST = "mobilite.test";
    static final String OTHER_HOST = "other.test";
    /** A name the certificate holds, which leads here the first time it is looked up and nowhere after that. */
    static final String REBINDING_HOST = "rebinding.test";
    /** A name that leads to 127.0.0.2, where nothing listens. */
    static final String CLOSED_HOST = "closed.test";
    static final String PASSWORD = "test-only-store";

    private final HttpsServer server;
    private final ExecutorService handlers;
    private final SSLContext trust;
    /** How many times the fetcher looked a name up, and how many bytes the endless answer sent before it was cut. */
    final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger rebindingLookups = new AtomicInteger();
    final AtomicLong endlessSent = new AtomicLong();

    private AppDocumentServer(HttpsServer server, ExecutorService handlers, SSLContext trust) {
        this.server = server;
        this.handlers = handlers;
        this.trust = trust;
    }

    /** Starts the site on a free loopback port, with a new self-signed certificate for {@value #HOST}. */
    static AppDocumentServer start(Path folder) {
        try {
            Path store = folder.resolve("app.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "app", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + HOST,
                    "-ext", "SAN=dns:" + HOST + ",dns:" + REBINDING_HOST, "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", store.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
            String said = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + said);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream input = Files.newInputStream(store)) {
                keys.load(input, PASSWORD.toCharArray());
            }
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, PASSWORD.toCharArray());
            SSLContext serving = SSLContext.getInstance("TLS");
            serving.init(keyManagers.getKeyManagers(), null, null);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("app", keys.getCertificate("app"));
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext trust = SSLContext.getInstance("TLS");
            trust.init(null, trustManagers.getTrustManagers(), null);

            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(serving));
            ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
            server.setExecutor(handlers);
            AppDocumentServer site = new AppDocumentServer(server, handlers, trust);
            site.serve();
            server.start();
            return site;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void serve() {
        String document = RegistrationDocumentTest.document().toString();
        handle("/.well-known/registration.json", exchange -> answer(exchange, 200, "application/json; charset=utf-8",
                document));
        handle("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "https://" + HOST + "/.well-known/registration.json");
            answer(exchange, 302, "text/plain", "moved");
        });
        handle("/missing", exchange -> answer(exchange, 404, "application/json", "{\"secret\":\"not for you\"}"));
        handle("/page", exchange -> answer(exchange, 200, "text/html", "<html>internal dashboard</html>"));
        handle("/not-json", exchange -> answer(exchange, 200, "application/json", "internal dashboard"));
        handle("/large", exchange -> answer(exchange, 200, "application/json",
                "{\"padding\":\"" + "x".repeat(RegistrationFetcher.MAXIMUM_BYTES) + "\"}"));
        handle("/endless", this::endless);
        handle("/slow", exchange -> {
            sleep(Duration.ofSeconds(20));
            answer(exchange, 200, "application/json", document);
        });
    }

    /** A JSON body sent in chunks without a length, until the client goes or 16 MiB have been sent. */
    private void endless(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = ("[" + "0,".repeat(2047) + "0]").getBytes(StandardCharsets.US_ASCII);
        try (OutputStream body = exchange.getResponseBody()) {
            while (endlessSent.get() < 16L * 1024 * 1024) {
                body.write(chunk);
                body.flush();
                endlessSent.addAndGet(chunk.length);
            }
        }
        catch (IOException e) {
            // The client cut the connection: what it was meant to do.
        }
    }

    private void handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The address of a path of the site, by its name. */
    String address(String path) {
        return "https://" + HOST + ":" + server.getAddress().getPort() + path;
    }

    /** The same path under a name of the certificate's that leads here only the first time it is looked up. */
    String addressWhoseNameRebinds(String path) {
        return "https://" + REBINDING_HOST + ":" + server.getAddress().getPort() + path;
    }

    /** The same path under a name the certificate does not hold, which also leads to this machine. */
    String addressUnderOtherName(String path) {
        return "https://" + OTHER_HOST + ":" + server.getAddress().getPort() + path;
    }

    /** A fetcher that trusts this site's certificate and reaches loopback, as no fetcher outside tests does. */
    RegistrationFetcher fetcher(Duration timeout) {
        return new RegistrationFetcher(trust, this::resolve, Set.of(AddressScope.PUBLIC, AddressScope.LOOPBACK), timeout);
    }

    /** The same fetcher, but reaching the public internet only, as the server's own does. */
    RegistrationFetcher publicOnlyFetcher() {
        return new RegistrationFetcher(trust, this::resolve, Set.of(AddressScope.PUBLIC), Duration.ofSeconds(5));
    }

    /**
     * Every name leads here, but {@value #CLOSED_HOST} and {@value #REBINDING_HOST}, which leads here the first time
     * only and then to 127.0.0.2, as a name whose owner changes its answer between a check and a connection would.
     */
    private List<InetAddress> resolve(String host) throws UnknownHostException {
        if (!List.of(HOST, OTHER_HOST, REBINDING_HOST, CLOSED_HOST).contains(host)) {
            throw new UnknownHostException(host);
        }
        boolean rebound = host.equals(REBINDING_HOST) && rebindingLookups.getAndIncrement() > 0;
        lookups.incrementAndGet();
        return List.of(InetAddress.ofLiteral(host.equals(CLOSED_HOST) || rebound ? "127.0.0.2" : "127.0.0.1"));
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
