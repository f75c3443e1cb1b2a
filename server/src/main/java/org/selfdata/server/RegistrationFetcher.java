package org.selfdata.server;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Fetches an app's registration document from the https address the app gives, for the operator to review: a request
 * the server makes to an address a person chose, so it is held to what such a document needs and nothing more.
 *
 * <p>The host is looked up once, and every address it has must lead to the public internet ({@link AddressScope}):
 * never this machine, the operator's networks or a cloud provider's metadata service. The connection then goes to the
 * addresses that were checked, and to no other: the client's resolver answers with them alone, so a name that changes
 * its answer between the check and the connection (DNS rebinding) still reaches only what was checked. TLS verifies
 * the certificate against the host's name all the same. No redirect is followed, no proxy, cookie or retry is used;
 * the connection, each read and the whole body have a time limit; the body must be {@code application/json} and is
 * read no further than {@link #MAXIMUM_BYTES}. A refusal says what was wrong, never what was answered.
 */
final class RegistrationFetcher {
    /** Far more than a registration document needs; a body larger than this is refused while it is read. */
    static final int MAXIMUM_BYTES = 64 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Looks a host up: the system's resolver, or in tests names of their own. */
    @FunctionalInterface
    interface HostResolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** Cuts the fetches that outlast their time limit; its thread is virtual, so it never keeps the server running. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("registration-fetch-watchdog").factory());

    private final SSLContext tls;
    private final HostResolver resolver;
    private final Set<AddressScope> reachable;
    private final Duration timeout;

    /**
     * A fetcher that reaches the public internet only. Tests that serve documents on this machine use the other
     * constructor; nothing a person or an operator can set makes this one reach anywhere else.
     */
    static RegistrationFetcher overThePublicInternet() {
        return new RegistrationFetcher(SSLContexts.createSystemDefault(), host -> List.of(InetAddress.getAllByName(host)),
                Set.of(AddressScope.PUBLIC), TIMEOUT);
    }

    /** For tests only: trusting a certificate of their own, resolving names of their own, reaching their own server. */
    RegistrationFetcher(SSLContext tls, HostResolver resolver, Set<AddressScope> reachable, Duration timeout) {
        this.tls = requireNonNull(tls, "tls is null");
        this.resolver = requireNonNull(resolver, "resolver is null");
        this.reachable = Set.copyOf(reachable);
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** The document at the address, as JSON; refused with the reason when anything is not as a document must be. */
    JsonNode fetch(RegistrationAddress address) {
        List<InetAddress> checked = checked(address.host());
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpGet request = new HttpGet(address.uri());
        request.setHeader("Accept", ContentType.APPLICATION_JSON.getMimeType());
        // Each step has its time limit; this one bounds them all, cutting the connection wherever the fetch stands.
        ScheduledFuture<?> cut = WATCHDOG.schedule(request::cancel, 2 * timeout.toMillis(), TimeUnit.MILLISECONDS);
        try (CloseableHttpClient client = client(address.host(), checked)) {
            try {
                return client.execute(request, response -> {
                    try {
                        return document(address, response, deadline);
                    }
                    catch (SelfdataException e) {
                        // Closing the response would read the rest of the body: the connection is cut instead.
                        request.cancel();
                        throw e;
                    }
                });
            }
            finally {
                client.close(CloseMode.IMMEDIATE);
            }
        }
        catch (IOException e) {
            throw failed(address, e, cut.isDone() && !cut.isCancelled());
        }
        catch (IllegalStateException e) {
            // A connection cut by the watchdog while it was being opened is refused by the client this way.
            if (cut.isDone() && !cut.isCancelled()) {
                throw refused("error.server.registrationTimeout", address.host(), seconds());
            }
            throw e;
        }
        finally {
            cut.cancel(false);
        }
    }

    /** What a failed connection or read says: out of time (or cut by the watchdog), no valid certificate, or no answer. */
    private SelfdataException failed(RegistrationAddress address, IOException failure, boolean cut) {
        if (cut || failure instanceof InterruptedIOException) {
            return refused("error.server.registrationTimeout", address.host(), seconds());
        }
        if (failure instanceof SSLException) {
            return refused("error.server.registrationTls", address.host());
        }
        return refused("error.server.registrationUnreachable", address.host());
    }

    /** Every address of the host, each of which must be reachable; looked up here, once. */
    private List<InetAddress> checked(String host) {
        List<InetAddress> addresses;
        try {
            addresses = List.copyOf(resolver.resolve(host));
        }
        catch (UnknownHostException e) {
            throw refused("error.server.registrationHostUnknown", host);
        }
        if (addresses.isEmpty()) {
            throw refused("error.server.registrationHostUnknown", host);
        }
        for (InetAddress address : addresses) {
            AddressScope scope = AddressScope.of(address);
            if (!reachable.contains(scope)) {
                throw refused("error.server.registrationHostNotPublic", host,
                        Wording.of(scope.key()));
            }
        }
        return addresses;
    }

    private CloseableHttpClient client(String host, List<InetAddress> checked) {
        Timeout limit = Timeout.of(timeout);
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new PinnedResolver(host, checked))
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create()
                                .setSslContext(tls)
                                .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                                .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH)
                                .setHostnameVerifier(HttpsSupport.getDefaultHostnameVerifier())
                                .buildClassic())
                        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(limit).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit)
                                .setSocketTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(limit)
                        .setConnectionRequestTimeout(limit).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .build();
    }

    private JsonNode document(RegistrationAddress address, ClassicHttpResponse response, long deadline)
            throws IOException {
        int status = response.getCode();
        if (status >= 300 && status < 400) {
            throw refused("error.server.registrationRedirected", status);
        }
        if (status != 200) {
            throw refused("error.server.registrationStatus", status);
        }
        HttpEntity entity = response.getEntity();
        if (entity == null || !isJson(entity.getContentType())) {
            throw refused("error.server.registrationNotJsonType");
        }
        if (entity.getContentLength() > MAXIMUM_BYTES) {
            throw tooLarge();
        }
        byte[] body = readAtMost(entity, address, deadline);
        try {
            return ApiJson.mapper().readTree(body);
        }
        catch (JacksonException e) {
            throw refused("error.server.registrationNotJson");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals(ContentType.APPLICATION_JSON.getMimeType());
    }

    /**
     * The body, read no further than the limit and no longer than the deadline, whatever the server announced; left
     * open, since closing it would read the rest.
     */
    private byte[] readAtMost(HttpEntity entity, RegistrationAddress address, long deadline) throws IOException {
        InputStream input = entity.getContent();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        for (int read = input.read(chunk); read != -1; read = input.read(chunk)) {
            if (body.size() + read > MAXIMUM_BYTES) {
                throw tooLarge();
            }
            if (System.nanoTime() > deadline) {
                throw refused("error.server.registrationTimeout", address.host(), seconds());
            }
            body.write(chunk, 0, read);
        }
        return body.toByteArray();
    }

    /** The time limit in whole seconds, rounded up, as the refusal says it. */
    private long seconds() {
        return Math.max(1, (timeout.toMillis() + 999) / 1000);
    }

    private static SelfdataException tooLarge() {
        return refused("error.server.registrationTooLarge", MAXIMUM_BYTES / 1024);
    }

    private static SelfdataException refused(String key, Object... arguments) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of(key, arguments));
    }

    /**
     * The client's only resolver: the checked addresses of the checked host, and nothing for any other name, so that
     * the connection cannot look the host up again and be sent elsewhere.
     */
    private record PinnedResolver(String host, List<InetAddress> addresses) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String name) throws UnknownHostException {
            if (!name.toLowerCase(Locale.ROOT).equals(host)) {
                throw new UnknownHostException(name);
            }
            return addresses.toArray(InetAddress[]::new);
        }

        @Override
        public String resolveCanonicalHostname(String name) throws UnknownHostException {
            resolve(name);
            return host;
        }
    }
}
