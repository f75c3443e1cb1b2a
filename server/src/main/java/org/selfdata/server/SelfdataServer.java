package org.selfdata.server;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson3;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.util.JavalinException;
import org.selfdata.gate.Consent;
import org.selfdata.gate.Gate;
import org.selfdata.gate.ReceiptAddresses;
import org.selfdata.gate.Sharing;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.AnswerComparison;
import org.selfdata.rights.RightsDesk;
import org.selfdata.services.AcrossSources;
import org.selfdata.services.Carbon;
import org.selfdata.services.CarbonFactors;
import org.selfdata.services.Energy;
import org.selfdata.services.EnergyBill;
import org.selfdata.services.Forecast;
import org.selfdata.services.Health;
import org.selfdata.services.LocationCache;
import org.selfdata.services.Money;
import org.selfdata.services.Places;
import org.selfdata.services.Recurring;
import org.selfdata.services.TariffTable;
import org.selfdata.services.TariffTables;
import org.selfdata.services.Reveal;
import org.selfdata.services.RevealComparison;
import org.selfdata.services.RevealCorrections;
import org.selfdata.services.RevealGrants;
import org.selfdata.vault.Vault;
import org.selfdata.texts.Wording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The HTTP server: the owner's page and the JSON API under {@code /api/v1}, on Javalin and virtual threads.
 *
 * <p>Everything is wired here, top to bottom: the session cookie and CSRF tokens, the guard that runs before every
 * route, the one place failures become problem responses, and each feature's routes. Reads of records go through the
 * gate; the vault is used for sign-in, sessions and what it holds (counts, sources, batches).
 */
public final class SelfdataServer implements AutoCloseable {
    /** A route as Javalin holds it, with the pattern of its path ({@code /api/v1/records/{id}}), and who may call it. */
    record Route(String method, String path, boolean isPublic, boolean isForRecipients, boolean isForAuditors) {}

    private static final Duration IMPORTS_FINISHING = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SelfdataServer.class);
    private static final Duration FOLDED_ENTRIES_WRITTEN = Duration.ofSeconds(30);

    private final Javalin javalin;
    private final String host;
    private final IssuerAddress issuer;
    private final ExecutorService imports;
    private final Gate gate;
    /** Runs the server's work of its own: the folded log entries, the daily reminders of deadlines. */
    private final ScheduledExecutorService scheduled;

    private SelfdataServer(Javalin javalin, String host, IssuerAddress issuer, ExecutorService imports, Gate gate,
                           DailyReminders reminders) {
        this.javalin = javalin;
        this.host = host;
        this.issuer = issuer;
        this.imports = imports;
        this.gate = gate;
        this.scheduled = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("scheduled").factory());
        long period = FOLDED_ENTRIES_WRITTEN.toMillis();
        scheduled.scheduleAtFixedRate(() -> writeFoldedEntries(false), period, period, TimeUnit.MILLISECONDS);
        scheduled.scheduleAtFixedRate(reminders, DailyReminders.FIRST_RUN.toMillis(), DailyReminders.PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Writes the counted repeats of recipients' refusals and empty reads; a failure waits for the next turn. */
    private void writeFoldedEntries(boolean stopping) {
        try {
            gate.writeFoldedEntries(stopping);
        }
        catch (RuntimeException e) {
            LOG.warn("the repeats of recipients' refused or empty requests could not be written yet", e);
        }
    }

    /** Starts serving; the server runs until {@link #close()}. */
    public static SelfdataServer start(ServerSettings settings, Vault vault, Gate gate) {
        return start(settings, vault, gate, Clock.systemUTC());
    }

    /** With the clock that times failed sign-ins, for tests that wait out a limit without waiting. */
    static SelfdataServer start(ServerSettings settings, Vault vault, Gate gate, Clock clock) {
        return start(settings, vault, gate, clock, RegistrationFetcher.overThePublicInternet());
    }

    /** With a fetcher of registration documents that reaches a test's own server, which no setting can make. */
    static SelfdataServer start(ServerSettings settings, Vault vault, Gate gate, Clock clock, RegistrationFetcher fetcher) {
        requireNonNull(settings, "settings is null");
        requireNonNull(vault, "vault is null");
        requireNonNull(gate, "gate is null");
        requireNonNull(clock, "clock is null");
        requireNonNull(fetcher, "fetcher is null");
        // An operator's tariff table that cannot be read stops the server at once, naming its line, not at the first bill.
        Supplier<TariffTable> tariffs = TariffTables.of(settings.tariffs());
        tariffs.get();
        // So does a single sign-on provider whose metadata cannot be read: before anyone is sent there.
        Optional<OidcProvider> singleSignOn = settings.singleSignOn().map(OidcProvider::discover);
        SessionCookie cookie = new SessionCookie(settings.secureCookies(), settings.sessionLifetime());
        CsrfTokens csrfTokens = CsrfTokens.withNewKey();
        RecipientGuard recipientGuard = new RecipientGuard(vault.oauthTokens(), vault.grants(), clock);
        TokenClients tokenClients = new TokenClients(vault.recipients(), vault.oauthTokens());
        OwnerGuard guard = new OwnerGuard(vault.sessions(), cookie, csrfTokens, recipientGuard,
                new AuditorGuard(vault.auditors()));
        AtomicReference<Javalin> listening = new AtomicReference<>();
        IssuerAddress issuer = IssuerAddress.of(settings, () -> listening.get().port());
        Sharing sharing = Sharing.over(vault, clock, ReceiptAddresses.servedAt(issuer::uri));
        Consent consent = new Consent(vault.recipients(), clock);
        SignInThrottle throttle = new SignInThrottle(settings.signInLimits(), clock);
        JsonBodies bodies = new JsonBodies(settings.maximumRequestBytes());
        Uploads uploads = new Uploads(vault.inProgress(), settings.maximumUploadBytes());
        ExecutorService imports = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("import-", 0).factory());
        RevealCorrections corrections = new RevealCorrections(vault.placeCorrections());
        Intake intake = new Intake(Importers.standard(), vault.imports(), IntakeLimits.DEFAULT);
        RightsDesk desk = new RightsDesk(vault, intake, clock);
        // One cache of each person's locations for the four services that go through them all, so that they are read once.
        LocationCache locations = new LocationCache(gate);
        Reveal reveal = new Reveal(gate, corrections, locations);
        RevealComparison comparison = new RevealComparison(reveal);
        Recurring recurring = new Recurring(gate, clock, vault.recurringCorrections());
        Energy energy = new Energy(gate);
        Carbon carbon = new Carbon(gate, CarbonFactors.shipped(), locations);
        RevealComparisonJson reveals = new RevealComparisonJson(comparison, vault.people(), gate.geography());
        AuthorizationRoutes authorizations = new AuthorizationRoutes(vault.recipients(), consent, sharing, vault.oauthTokens(),
                gate, reveals, bodies, issuer, clock);
        List<HttpService> services = List.of(
                new SessionRoutes(vault.people(), vault.sessions(), cookie, csrfTokens, throttle, bodies,
                        settings.sessionLifetime()),
                new VaultRoutes(vault),
                new QuarantineRoutes(vault, intake, bodies),
                new LogRoutes(vault, bodies),
                new SharedLogRoutes(vault),
                new AuditRoutes(vault),
                new RecordRoutes(gate, vault.people()),
                new TimelineRoutes(gate, vault.people()),
                new MoneyRoutes(vault, new Money(gate), recurring, new Forecast(gate, recurring), clock),
                new MoneyHealthRoutes(vault, new Health(gate), clock),
                new RecurringCorrectionRoutes(recurring, vault.people(), bodies),
                new EnergyRoutes(vault, energy, new EnergyBill(gate, recurring, tariffs), clock),
                new AcrossRoutes(vault, new AcrossSources(reveal, energy, recurring, tariffs, carbon)),
                new CarbonRoutes(vault, carbon, clock),
                new RecipientRoutes(vault.recipients(), vault.people(), vault.oauthTokens(), bodies, fetcher),
                authorizations,
                new TokenRoutes(tokenClients, new HeldWriteGrants(vault.people(), vault.grants(), clock), vault.grants(),
                        vault.oauthTokens(), issuer, clock),
                new RevocationRoutes(tokenClients, vault.oauthTokens(), issuer),
                new GrantRoutes(sharing, consent, gate, vault.grants(), vault.receipts(), reveals, bodies, clock),
                new SharedRoutes(gate, bodies, clock),
                new ImportRoutes(vault.people(), intake, vault.csvMappings(), new ImportJobs(clock), uploads, imports),
                new CsvMappingRoutes(vault.csvMappings(), bodies),
                new RightsRoutes(desk, bodies),
                new RightsOrganizationRoutes(desk, bodies),
                new RightsMailRoutes(desk, bodies),
                new RightsAnswerRoutes(desk, bodies, uploads),
                new RightsIdentityRoutes(desk, uploads),
                new RightsCalendarRoutes(desk),
                new RightsReminderRoutes(desk.reminders(), bodies),
                new RightsComparisonRoutes(desk, new AnswerComparison(vault, gate)),
                new RightsChangeRoutes(desk, vault, gate, bodies),
                new AccountRoutes(vault, gate, uploads, cookie, csrfTokens, throttle, bodies, settings.sessionLifetime(), clock),
                new OidcRoutes(singleSignOn, new PendingSignIns(clock), issuer, vault.people(), vault.identities(),
                        vault.sessions(), cookie, throttle, settings.sessionLifetime(), settings.secureCookies()),
                new HealthRoutes(vault),
                new PlacesRoutes(new Places(locations, corrections), vault.people()),
                new RevealRoutes(reveal, vault.people()),
                new RevealPlacesRoutes(corrections, bodies),
                new RevealGrantsRoutes(new RevealGrants(gate, sharing, comparison, clock), vault.people(),
                        vault.recipients()),
                new OpenApiRoutes(),
                new ProblemTypeRoutes(),
                new VocabularyRoutes(issuer),
                new NoticeRoutes(vault.recipients()),
                new PageRoutes(vault.sessions(), cookie, new PageSettings(settings), authorizations::sentBack));
        DocumentedParameters parameters = DocumentedParameters.ofTheApi();
        HttpMeters meters = new HttpMeters(vault.meters());
        Javalin javalin = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.startup.startupWatcherEnabled = false;
            config.jetty.host = settings.host();
            config.jetty.port = settings.port();
            config.jetty.modifyServer(server -> server.setErrorHandler(new WebServerErrors()));
            config.http.maxRequestSize = settings.maximumRequestBytes();
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson3(ApiJson.mapper(), true));
            config.routes.before(meters::begin);
            config.routes.before(SecurityHeaders::apply);
            config.routes.beforeMatched(guard::check);
            config.routes.beforeMatched(parameters::check);
            Problems.register(config.routes);
            services.forEach(service -> service.routing(config.routes));
            config.routes.after(meters::end);
        });
        listening.set(javalin);
        try {
            javalin.start();
        }
        catch (JavalinException e) {
            imports.shutdown();
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.cannotListen",
                    settings.host(), Integer.toString(settings.port()), String.valueOf(e.getMessage())), e);
        }
        if (settings.issuer().isEmpty() && !settings.host().equals(ServerSettings.LOOPBACK) && !settings.host().equals("::1")) {
            LOG.warn("no issuer is set: apps are told this server is {}; give the address they reach it at with --issuer",
                    issuer.uri());
        }
        return new SelfdataServer(javalin, settings.host(), issuer, imports, gate, new DailyReminders(desk.reminders()));
    }

    public int port() {
        return javalin.port();
    }

    /** Where a browser on this machine finds the page, such as {@code http://127.0.0.1:8080/}. */
    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/";
    }

    /**
     * The address the server names itself by to apps, as an authorization server: the one set, or else the address it
     * listens on, such as {@code http://127.0.0.1:8080/}.
     */
    public URI issuer() {
        return issuer.uri();
    }

    /** Every route the server answers, read back from Javalin rather than from a list of our own that could drift. */
    List<Route> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> new Route(endpoint.method.name(), endpoint.path, has(endpoint, Access.PUBLIC),
                        has(endpoint, Access.RECIPIENT), has(endpoint, Access.AUDITOR)))
                .toList();
    }

    private static boolean has(Endpoint endpoint, Access access) {
        Roles roles = endpoint.metadata(Roles.class);
        return roles != null && roles.getRoles().contains(access);
    }

    /**
     * Stops taking requests, then gives the imports under way a while to end, since the vault is usually closed
     * next; an import cut short by the vault's closing is undone whole, like any failed import.
     */
    @Override
    public void close() {
        javalin.stop();
        scheduled.shutdownNow();
        writeFoldedEntries(true);
        imports.shutdown();
        try {
            if (!imports.awaitTermination(IMPORTS_FINISHING.toSeconds(), TimeUnit.SECONDS)) {
                imports.shutdownNow();
            }
        }
        catch (InterruptedException e) {
            imports.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
