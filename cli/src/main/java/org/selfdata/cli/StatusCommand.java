package org.selfdata.cli;

import org.selfdata.model.RecordType;
import org.selfdata.model.Source;
import org.selfdata.model.SourceId;
import org.selfdata.texts.SourceNames;
import org.selfdata.texts.Words;
import org.selfdata.vault.VaultStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.Arrays;
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

    @Option(names = "--json", description = "Print the status as JSON.")
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
                print(status, application.vault().location().describe(), terminal.out(), environment.words());
            }
        }
        return ExitCodes.DONE;
    }

    /** The summary, then a table by type and one by source, in the reader's language and the person's zone. */
    private static void print(VaultStatus status, String location, PrintStream out, Words words) {
        out.println(words.say("command.status.summary", status.person().handle(), location, status.records(),
                status.sources().size(), status.batches()));
        if (status.records() == 0) {
            return;
        }
        ZoneId zone = status.person().zone();
        out.println();
        out.println(words.say("command.status.byType"));
        int width = Arrays.stream(RecordType.values()).mapToInt(type -> typeName(type, words).length()).max().orElseThrow();
        status.byType().forEach((type, totals) -> out.printf("  %-" + width + "s %12s  %s%n", typeName(type, words),
                words.say("command.status.records", totals.records()), covered(totals, zone, words)));
        out.println();
        out.println(words.say("command.status.bySource"));
        Map<SourceId, VaultStatus.Totals> bySource = status.bySource();
        for (Source source : status.sources()) {
            VaultStatus.Totals totals = bySource.get(source.id());
            out.printf("  %-3d %-58s %10s  %s%n", source.id().value(), words.say("command.status.source",
                    SourceNames.say(words.language(), source.organization()), SourceNames.say(words.language(), source.label())),
                    words.say("command.status.records", totals == null ? 0 : totals.records()),
                    totals == null ? "" : covered(totals, zone, words));
        }
    }

    /** The days the records cover; nothing for records none of which has a time, such as contacts without a date. */
    private static String covered(VaultStatus.Totals totals, ZoneId zone, Words words) {
        return totals.span().map(span -> Days.covered(span, zone, words)).orElse("");
    }

    /** A record type's name in the reader's language, such as Bank transactions for bank.transaction. */
    static String typeName(RecordType type, Words words) {
        return switch (type) {
            case BANK_ACCOUNT -> words.say("record.type.bank.account");
            case BANK_TRANSACTION -> words.say("record.type.bank.transaction");
            case GEO_POINT -> words.say("record.type.geo.point");
            case GEO_VISIT -> words.say("record.type.geo.visit");
            case GEO_TRIP -> words.say("record.type.geo.trip");
            case ENERGY_READING -> words.say("record.type.energy.reading");
            case CONTACT -> words.say("record.type.contact");
            case CALENDAR_EVENT -> words.say("record.type.calendar.event");
            case SOCIAL_MESSAGE -> words.say("record.type.social.message");
            case SOCIAL_POST -> words.say("record.type.social.post");
            case DOCUMENT -> words.say("record.type.document");
        };
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
        node.put("imports", status.batches());
        return node;
    }
}
