package org.selfdata.bench;

import org.selfdata.demo.DemoPerson;
import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.GeoPoint;
import org.selfdata.model.GeoVisit;
import org.selfdata.model.LocationPrecision;
import org.selfdata.model.Person;
import org.selfdata.model.Precision;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.services.Reveal;
import org.selfdata.services.RevealCorrections;
import org.selfdata.services.RevealInference;
import org.selfdata.services.RevealLens;
import org.selfdata.services.RevealedLocations;
import org.selfdata.vault.Vault;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What the demo person's locations reveal, worked out over her two years of points, beside the raw read of the same
 * points and visits through the gate: the ratio says what the inferences cost on top of reading the records, which
 * they must do anyway. The inferences are timed from exact records and from records as a recipient at H3 resolution 8
 * would receive them. A warm-up round comes first; each figure is the best of its rounds.
 */
final class RevealBenchmark {
    private static final Set<RecordType> LOCATION_TYPES = Set.of(RecordType.GEO_POINT, RecordType.GEO_VISIT);

    private final Path scratch;
    private final int rounds;
    private final Consumer<String> progress;

    RevealBenchmark(Path scratch, int rounds, Consumer<String> progress) {
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.rounds = Rounds.require(rounds, "reveal");
        this.progress = requireNonNull(progress, "progress is null");
    }

    List<Measurement> run() {
        try (Vault vault = DemoVault.create(scratch)) {
            Person camille = DemoVault.fill(vault, scratch, progress);
            Gate gate = Gate.over(vault);
            Reveal reveal = new Reveal(gate, new RevealCorrections(vault.placeCorrections()));
            RevealLens received = new RevealLens.Received(Precision.EXACT.withLocation(LocationPrecision.h3(8)));
            long[][] nanoseconds = new long[3][rounds];
            long points = 0;
            for (int round = 0; round <= rounds; round++) {
                progress.accept(round == 0 ? "warm-up round" : "round " + round + " of " + rounds);
                long started = System.nanoTime();
                points = rawRead(gate, camille);
                long read = System.nanoTime() - started;
                started = System.nanoTime();
                RevealedLocations exact = reveal.locations(camille.id(), DemoPerson.ZONE, RevealLens.exact());
                long revealed = System.nanoTime() - started;
                started = System.nanoTime();
                reveal.locations(camille.id(), DemoPerson.ZONE, received);
                long revealedReceived = System.nanoTime() - started;
                requireHome(exact);
                progress.accept("raw read " + read / 1_000_000 + " ms, inferences " + revealed / 1_000_000
                        + " ms, at h3:8 " + revealedReceived / 1_000_000 + " ms");
                if (round > 0) {
                    nanoseconds[0][round - 1] = read;
                    nanoseconds[1][round - 1] = revealed;
                    nanoseconds[2][round - 1] = revealedReceived;
                }
            }
            return measurements(points, nanoseconds);
        }
    }

    /** Every location record through the gate, each position looked at, as the inferences do. */
    private static long rawRead(Gate gate, Person person) {
        double sum = 0;
        long count = 0;
        try (Stream<StoredRecord> records = gate.records(Accessor.owner(person.id()),
                RecordQuery.all().withTypes(LOCATION_TYPES))) {
            for (StoredRecord record : (Iterable<StoredRecord>) records::iterator) {
                sum += switch (record.payload()) {
                    case GeoPoint point -> point.latitude();
                    case GeoVisit visit -> visit.latitude();
                    default -> 0;
                };
                count++;
            }
        }
        if (!(sum > 0)) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the demo vault should hold location records");
        }
        return count;
    }

    private static void requireHome(RevealedLocations found) {
        if (!(found.home() instanceof RevealInference.Found<?>)) {
            throw new SelfdataException(ErrorCode.INTERNAL, "the demo person's home should be found");
        }
    }

    private List<Measurement> measurements(long records, long[][] nanoseconds) {
        double read = Rounds.best(nanoseconds[0]);
        String baseline = "raw read of " + records + " records";
        List<Measurement> measurements = new ArrayList<>();
        measurements.add(new Measurement("raw read of the location records, best of " + rounds, read / 1e6, "ms",
                Optional.empty(), false));
        measurements.add(new Measurement("inferences from exact records", Rounds.best(nanoseconds[1]) / 1e6, "ms",
                Optional.of(new Measurement.Baseline(baseline, read / 1e6)), false));
        measurements.add(new Measurement("inferences as received at h3:8", Rounds.best(nanoseconds[2]) / 1e6, "ms",
                Optional.of(new Measurement.Baseline(baseline, read / 1e6)), false));
        return measurements;
    }
}
