package org.selfdata.cli;

import org.selfdata.model.RecordType;
import org.selfdata.model.Source;
import org.selfdata.model.SourceId;
import org.selfdata.vault.VaultStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "What the vault holds: per source and per type of record, how many and the time they cover. Counts only: "
                + "nothing is decrypted.")
final class StatusCommand implements Callable<Integer> {

    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--json", description = "Print the status as Json.MAPPER.")
    boolean json;

    StatusCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        try (Application application = Application.open(vault, environment)) {
            VaultStatus status = application.vault().status(application.person(vault, environment).id());
            if (json) {
                terminal.out().println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(status)));
            }
            else {
                print(status, application.vault().location().describe(), terminal.out());
            }
        }
        return ExitCodes.DONE;
    }

    private static void print(VaultStatus status, String location, PrintStream out) {
        out.printf("%s's vault at %s: %,d records from %d source(s), %d import(s)%n", status.person().handle(), location,
                status.records(), status.sources().size(), status.batches().size());
        if (status.records() == 0) {
            return;
        }
        out.println();
        out.println("By type:");
        java.time.ZoneId zone = status.person().zone();
        status.byType().forEach((type, totals) -> out.printf("  %-16s %,12d  %s%n", type.id(), totals.records(),
                covered(totals, zone)));
        out.println();
        out.println("By source:");
        Map<SourceId, VaultStatus.Totals> bySource = status.bySource();
        for (Source source : status.sources()) {
            VaultStatus.Totals totals = bySource.get(source.id());
            out.printf("  %-3d %-58s %,10d  %s%n", source.id().value(), source.organization() + ", " + source.label(),
                    totals == null ? 0 : totals.records(), totals == null ? "" : covered(totals, zone));
        }
    }

    /** The days the records cover; nothing for records none of which has a time, such as contacts without a date. */
    private static String covered(VaultStatus.Totals totals, java.time.ZoneId zone) {
        return totals.span().map(span -> Days.covered(span, zone)).orElse("");
    }

    private static ObjectNode toJson(VaultStatus status) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("person", status.person().handle());
        node.put("records", status.records());
        ArrayNode types = node.putArray("types");
        status.byType().forEach((RecordType type, VaultStatus.Totals totals) -> {
            ObjectNode entry = types.addObject().put("type", type.id()).put("records", totals.records());
            totals.span().ifPresent(span -> entry.put("from", span.start().toString()).put("to", span.end().toString()));
        });
        ArrayNode sources = node.putArray("sources");
        Map<SourceId, VaultStatus.Totals> bySource = status.bySource();
        for (Source source : status.sources()) {
            ObjectNode entry = sources.addObject()
                    .put("id", source.id().value())
                    .put("kind", source.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("organization", source.organization())
                    .put("label", source.label());
            VaultStatus.Totals totals = bySource.get(source.id());
            entry.put("records", totals == null ? 0 : totals.records());
            if (totals != null) {
                totals.span().ifPresent(span -> entry.put("from", span.start().toString()).put("to", span.end().toString()));
            }
        }
        node.put("imports", status.batches().size());
        return node;
    }
}
