package org.selfdata.bench;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Consent;
import org.selfdata.gate.Gate;
import org.selfdata.gate.Geography;
import org.selfdata.gate.ReceiptedGrant;
import org.selfdata.gate.Refusal;
import org.selfdata.gate.SharedPage;
import org.selfdata.gate.Sharing;
import org.selfdata.model.Category;
import org.selfdata.model.CoveredPeriod;
import org.selfdata.model.DeclaredPurpose;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Grant;
import org.selfdata.model.GrantKind;
import org.selfdata.model.GrantTerms;
import org.selfdata.model.IdentifierPrecision;
import org.selfdata.model.LegalBasis;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Person;
import org.selfdata.model.Precision;
import org.selfdata.model.ProcessingDeclaration;
import org.selfdata.model.Purpose;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecipientIdentity;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordJson;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;

import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A recipient's read of location points through a grant that turns each into an area, beside the owner's read of the
 * same points: both read through the gate, page by page, and written as the API writes them into a stream that drops
 * every byte, so that what differs is the grant's transform alone.
 *
 * <p>A grant lets through at most {@link GrantTerms#MAXIMUM_VOLUME} records a day, so each shared page is read a couple
 * of days after the previous one, on the gate's clock; the owner's read goes in pages of the same size. A warm-up round
 * comes first; then the rounds alternate the reads, and each figure is the best of its rounds: on a machine shared
 * with other work, the best is the run that other work disturbed least.
 */
final class GateBenchmark {
    private static final int ROUNDS = 5;
    private static final Duration BETWEEN_PAGES = Duration.ofDays(2);
    private static final String PURPOSE = "areas the person went through";
    private static final Precision H3_CEILING = Precision.EXACT.withLocation(LocationPrecision.h3(8))
            .withIdentifiers(IdentifierPrecision.PSEUDONYMIZED);

    private final VaultLocation location;
    private final String engine;
    private final Consumer<String> progress;

    GateBenchmark(VaultLocation location, String engine, Consumer<String> progress) {
        this.location = requireNonNull(location, "location is null");
        this.engine = requireNonNull(engine, "engine is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    List<Measurement> run(List<RecordDraft> points, List<LocationPrecision> precisions) {
        try (Vault vault = Vault.create(location, KeySource.keyFile(location.folder().resolve(VaultLocation.KEY_FILE)))) {
            Person person = vault.people().create("sharer", ZoneId.of("Europe/Paris"));
            progress.accept(engine + ": importing " + points.size() + " points");
            vault.imports().write(person.id(), new ImportRequest(SyntheticPoints.SOURCE, "benchmark", "points.json"),
                    points.stream());
            LaterDays clock = new LaterDays();
            Gate gate = new Gate(vault, Geography.bundled(), clock);
            Recipient recipient = register(vault, person);
            List<Accessor.Recipient> grants = precisions.stream()
                    .map(precision -> new Accessor.Recipient(person.id(), give(vault, person, recipient, precision))).toList();
            int pageSize = Math.min(points.size(), GrantTerms.MAXIMUM_VOLUME);
            Reads reads = new Reads(gate, clock, person, pageSize, points.size());
            long[][] nanoseconds = new long[precisions.size() + 1][ROUNDS];
            for (int round = 0; round <= ROUNDS; round++) {
                progress.accept(engine + (round == 0 ? ": warm-up round" : ": round " + round + " of " + ROUNDS));
                long owner = reads.owner();
                long[] shared = grants.stream().mapToLong(reads::shared).toArray();
                progress.accept(engine + ": owner's read " + owner / 1_000_000 + " ms, shared "
                        + Arrays.stream(shared).mapToObj(took -> took / 1_000_000 + " ms").toList());
                if (round > 0) {
                    nanoseconds[0][round - 1] = owner;
                    for (int index = 0; index < shared.length; index++) {
                        nanoseconds[index + 1][round - 1] = shared[index];
                    }
                }
            }
            return measurements(points.size(), precisions, nanoseconds);
        }
    }

    private List<Measurement> measurements(int count, List<LocationPrecision> precisions, long[][] nanoseconds) {
        double owner = Rounds.best(nanoseconds[0]);
        List<Measurement> measurements = new ArrayList<>();
        measurements.add(Measurement.of("owner's read as JSON, best of " + ROUNDS + ", " + engine, perSecond(count, owner),
                "records/s"));
        for (int index = 0; index < precisions.size(); index++) {
            double shared = Rounds.best(nanoseconds[index + 1]);
            String name = "shared read at " + precisions.get(index).term() + ", " + engine;
            measurements.add(Measurement.beside(name, perSecond(count, shared), "records/s", "owner's read",
                    perSecond(count, owner)));
            measurements.add(new Measurement(name + ", time", shared / 1e6, "ms",
                    Optional.of(new Measurement.Baseline("owner's read", owner / 1e6)), false));
        }
        return measurements;
    }

    /** The vault is the benchmark's own, so its one person is its operator and admits the recipient. */
    private static Recipient register(Vault vault, Person operator) {
        Recipient recipient = vault.recipients().register(operator.id(), new RecipientIdentity("Zones", "Zones SAS", "FR",
                "privacy@zones.example", Optional.empty()), List.of(URI.create("https://zones.example/back")),
                Recipient.Kind.APP);
        vault.recipients().declare(operator.id(), recipient.id(), new ProcessingDeclaration(1, List.of(
                new DeclaredPurpose(Purpose.SERVICE_PROVISION, PURPOSE, Set.of(Category.LOCATION), Set.of(RecordType.GEO_POINT),
                        H3_CEILING, LegalBasis.CONSENT)), List.of(), List.of(), Duration.ofDays(30),
                List.of("encryption at rest")));
        return recipient;
    }

    private static Grant give(Vault vault, Person person, Recipient recipient, LocationPrecision precision) {
        Instant now = Instant.now();
        GrantTerms terms = new GrantTerms(recipient.id(), 1, GrantKind.READ, Purpose.SERVICE_PROVISION, PURPOSE,
                LegalBasis.CONSENT, Set.of(RecordType.GEO_POINT), Set.of(), Set.of(), H3_CEILING.withLocation(precision),
                new CoveredPeriod.Between(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z")),
                now, now.plus(Consent.LONGEST_VALIDITY), Duration.ofDays(30), GrantTerms.MAXIMUM_VOLUME);
        return switch (Sharing.over(vault, Clock.systemUTC()).give(person.id(), terms)) {
            case ReceiptedGrant given -> given.grant();
            case Refusal refusal -> throw new SelfdataException(ErrorCode.INTERNAL,
                    "the benchmark's grant was refused: " + String.join("; ", refusal.reasons()));
        };
    }


    private static double perSecond(long count, double nanoseconds) {
        return count / (nanoseconds / 1e9);
    }

    /** Both reads of every point, timed, and checked to have read them all. */
    private static final class Reads {
        private final Gate gate;
        private final LaterDays clock;
        private final Person person;
        private final int pageSize;
        private final int expected;

        Reads(Gate gate, LaterDays clock, Person person, int pageSize, int expected) {
            this.gate = gate;
            this.clock = clock;
            this.person = person;
            this.pageSize = pageSize;
            this.expected = expected;
        }

        long owner() {
            OutputStream out = OutputStream.nullOutputStream();
            long started = System.nanoTime();
            long records = 0;
            Optional<RecordId> after = Optional.empty();
            do {
                RecordQuery query = RecordQuery.ofType(RecordType.GEO_POINT).limit(pageSize);
                try (Stream<StoredRecord> page = gate.records(Accessor.owner(person.id()),
                        after.map(query::after).orElse(query));
                     JsonGenerator json = generator(out)) {
                    json.writeStartObject();
                    json.writeName("records");
                    json.writeStartArray();
                    Optional<StoredRecord> last = Optional.empty();
                    int count = 0;
                    for (Iterator<StoredRecord> remaining = page.iterator(); remaining.hasNext(); count++) {
                        StoredRecord record = remaining.next();
                        json.writeStartObject();
                        RecordJson.writeProperties(json, record, RecordJson.Id.TOKEN);
                        json.writeEndObject();
                        last = Optional.of(record);
                    }
                    json.writeEndArray();
                    after = count == pageSize ? last.map(StoredRecord::id) : Optional.empty();
                    after.ifPresent(id -> json.writeStringProperty("next", id.token()));
                    json.writeEndObject();
                    records += count;
                }
            }
            while (after.isPresent());
            return checked(started, records, "the owner's read");
        }

        long shared(Accessor.Recipient recipient) {
            OutputStream out = OutputStream.nullOutputStream();
            long started = System.nanoTime();
            long records = 0;
            Optional<String> cursor = Optional.empty();
            do {
                clock.passDays();
                try (Gate.SharedRead read = gate.share(recipient, RecordQuery.ofType(RecordType.GEO_POINT).limit(pageSize),
                        cursor);
                     JsonGenerator json = generator(out)) {
                    json.writeStartObject();
                    json.writeName("records");
                    json.writeStartArray();
                    SharedPage page = read.writeTo(json);
                    json.writeEndArray();
                    page.next().ifPresent(next -> json.writeStringProperty("next", next));
                    json.writeEndObject();
                    cursor = page.next();
                    records += page.count();
                }
            }
            while (cursor.isPresent());
            return checked(started, records, "a shared read");
        }

        /** A generator as the API opens one for a response: closing it flushes, and leaves the stream open. */
        private static JsonGenerator generator(OutputStream out) {
            return PayloadCodec.mapper().writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).createGenerator(out);
        }

        private long checked(long started, long records, String read) {
            long took = System.nanoTime() - started;
            if (records != expected) {
                throw new SelfdataException(ErrorCode.INTERNAL, read + " in the benchmark gave " + records
                        + " records, not " + expected);
            }
            return took;
        }
    }

    /**
     * The system clock, moved a couple of days later before each shared page, so that each page finds the grant's
     * daily volume whole again, as a recipient reading once a day would.
     */
    private static final class LaterDays extends Clock {
        private volatile Duration ahead = Duration.ZERO;

        void passDays() {
            ahead = ahead.plus(BETWEEN_PAGES);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the benchmark's clock is in UTC");
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }
}
