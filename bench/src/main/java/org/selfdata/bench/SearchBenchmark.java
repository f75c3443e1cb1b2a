package org.selfdata.bench;

import org.selfdata.gate.Accessor;
import org.selfdata.gate.Gate;
import org.selfdata.gate.SearchWords;
import org.selfdata.gate.SearchableText;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PayloadCodec;
import org.selfdata.model.Person;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordJson;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.vault.Vault;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The owner's search of the demo vault by words, beside the owner's listing of the same records without words: both
 * through the gate, in the pages Explore asks for, written as the API writes them into a stream that drops every byte.
 *
 * <p>A search opens every record of the types that hold words and looks through its text, so its baseline is the
 * listing of all those records: the ratio says what looking for the words costs on top of opening the records, and
 * how much a search that finds little saves in writing. A common word and a rare one are searched for, each to the
 * last page, and the first page of the common word is timed beside the listing's first page, since that is what
 * Explore waits for. A warm-up round comes first; each figure is the best of its rounds.
 */
final class SearchBenchmark {
    static final String COMMON_WORD = "lyon";
    static final String RARE_WORD = "ophtalmologue";
    private static final int ROUNDS = 5;
    private static final int PAGE = 100;

    private final Path scratch;
    private final Consumer<String> progress;

    SearchBenchmark(Path scratch, Consumer<String> progress) {
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    List<Measurement> run() {
        try (Vault vault = DemoVault.create(scratch)) {
            Person camille = DemoVault.fill(vault, scratch, progress);
            Gate gate = Gate.over(vault);
            Accessor owner = Accessor.owner(camille.id());
            RecordQuery searched = RecordQuery.all().withTypes(SearchableText.typesWithin(Set.of())).limit(PAGE);
            Function<RecordQuery, Stream<StoredRecord>> listing = query -> gate.records(owner, query);
            Function<RecordQuery, Stream<StoredRecord>> common = search(gate, owner, COMMON_WORD);
            Function<RecordQuery, Stream<StoredRecord>> rare = search(gate, owner, RARE_WORD);
            long[][] nanoseconds = new long[5][ROUNDS];
            long[] counts = new long[3];
            for (int round = 0; round <= ROUNDS; round++) {
                progress.accept(round == 0 ? "warm-up round" : "round " + round + " of " + ROUNDS);
                long[] took = {timed(() -> counts[0] = pages(listing, searched)),
                        timed(() -> counts[1] = pages(common, searched)), timed(() -> counts[2] = pages(rare, searched)),
                        timed(() -> page(listing, searched)), timed(() -> page(common, searched))};
                if (round > 0) {
                    for (int figure = 0; figure < took.length; figure++) {
                        nanoseconds[figure][round - 1] = took[figure];
                    }
                }
            }
            if (counts[2] == 0 || counts[1] <= counts[2]) {
                throw new SelfdataException(ErrorCode.INTERNAL, "the demo vault should hold the rare word, and the common "
                        + "one more often: found " + counts[2] + " and " + counts[1]);
            }
            return measurements(counts, nanoseconds);
        }
    }

    private static Function<RecordQuery, Stream<StoredRecord>> search(Gate gate, Accessor owner, String word) {
        SearchWords words = SearchWords.parse(word);
        return query -> gate.search(owner, query, words);
    }

    private static List<Measurement> measurements(long[] counts, long[][] nanoseconds) {
        double listing = Rounds.best(nanoseconds[0]);
        String baseline = "listing " + counts[0] + " records";
        List<Measurement> measurements = new ArrayList<>();
        measurements.add(new Measurement("listing the records that hold words, best of " + ROUNDS, listing / 1e6, "ms",
                Optional.empty(), false));
        measurements.add(new Measurement("search \"" + COMMON_WORD + "\", " + counts[1] + " found",
                Rounds.best(nanoseconds[1]) / 1e6, "ms", Optional.of(new Measurement.Baseline(baseline, listing / 1e6)), false));
        measurements.add(new Measurement("search \"" + RARE_WORD + "\", " + counts[2] + " found",
                Rounds.best(nanoseconds[2]) / 1e6, "ms", Optional.of(new Measurement.Baseline(baseline, listing / 1e6)), false));
        double firstListed = Rounds.best(nanoseconds[3]);
        measurements.add(new Measurement("first page of \"" + COMMON_WORD + "\"", Rounds.best(nanoseconds[4]) / 1e6, "ms",
                Optional.of(new Measurement.Baseline("the listing's first page", firstListed / 1e6)), false));
        return measurements;
    }

    private static long timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return System.nanoTime() - started;
    }

    /** Reads every page, each after the previous one's last record, and says how many records they held. */
    private static long pages(Function<RecordQuery, Stream<StoredRecord>> read, RecordQuery query) {
        long records = 0;
        Optional<RecordId> after = Optional.empty();
        do {
            List<StoredRecord> page = page(read, after.map(query::after).orElse(query));
            records += page.size();
            after = page.size() == query.limit() ? Optional.of(page.getLast().id()) : Optional.empty();
        }
        while (after.isPresent());
        return records;
    }

    /** One page, written as the API writes it; its records, kept for their ids. */
    private static List<StoredRecord> page(Function<RecordQuery, Stream<StoredRecord>> read, RecordQuery query) {
        List<StoredRecord> written = new ArrayList<>();
        try (Stream<StoredRecord> page = read.apply(query);
             JsonGenerator json = PayloadCodec.mapper().writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET)
                     .createGenerator(OutputStream.nullOutputStream())) {
            json.writeStartObject();
            json.writeName("records");
            json.writeStartArray();
            for (Iterator<StoredRecord> records = page.iterator(); records.hasNext(); ) {
                StoredRecord record = records.next();
                json.writeStartObject();
                RecordJson.writeProperties(json, record, RecordJson.Id.TOKEN);
                json.writeEndObject();
                written.add(record);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return written;
    }
}
