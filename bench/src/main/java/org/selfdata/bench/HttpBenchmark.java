package org.selfdata.bench;

import org.selfdata.demo.DemoFile;
import org.selfdata.demo.DemoPerson;
import org.selfdata.gate.Gate;
import org.selfdata.gate.Geography;
import org.selfdata.gate.RequestPace;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.server.SelfdataServer;
import org.selfdata.server.ServerSettings;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

import static java.util.Objects.requireNonNull;

/**
 * {@code selfdata bench http}: the HTTP API under load, as people and apps use it. A real server runs in this process on
 * a free loopback port over the benchmark's vault, on SQLite or PostgreSQL; each of its people signs in over HTTP as a
 * browser does, gives an app a grant at region precision and an organization a write grant through the consent page's
 * API and the token endpoint; then a closed-loop {@link LoadGenerator} measures each scenario in turn, and the server's
 * health endpoint, which touches neither session nor vault, as the baseline of them all. Health is measured first and
 * again after the scenarios, and the better of the two kept: first, it would run on code the JIT has barely compiled,
 * flattering every ratio.
 *
 * <p>With several people, worker {@code i} acts for person {@code i mod n}, with that person's session and that
 * person's grants, so that the figures are those of a server answering many people at once, as a host's does: each
 * person's reads are logged in that person's log, and their sessions and grants are looked up apart.
 *
 * <p>Recipients are paced per grant (two requests a second by default): the benchmark's gate lifts the pace, since it
 * measures what the server can answer and not how often a recipient may ask.
 */
final class HttpBenchmark {
    private static final char[] PASSWORD = "benchmark-password".toCharArray();
    private static final String POINTS_HANDLE = "points";
    /** The file that says a vault is the benchmark's: it changes a person's password, so it never opens another vault. */
    private static final String MARK = "made-by-selfdata-bench-http";
    private static final int UNPACED = 100_000_000;
    private static final int SMALL_RECORD_CHARACTERS = 512;
    private static final int OVERVIEW_RECENT = 8;
    private static final String PAGE = "/api/v1/records?type=geo.point&limit=100";
    private static final String SHARED_PAGE = "/api/v1/shared/records?type=geo.point&limit=100";
    private static final String HEALTH = "GET /api/v1/health";

    private final HttpBenchSettings settings;
    private final Consumer<String> progress;
    /** The demo's files, written the first time a person needs them and imported for every person made after. */
    private final List<DemoFile> demoFiles = new ArrayList<>();

    HttpBenchmark(HttpBenchSettings settings, Consumer<String> progress) {
        this.settings = requireNonNull(settings, "settings is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    List<Measurement> run() {
        VaultLocation location = settings.location();
        KeySource keys = KeySource.keyFile(location.folder().resolve(VaultLocation.KEY_FILE));
        boolean made = Files.exists(location.folder().resolve(VaultLocation.KEY_FILE));
        Path mark = location.folder().resolve(MARK);
        if (made && !Files.exists(mark)) {
            throw new IllegalArgumentException(location.folder() + " holds a vault this benchmark did not make; it sets "
                    + "its person's password and gives grants, so it only reuses a vault of its own");
        }
        try (Vault vault = made ? Vault.open(location, keys) : Vault.create(location, keys)) {
            markAsTheBenchmarks(mark);
            List<Person> people = people(vault);
            Person operator = vault.people().operator().orElse(people.getFirst());
            vault.people().setPassword(operator.id(), PASSWORD);
            people.forEach(person -> vault.people().setPassword(person.id(), PASSWORD));
            Clock clock = Clock.systemUTC();
            Gate gate = new Gate(vault, Geography.bundled(), clock, new RequestPace(UNPACED, clock));
            ServerSettings served = ServerSettings.defaults().withPort(0).withPlainHttpOnLoopback();
            try (SelfdataServer server = SelfdataServer.start(served, vault, gate);
                 HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                         .executor(Executors.newVirtualThreadPerTaskExecutor()).build()) {
                progress.accept("serving " + location.describe() + " at " + server.url());
                return measure(client, URI.create(server.url()), operator, people);
            }
        }
    }

    private static void markAsTheBenchmarks(Path mark) {
        try {
            if (!Files.exists(mark)) {
                Files.writeString(mark, "made by selfdata bench http, which reuses it\n");
            }
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "cannot mark " + mark + " as the benchmark's: " + e, e);
        }
    }

    /**
     * The benchmark's people: the demo person, or a person with only synthetic location points, and as many more of the
     * same as asked ({@code camille-2}, {@code camille-3}…); each made the first time, found after that.
     */
    private List<Person> people(Vault vault) {
        String first = settings.points().isPresent() ? POINTS_HANDLE : DemoPerson.HANDLE;
        List<Person> people = new ArrayList<>();
        for (int index = 0; index < settings.people(); index++) {
            String handle = index == 0 ? first : first + "-" + (index + 1);
            people.add(vault.people().find(handle).orElseGet(() -> make(vault, handle)));
        }
        return people;
    }

    private Person make(Vault vault, String handle) {
        if (settings.points().isEmpty()) {
            if (demoFiles.isEmpty()) {
                progress.accept("writing the demo's files");
                demoFiles.addAll(DemoVault.write(settings.scratch()));
            }
            progress.accept("importing the demo's files for " + handle);
            return DemoVault.fill(vault, handle, demoFiles);
        }
        progress.accept("importing " + settings.points().getAsInt() + " location points for " + handle);
        Person person = vault.people().create(handle, DemoPerson.ZONE);
        vault.imports().write(person.id(), new ImportRequest(SyntheticPoints.SOURCE, "benchmark", "points.json"),
                SyntheticPoints.make(settings.points().getAsInt()).stream());
        return person;
    }

    /**
     * Signs every person in, has the operator register the two recipients (only the operator may) and every person grant
     * them, then measures; the operator signs in too if the vault's operator is none of the benchmark's people.
     */
    private List<Measurement> measure(HttpClient client, URI base, Person operator, List<Person> people) {
        progress.accept("signing in " + (people.size() == 1 ? "1 person" : people.size() + " people"));
        List<SignedInBrowser> owners = people.stream()
                .map(person -> SignedInBrowser.signIn(client, base, person.handle(), PASSWORD)).toList();
        int operatorIndex = people.stream().map(Person::id).toList().indexOf(operator.id());
        SignedInBrowser registrar = operatorIndex >= 0 ? owners.get(operatorIndex)
                : SignedInBrowser.signIn(client, base, operator.handle(), PASSWORD);
        progress.accept("granting an app location at region precision and an organization a write grant, "
                + (people.size() == 1 ? "for the person" : "for each person"));
        GrantedApps.Registered recipients = GrantedApps.register(registrar);
        List<GrantedApps.Tokens> tokens = owners.stream()
                .map(owner -> GrantedApps.grant(client, base, owner, recipients)).toList();
        List<List<String>> small = owners.stream().map(HttpBenchmark::smallRecordIds).toList();
        LoadGenerator generator = new LoadGenerator(settings.workers(), settings.warmup(), settings.measured());

        LoadGenerator.Exchange healthCheck = worker -> status(client,
                HttpRequest.newBuilder(base.resolve("/api/v1/health")));
        LoadGenerator.Load healthBefore = load(generator, HEALTH, healthCheck);
        LoadGenerator.Load record = load(generator, "one record by id", worker -> {
            List<String> ids = forWorker(small, worker);
            return status(client, forWorker(owners, worker).request("/api/v1/records/"
                    + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))));
        });
        LoadGenerator.Load page = load(generator, "a page of 100 records",
                worker -> status(client, forWorker(owners, worker).request(PAGE)));
        LoadGenerator.Load shared = load(generator, "the shared page",
                worker -> status(client, bearer(base, forWorker(tokens, worker).reader(), SHARED_PAGE)));
        Instant firstReading = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(1_000));
        AtomicLong pushed = new AtomicLong();
        LoadGenerator.Load pushes = load(generator, "pushes", worker -> status(client,
                bearer(base, forWorker(tokens, worker).writer(), "/api/v1/shared/records")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(reading(firstReading, pushed.getAndIncrement())))));
        LoadGenerator.Load overview = load(generator, "the overview page",
                worker -> overview(client, forWorker(owners, worker)));
        LoadGenerator.Load session = load(generator, "the session",
                worker -> status(client, forWorker(owners, worker).request("/api/v1/session")));
        LoadGenerator.Load healthAfter = load(generator, HEALTH + " again", healthCheck);
        LoadGenerator.Load health = healthAfter.perSecond() > healthBefore.perSecond() ? healthAfter : healthBefore;

        List<Measurement> measurements = new ArrayList<>();
        measurements.add(Measurement.of(HEALTH + ", better of 2", health.perSecond(), "req/s")
                .withDetail(health.detail(50, 99)));
        measurements.add(beside("one record by id (" + small.stream().mapToInt(List::size).sum()
                + " small ones at random)", record, health));
        measurements.add(beside("a page of 100 records", page, health));
        measurements.add(beside("the same page shared at region precision", shared, health));
        measurements.add(beside("a recipient's push of one record", pushes, health));
        measurements.add(beside("the overview page's API calls (8 requests)", overview, health));
        measurements.add(beside("GET /api/v1/session", session, health));
        settings.compareSmall().ifPresent(address -> measurements.addAll(compared(client, generator, address,
                "one record by id", record, health)));
        settings.compareListing().ifPresent(address -> measurements.addAll(compared(client, generator, address,
                "a page of 100 records", page, health)));
        return measurements;
    }

    /** The other server's resource beside health, then the selfdata scenario it stands for beside the other server. */
    private List<Measurement> compared(HttpClient client, LoadGenerator generator, URI address, String scenario,
                                       LoadGenerator.Load ours, LoadGenerator.Load health) {
        LoadGenerator.Load theirs = load(generator, "GET " + address,
                worker -> status(client, HttpRequest.newBuilder(address)));
        return List.of(beside("GET " + address, theirs, health),
                Measurement.beside(scenario + " beside it", ours.perSecond(), "req/s", "GET " + address,
                        theirs.perSecond()));
    }

    private LoadGenerator.Load load(LoadGenerator generator, String what, LoadGenerator.Exchange exchange) {
        progress.accept("measuring " + what + ": " + settings.workers() + " workers, " + settings.warmup().toMillis()
                + " ms warm-up, " + settings.measured().toMillis() + " ms measured");
        if (settings.profiles().isEmpty()) {
            return generator.run(exchange);
        }
        Path profile = settings.profiles().get().resolve(what.replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.start();
            LoadGenerator.Load load = generator.run(exchange);
            recording.stop();
            Files.createDirectories(profile.getParent());
            recording.dump(profile);
            progress.accept("profile written to " + profile);
            return load;
        }
        catch (IOException | ParseException e) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the profile " + profile + " could not be written: " + e, e);
        }
    }

    /** What a worker acts with: worker {@code i} acts for person {@code i mod n}. */
    private static <T> T forWorker(List<T> perPerson, int worker) {
        return perPerson.get(worker % perPerson.size());
    }

    private static Measurement beside(String name, LoadGenerator.Load load, LoadGenerator.Load health) {
        return Measurement.beside(name, load.perSecond(), "req/s", HEALTH, health.perSecond())
                .withDetail(load.detail(50, 99));
    }


    /**
     * Ids of small records, such as a place visited or a contact, which a page reads one at a time: from the first
     * thousand records, those written in under half a kilobyte, or all of them if none is that small.
     */
    private static List<String> smallRecordIds(SignedInBrowser owner) {
        List<JsonNode> records = StreamSupport.stream(owner.get("/api/v1/records?limit=1000").get("records").spliterator(),
                false).toList();
        List<String> small = records.stream().filter(node -> node.toString().length() < SMALL_RECORD_CHARACTERS)
                .map(node -> node.get("id").stringValue()).toList();
        List<String> ids = small.isEmpty() ? records.stream().map(node -> node.get("id").stringValue()).toList() : small;
        if (ids.isEmpty()) {
            throw new IllegalStateException("the benchmark's person holds no records");
        }
        return ids;
    }

    /**
     * What the overview page asks once it is open: the session, then six answers at once, then the latest log entries
     * after the head it was given. Its status is the first that was not 2xx, or 200.
     */
    private static int overview(HttpClient http, SignedInBrowser owner) throws IOException, InterruptedException {
        int session = status(http, owner.request("/api/v1/session"));
        List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
        for (String path : List.of("/api/v1/status", "/api/v1/batches?latest=" + OVERVIEW_RECENT, "/api/v1/grants",
                "/api/v1/recipients", "/api/v1/log/head", "/api/v1/rights/requests")) {
            answers.add(http.sendAsync(owner.request(path).build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        int worst = session;
        long treeSize = 0;
        for (CompletableFuture<HttpResponse<byte[]>> answer : answers) {
            HttpResponse<byte[]> response = answer.join();
            worst = notOk(worst) ? worst : response.statusCode();
            if (response.uri().getPath().endsWith("/log/head") && response.statusCode() == 200) {
                treeSize = SignedInBrowser.JSON.readTree(response.body()).get("treeSize").longValue();
            }
        }
        int log = status(http, owner.request("/api/v1/log?limit=" + OVERVIEW_RECENT + "&after="
                + Math.max(-1, treeSize - OVERVIEW_RECENT - 1)));
        return notOk(worst) ? worst : log;
    }

    private static boolean notOk(int status) {
        return status < 200 || status > 299;
    }

    private static HttpRequest.Builder bearer(URI base, String token, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token);
    }

    private static int status(HttpClient http, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * One meter reading, a minute after the one before, as an energy supplier gives them back; the first dates from a
     * thousand days before the run, so that a vault reused by later runs is given readings it does not hold yet.
     */
    private static String reading(Instant first, long index) {
        Instant start = first.plus(Duration.ofMinutes(index));
        Instant end = start.plus(Duration.ofMinutes(1));
        return "{\"records\":[{\"type\":\"energy.reading\",\"start\":\"" + start + "\",\"end\":\"" + end
                + "\",\"payload\":{\"meter\":\"09876543210987\",\"quantity\":\"ENERGY\",\"value\":" + (index % 9000 + 100)
                + "}}]}";
    }
}
