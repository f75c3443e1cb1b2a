package org.selfdata.cli;

import org.selfdata.bench.Bench;
import org.selfdata.bench.BenchSettings;
import org.selfdata.bench.HttpBenchSettings;
import org.selfdata.bench.OperatorsBenchSettings;
import org.selfdata.bench.ImportBenchSettings;
import org.selfdata.bench.Measurement;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.VaultLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure selfdata on this machine: sealed writes beside a raw insert, reads through the gate beside a raw "
                + "select. Works in a scratch folder of its own, never in your vault.")
final class BenchCommand implements Callable<Integer> {
    private final Terminal terminal;
    private final Environment environment;

    @Option(names = "--records", paramLabel = "COUNT", description = "How many location points (default: 1,000,000).")
    int records = 1_000_000;

    @Option(names = "--postgres", paramLabel = "JDBC-URL",
            description = "Also measure PostgreSQL, in this EMPTY database (credentials from $SELFDATA_DB_USER and "
                    + "$SELFDATA_DB_PASSWORD).")
    Optional<String> postgres = Optional.empty();

    BenchCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() throws IOException {
        return inScratch(scratch -> {
            BenchSettings settings = new BenchSettings(records, scratch, postgres.map(this::postgres));
            header("selfdata bench: %,d records".formatted(records));
            return Bench.run(settings, this::progress);
        });
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Measure imports: a generated Records.json and OFX statement imported end to end into a scratch "
                    + "vault, beside a parse-only pass of the same files; and a person's status and record reads while "
                    + "the Records.json is imported, beside the same reads with no import under way.")
    int imports(
            @Option(names = "--points", paramLabel = "COUNT", defaultValue = "1000000",
                    description = "Location points in the Records.json (default: 1,000,000).") int points,
            @Option(names = "--transactions", paramLabel = "COUNT", defaultValue = "100000",
                    description = "Transactions in the OFX statement (default: 100,000).") int transactions,
            @Option(names = "--records-json-gigabytes", paramLabel = "GB", defaultValue = "0",
                    description = "Also import a Records.json of this many gigabytes in a Java process limited to a "
                            + "256 MB heap, and report its heap (takes minutes).") int gigabytes) throws IOException {
        return inScratch(scratch -> {
            header("selfdata bench import: %,d points, %,d transactions".formatted(points, transactions));
            return Bench.runImports(new ImportBenchSettings(points, transactions,
                    gigabytes == 0 ? OptionalInt.empty() : OptionalInt.of(gigabytes), scratch),
                    this::progress);
        });
    }

    @Command(name = "log", mixinStandardHelpOptions = true,
            description = "Measure the transparency log: appends one per transaction and in batches, and verifying the "
                    + "whole log, beside plain JDBC on the same rows; and single appends from 16 threads at once, gathered "
                    + "into batches, beside each in a transaction of its own.")
    int log(
            @Option(names = "--entries", paramLabel = "COUNT", defaultValue = "1000000",
                    description = "Entries appended in batches, then verified (default: 1,000,000).") int entries,
            @Option(names = "--single", paramLabel = "COUNT", defaultValue = "2000",
                    description = "Entries appended one per transaction, and as many "
                            + "from 16 threads each way (default: 2,000).") int single) throws IOException {
        return inScratch(scratch -> {
            header("selfdata bench log: %,d entries".formatted(entries));
            return Bench.runLog(scratch, entries, single, this::progress);
        });
    }

    @Command(name = "gate", mixinStandardHelpOptions = true,
            description = "Measure sharing: location points read by a recipient through grants at H3 and region "
                    + "precision, beside the owner's read of the same points, both written as the API writes them.")
    int gate(
            @Option(names = "--points", paramLabel = "COUNT", defaultValue = "1000000",
                    description = "Location points (default: 1,000,000).") int points,
            @Option(names = "--postgres", paramLabel = "JDBC-URL",
                    description = "Also measure PostgreSQL, in this EMPTY database (credentials from $SELFDATA_DB_USER "
                            + "and $SELFDATA_DB_PASSWORD).") Optional<String> database) throws IOException {
        return inScratch(scratch -> {
            header("selfdata bench gate: %,d points".formatted(points));
            return Bench.runGate(scratch, points, database.map(this::postgres), this::progress);
        });
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Measure searching by words: the demo vault searched for a common word and a rare one through "
                    + "the gate, beside the listing of the same records without words.")
    int search() throws IOException {
        return inScratch(scratch -> {
            header("selfdata bench search: the demo vault");
            return Bench.runSearch(scratch, this::progress);
        });
    }

    @Command(name = "reveal", mixinStandardHelpOptions = true,
            description = "Measure what the demo person's locations reveal: the inferences over her two years of points, "
                    + "beside the raw read of the same records through the gate.")
    int reveal(
            @Option(names = "--rounds", paramLabel = "COUNT", defaultValue = "5",
                    description = "Measured rounds after the warm-up, from 1 to 50 (default: 5).") int rounds)
            throws IOException {
        return inScratch(scratch -> {
            header("selfdata bench reveal: the demo vault");
            return Bench.runReveal(scratch, rounds, this::progress);
        });
    }

    @Command(name = "services", mixinStandardHelpOptions = true,
            description = "Measure the personal services over the demo vault, as the pages ask them (money, recurring "
                    + "payments, forecast, energy, the bill, places, what the locations reveal, what the sources tell "
                    + "together), beside one raw read of all the person's records through the gate.")
    int services(
            @Option(names = "--rounds", paramLabel = "COUNT", defaultValue = "3",
                    description = "Measured rounds after the warm-up, from 1 to 50 (default: 3).") int rounds)
            throws IOException {
        return inScratch(scratch -> {
            header("selfdata bench services: the demo vault");
            return Bench.runServices(scratch, rounds, this::progress);
        });
    }

    @Command(name = "http", mixinStandardHelpOptions = true,
            description = "Measure the HTTP API under load: a server started on the demo person, signed in as she is in a "
                    + "browser, asked by workers each sending its next request once answered, for one record, a page of "
                    + "100, the same page shared at region precision, a recipient's push, the overview and the "
                    + "session, each beside the same server's health endpoint; on SQLite or PostgreSQL, for one person "
                    + "or several at once.")
    int http(
            @Option(names = "--seconds", paramLabel = "SECONDS", defaultValue = "10",
                    description = "How long each scenario is measured (default: 10).") int seconds,
            @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "3",
                    description = "How long each scenario runs before it is measured (default: 3).") int warmup,
            @Option(names = "--workers", paramLabel = "COUNT", defaultValue = "8",
                    description = "Workers sending requests at once, each its next once answered (default: 8).")
            int workers,
            @Option(names = "--points", paramLabel = "COUNT",
                    description = "Instead of the demo person, a person with only this many location points.")
            Optional<Integer> points,
            @Option(names = "--people", paramLabel = "COUNT", defaultValue = "1",
                    description = "People in the vault, each holding the same data, signed in and granting the "
                            + "recipients on their own; worker i acts for person i mod COUNT (default: 1).") int people,
            @Option(names = "--vault", paramLabel = "FOLDER",
                    description = "Make the benchmark's vault in this folder the first time, and use it again on later "
                            + "runs, rather than in a scratch folder each time.") Optional<Path> vault,
            @Option(names = "--postgres", paramLabel = "JDBC-URL",
                    description = "Keep the benchmark's vault in this PostgreSQL database, EMPTY the first time "
                            + "(credentials from $SELFDATA_DB_USER and $SELFDATA_DB_PASSWORD); its key file is kept in "
                            + "the --vault folder, or in a scratch folder.") Optional<String> database,
            @Option(names = "--compare-small", paramLabel = "URL",
                    description = "Also measure a GET of this small resource on another server, beside one record.")
            Optional<URI> compareSmall,
            @Option(names = "--compare-listing", paramLabel = "URL",
                    description = "Also measure a GET of this listing of about 100 members on another server, beside "
                            + "a page of 100 records.") Optional<URI> compareListing,
            @Option(names = "--profile", paramLabel = "FOLDER",
                    description = "Write each scenario's Java Flight Recorder profile in this folder.")
            Optional<Path> profiles) throws IOException {
        return inScratch(scratch -> {
            HttpBenchSettings settings = new HttpBenchSettings(scratch, vault, database.map(this::postgres), people,
                    points.map(OptionalInt::of).orElse(OptionalInt.empty()), workers, Duration.ofSeconds(warmup),
                    Duration.ofSeconds(seconds), compareSmall, compareListing, profiles);
            header("selfdata bench http: %s, %s, %d workers, %s".formatted(points.map("%,d points"::formatted)
                    .orElse("the demo vault"), people == 1 ? "1 person" : "%,d people".formatted(people), workers,
                    database.isPresent() ? "PostgreSQL" : "SQLite"));
            return Bench.runHttp(settings, this::progress);
        });
    }

    @Command(name = "operators", mixinStandardHelpOptions = true,
            description = "Measure what an operator hosting many people sees: everyone's imports at once, then each "
                    + "person's page of 100 read through the gate, on plain PostgreSQL and, beside it, on a Citus "
                    + "cluster's coordinator; on Citus also the time to move one shard group to another worker.")
    int operators(
            @Option(names = "--postgres", paramLabel = "JDBC-URL", required = true,
                    description = "The plain PostgreSQL database to measure, EMPTY (credentials from $SELFDATA_DB_USER "
                            + "and $SELFDATA_DB_PASSWORD).") String postgres,
            @Option(names = "--citus", paramLabel = "JDBC-URL",
                    description = "Also measure this database on a Citus coordinator, EMPTY, with the same credentials.")
            Optional<String> citus,
            @Option(names = "--people", paramLabel = "COUNT", defaultValue = "1000",
                    description = "People in each vault (default: 1000).") int people,
            @Option(names = "--records", paramLabel = "COUNT", defaultValue = "10000",
                    description = "Location points each person imports (default: 10000).") int records,
            @Option(names = "--workers", paramLabel = "COUNT", defaultValue = "8",
                    description = "Imports, then reads, at once (default: 8).") int workers,
            @Option(names = "--seconds", paramLabel = "SECONDS", defaultValue = "10",
                    description = "How long the reads are measured (default: 10).") int seconds,
            @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "3",
                    description = "How long the reads run before they are measured (default: 3).") int warmup)
            throws IOException {
        return inScratch(scratch -> {
            OperatorsBenchSettings settings = new OperatorsBenchSettings(scratch, postgres(postgres),
                    citus.map(this::postgres), people, records, workers, Duration.ofSeconds(warmup),
                    Duration.ofSeconds(seconds));
            header("selfdata bench operators: %,d people × %,d points, %d workers, PostgreSQL%s".formatted(people,
                    records, workers, citus.isPresent() ? " and Citus" : ""));
            return Bench.runOperators(settings, this::progress);
        });
    }

    /** What is measured, and on what: figures mean little without the machine they were taken on. */
    private void header(String what) {
        terminal.out().printf("%s, %d processors, Java %s%n", what, Runtime.getRuntime().availableProcessors(),
                Runtime.version());
    }

    private void progress(String step) {
        terminal.err().println("… " + step);
    }

    private VaultLocation.PostgresDatabase postgres(String url) {
        return new VaultLocation.PostgresDatabase(url, environment.variable("SELFDATA_DB_USER"),
                environment.variable("SELFDATA_DB_PASSWORD"));
    }

    private int inScratch(Function<Path, List<Measurement>> bench) throws IOException {
        Path scratch = Files.createTempDirectory("selfdata-bench");
        try {
            bench.apply(scratch).forEach(measurement -> terminal.out().println(measurement.line()));
        }
        catch (IllegalArgumentException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, e.getMessage(), e);
        }
        finally {
            try (Stream<Path> paths = Files.walk(scratch)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        return ExitCodes.DONE;
    }
}
