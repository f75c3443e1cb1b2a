package org.selfdata.cli;

import org.selfdata.model.Person;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import files people get back from organizations: bank statements (OFX), Google location history "
                + "(Records.json), Linky load curves, vCard contacts, iCalendar events. The format is recognized from the "
                + "content. Each file is imported whole or not at all; importing it again adds nothing.")
final class ImportCommand implements Callable<Integer> {

    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--json", description = "Report on standard output as JSON Lines, one object per file.")
    boolean json;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files to import.")
    List<Path> files;

    ImportCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            FileImport fileImport = new FileImport(application, terminal);
            for (Path file : files) {
                ImportReport report = fileImport.run(person, file);
                terminal.out().println(json ? Json.MAPPER.writeValueAsString(toJson(report)) : report.line());
            }
        }
        return ExitCodes.DONE;
    }

    private static ObjectNode toJson(ImportReport report) {
        ObjectNode node = Json.MAPPER.createObjectNode()
                .put("file", report.file())
                .put("format", report.format())
                .put("batch", report.batch().id().value())
                .put("source", report.source().id().value())
                .put("organization", report.source().organization())
                .put("label", report.source().label())
                .put("added", report.batch().added())
                .put("duplicates", report.batch().duplicates())
                .put("rejected", report.batch().rejected())
                .put("milliseconds", report.took().toMillis());
        report.covered().ifPresent(span -> node.put("from", span.start().toString()).put("to", span.end().toString()));
        return node;
    }
}
