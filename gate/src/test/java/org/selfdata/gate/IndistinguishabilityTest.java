package org.selfdata.gate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.selfdata.model.AmountPrecision;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantId;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Precision;
import org.selfdata.model.Purpose;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.TimePrecision;
import org.selfdata.testing.TestPostgres;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * A recipient learns nothing finer than its grant: two vaults whose records differ only below the grant's precision
 * (times moved within their day, places within their region or cell, amounts within their band, unshared text
 * rewritten) answer a long random sequence of the recipient's requests with the same bytes, page after page, error
 * after error, whatever the filters, limits and cursors.
 *
 * <p>Each seed draws a grant, a life and its moved twin, and the requests. CI runs a few seeds on each engine;
 * {@code -Dselfdata.indistinguishability.seeds=500} runs as many as asked, on SQLite, and a failing seed is named in
 * the test's name, so that it can be run again alone with {@code -Dselfdata.indistinguishability.first=SEED}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndistinguishabilityTest {
    private static final Instant NOW = Instant.parse("2025-05-20T10:00:00Z");
    private static final int RECORDS = 200;
    private static final int REQUESTS = 70;
    private static final int POSTGRES_SEEDS = 3;
    private static final List<LocationPrecision> LOCATIONS = List.of(LocationPrecision.EXACT, LocationPrecision.h3(9),
            LocationPrecision.h3(7), LocationPrecision.h3(5), LocationPrecision.DEPARTMENT, LocationPrecision.REGION,
            LocationPrecision.COUNTRY, LocationPrecision.NONE);
    private static final List<AmountPrecision> AMOUNTS = List.of(AmountPrecision.EXACT, AmountPrecision.rounded(10),
            AmountPrecision.rounded(100), AmountPrecision.BANDED, AmountPrecision.NONE);
    private static final List<String> FREE_TEXT = List.of("label", "counterparty", "memo", "bankCategory", "summary",
            "description", "placeName", "address", "location");

    private final Map<Engine, TwinVaults> templates = new EnumMap<>(Engine.class);
    private final Geography geography = Geography.bundled();

    @BeforeAll
    void makeTemplates() {
        for (Engine engine : Engine.values()) {
            if (!onCitus(engine)) {
                templates.put(engine, new TwinVaults(engine));
            }
        }
    }

    /**
     * Twins are copies of one database ({@code CREATE DATABASE … TEMPLATE}), which a Citus cluster refuses: a database
     * there is spread over every node. On Citus the PostgreSQL seeds are skipped; the gate's other tests run there.
     */
    private static boolean onCitus(Engine engine) {
        return engine == Engine.POSTGRES && TestPostgres.get().citus();
    }

    @AfterAll
    void deleteTemplates() throws IOException {
        for (TwinVaults template : templates.values()) {
            template.close();
        }
    }

    static Stream<Arguments> seeds() {
        long first = Long.getLong("selfdata.indistinguishability.first", 20_261_205L);
        int count = Integer.getInteger("selfdata.indistinguishability.seeds", 12);
        return Stream.concat(
                LongStream.range(first, first + count).mapToObj(seed -> Arguments.of(seed, Engine.SQLITE)),
                LongStream.range(first, first + Math.min(count, POSTGRES_SEEDS))
                        .mapToObj(seed -> Arguments.of(seed, Engine.POSTGRES)));
    }

    @ParameterizedTest(name = "seed {0} on {1}")
    @MethodSource("seeds")
    void twoVaultsThatDifferBelowTheGrantsPrecisionAnswerItsRecipientAlike(long seed, Engine engine) throws IOException {
        assumeFalse(onCitus(engine), "a Citus cluster cannot copy a database from a template");
        // Random's first draws of consecutive seeds are alike; SplittableRandom mixes a seed before it is used.
        Random random = new Random(new SplittableRandom(seed).nextLong());
        TwinVaults twins = templates.get(engine);
        Grant grant = grant(random, twins);
        List<RecordDraft> life = new SampleLife(random, TestVaults.PARIS).records(RECORDS, SampleLife.TYPES);
        BelowPrecision moving = new BelowPrecision(grant.terms().precision(), grant.terms().fields(), TestVaults.PARIS,
                geography, random);
        List<RecordDraft> moved = life.stream().map(moving::move).toList();

        Vault exact = twins.copy();
        Vault twin = twins.copy();
        try (exact; twin) {
            importInto(exact, twins, life);
            importInto(twin, twins, moved);
            Gate exactGate = new Gate(exact, geography, Clock.fixed(NOW, ZoneOffset.UTC));
            Gate twinGate = new Gate(twin, geography, Clock.fixed(NOW, ZoneOffset.UTC));
            Accessor.Recipient recipient = new Accessor.Recipient(twins.person().id(), grant);
            Optional<Request> previous = Optional.empty();
            int records = 0;
            for (int index = 0; index < REQUESTS; index++) {
                Request request = next(random, grant, previous);
                String expected = answer(exactGate, recipient, request);
                assertThat(answer(twinGate, recipient, request))
                        .as("request %d of seed %d under %s: %s", index, seed, grant.terms().precision().describe(), request)
                        .isEqualTo(expected);
                previous = Optional.of(request.withNext(next(expected)));
                records += expected.startsWith("[") ? JsonMapper.builder().build()
                        .readTree(expected.substring(0, expected.lastIndexOf("\nnext: "))).size() : 0;
            }
            assertThat(records).as("records shared over the requests of seed %d", seed).isPositive();
        }
        finally {
            TestVaults.delete(exact.location().folder());
            TestVaults.delete(twin.location().folder());
        }
    }

    /** A request of the recipient: a query, and the cursor it follows if any. */
    private record Request(RecordQuery query, Optional<String> cursor, Optional<String> next) {
        Request withNext(Optional<String> value) {
            return new Request(query, cursor, value);
        }

        @Override
        public String toString() {
            return "types " + new TreeSet<>(query.types()) + ", categories " + query.categories() + ", from "
                    + query.from().map(Instant::toString).orElse("-") + ", to " + query.to().map(Instant::toString).orElse("-")
                    + ", limit " + query.limit() + ", after " + cursor.orElse("-");
        }
    }

    private static Request next(Random random, Grant grant, Optional<Request> previous) {
        if (previous.isPresent() && previous.get().next().isPresent() && random.nextInt(10) < 6) {
            return new Request(previous.get().query(), previous.get().next(), Optional.empty());
        }
        Set<RecordType> readable = GrantScope.readableTypes(grant.terms());
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        int kind = random.nextInt(10);
        if (kind >= 6) {
            types.addAll(randomSubset(random, List.copyOf(readable)));
        }
        if (kind == 9) {
            types.add(RecordType.values()[random.nextInt(RecordType.values().length)]);
        }
        Set<Category> categories = random.nextInt(10) == 0
                ? Set.of(Category.values()[random.nextInt(Category.values().length)]) : Set.of();
        Optional<Instant> from = random.nextBoolean() ? Optional.of(instant(random)) : Optional.empty();
        Optional<Instant> to = random.nextBoolean() ? Optional.of(instant(random)) : Optional.empty();
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            to = Optional.empty();
        }
        Optional<String> cursor = random.nextInt(25) == 0 ? Optional.of("AQAAAZXAMOKB" + random.nextInt(1000)) : Optional.empty();
        return new Request(new RecordQuery(types, categories, from, to, Optional.empty(), 1 + random.nextInt(25)), cursor,
                Optional.empty());
    }

    private static Instant instant(Random random) {
        long first = SampleLife.FIRST.minus(Duration.ofDays(3)).toEpochMilli();
        long last = SampleLife.LAST.plus(Duration.ofDays(3)).toEpochMilli();
        return Instant.ofEpochMilli(first + (long) (random.nextDouble() * (last - first)));
    }

    /** What the recipient sees: the page's records and its next cursor, or the refusal's code and message. */
    private static String answer(Gate gate, Accessor.Recipient recipient, Request request) {
        try {
            SharedAnswer answer = SharedAnswer.of(gate, recipient, request.query(), request.cursor());
            return answer.records() + "\nnext: " + answer.next().orElse("");
        }
        catch (SelfdataException refusal) {
            return refusal.code() + ": " + refusal.getMessage();
        }
    }

    private static Optional<String> next(String answer) {
        int next = answer.lastIndexOf("\nnext: ");
        return next < 0 || answer.endsWith("\nnext: ") ? Optional.empty() : Optional.of(answer.substring(next + 7));
    }

    private static void importInto(Vault vault, TwinVaults twins, List<RecordDraft> records) {
        vault.imports().write(twins.person().id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "sample",
                "life.json"), records.stream());
    }

    private Grant grant(Random random, TwinVaults twins) {
        Precision precision = new Precision(LOCATIONS.get(random.nextInt(LOCATIONS.size())),
                AMOUNTS.get(random.nextInt(AMOUNTS.size())),
                TimePrecision.values()[random.nextInt(TimePrecision.values().length)],
                random.nextBoolean() ? IdentifierPrecision.CLEAR : IdentifierPrecision.PSEUDONYMIZED);
        Set<RecordType> types = EnumSet.copyOf(randomSubset(random, SampleLife.TYPES));
        Set<Category> categories = random.nextInt(4) == 0 ? Set.of(Category.LOCATION) : Set.of();
        Instant given = Instant.parse("2025-02-18T09:30:00Z");
        CoveredPeriod covered = switch (random.nextInt(3)) {
            case 0 -> new CoveredPeriod.Trailing(Period.ofDays(60 + random.nextInt(40)));
            case 1 -> new CoveredPeriod.Between(SampleLife.FIRST.plusSeconds(random.nextInt(1_000_000)),
                    SampleLife.LAST.minusSeconds(random.nextInt(1_000_000)));
            default -> new CoveredPeriod.FromGrant();
        };
        GrantTerms terms = new GrantTerms(twins.recipient().id(), 1, GrantKind.READ, Purpose.SERVICE_PROVISION,
                "a service of the recipient's", LegalBasis.CONSENT, types, categories,
                Set.copyOf(randomSubset(random, FREE_TEXT)), precision, covered, given, NOW.plus(Duration.ofDays(30)),
                Duration.ofDays(30), 40 + random.nextInt(600));
        return new Grant(GrantId.of("grant-of-person-" + twins.person().id().value()), twins.person().id(), terms, given,
                Optional.empty());
    }

    /** A random subset of the list, never empty, in the list's order. */
    private static <T> List<T> randomSubset(Random random, List<T> all) {
        List<T> chosen = new ArrayList<>();
        while (chosen.isEmpty()) {
            all.stream().filter(element -> random.nextBoolean()).forEach(chosen::add);
        }
        return chosen;
    }
}
