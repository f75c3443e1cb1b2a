package org.selfdata.cli;

import org.selfdata.gate.Accessor;
import org.selfdata.model.Category;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.RecordJson;
import org.selfdata.model.Person;
import org.selfdata.model.RecordQuery;
import org.selfdata.model.RecordType;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.StoredRecord;
import org.selfdata.model.TimeLimits;
import org.selfdata.portability.RecordTable;
import org.selfdata.texts.Wording;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.core.JsonGenerator;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

@Command(name = "records", mixinStandardHelpOptions = true,
        description = "List records, decrypted, on standard output: JSON Lines, or a CSV table for one tabular type. Filter by "
                + "type, category and time.")
final class RecordsCommand implements Callable<Integer> {

    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--type", paramLabel = "TYPE", description = "Only records of this type (repeatable), e.g. bank.transaction.")
    List<String> types = List.of();

    @Option(names = "--category", paramLabel = "TERM",
            description = "Only records in this DPV category (repeatable), e.g. pd:Transaction.")
    List<String> categories = List.of();

    @Option(names = "--from", paramLabel = "TIME",
            description = "Only records that start at or after this time: a day such as 2025-01-01, from its start in the "
                    + "person's time zone, or an instant such as 2025-01-01T00:00:00Z.")
    Optional<String> from = Optional.empty();

    @Option(names = "--to", paramLabel = "TIME",
            description = "Only records that start before this time, a day (its start: --to 2026-01-01 ends with 2025) "
                    + "or an instant.")
    Optional<String> to = Optional.empty();

    @Option(names = "--limit", paramLabel = "COUNT", description = "At most this many records.")
    Optional<Integer> limit = Optional.empty();

    enum Format { jsonl, csv }

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "jsonl (the default) or csv; a CSV table holds one type, named with --type.")
    Format format = Format.jsonl;

    RecordsCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        if (format == Format.csv && types.size() != 1) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.csvType"));
        }
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            write(application.gate().records(Accessor.owner(person.id()), query(person.zone())));
        }
        return ExitCodes.DONE;
    }

    private void write(Stream<StoredRecord> stream) {
        try (Stream<StoredRecord> records = stream) {
            OutputStream out = new BufferedOutputStream(terminal.out(), 1 << 16);
            switch (format) {
                case jsonl -> records.forEach(record -> write(out, record));
                case csv -> {
                    try (RecordTable table = RecordTable.open(RecordType.fromId(types.getFirst()), out)) {
                        records.forEach(table::write);
                    }
                }
            }
            flush(out);
        }
    }

    private RecordQuery query(ZoneId zone) {
        RecordQuery query = RecordQuery.all()
                .withTypes(types.stream().map(RecordType::fromId).collect(Collectors.toSet()))
                .withCategories(categories.stream().map(Category::fromTerm).collect(Collectors.toSet()))
                .between(from.map(value -> time("--from", value, zone)), to.map(value -> time("--to", value, zone)));
        return limit.map(query::limit).orElse(query);
    }

    private static Instant time(String option, String value, ZoneId zone) {
        return TimeLimits.dayOrInstant(value, zone).orElseThrow(() -> new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                Wording.of("error.cli.dayOrInstant", option)));
    }

    private static void write(OutputStream out, StoredRecord record) {
        try (JsonGenerator generator = Json.MAPPER.createGenerator(nonClosing(out))) {
            generator.writeStartObject();
            RecordJson.writeProperties(generator, record, RecordJson.Id.TOKEN);
            generator.writeEndObject();
        }
        try {
            out.write('\n');
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
