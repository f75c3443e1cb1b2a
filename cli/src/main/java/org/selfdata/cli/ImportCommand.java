package org.selfdata.cli;

import org.selfdata.importers.CsvMapping;
import org.selfdata.importers.Importers;
import org.selfdata.importers.MappedCsvImporter;
import org.selfdata.intake.FileReport;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.IntakeReport;
import org.selfdata.model.BatchId;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.QuarantinedRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import files people get back from organizations: bank statements, location histories, meter "
                + "readings, contacts, calendars, platform archives; a zip archive or a folder imports what is recognized "
                + "inside and names what is not. The format is recognized from the content.",
                "Each FILE is imported whole or not at all; importing it again adds nothing. With --lenient, records that "
                + "cannot be read are kept in the batch's quarantine instead: list them with --show-rejects BATCH."})
final class ImportCommand implements Callable<Integer> {
    private static final int PAGE = 1_000;

    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--json", description = "Report on standard output as JSON Lines, one object per file.")
    boolean json;

    @Option(names = "--lenient", description = "Import the records that can be read and quarantine the others, "
            + "with their position and reason; in an archive, go on past an entry that cannot be read at all.")
    boolean lenient;

    @Option(names = "--mapping", paramLabel = "MAPPING", description = "Read CSV files no importer knows with this "
            + "column mapping: a properties file naming the columns of the date, amount (or debit and credit), label and "
            + "more; see the README.")
    Optional<Path> mapping;

    @Option(names = "--show-rejects", paramLabel = "BATCH", description = "List the records batch BATCH rejected, "
            + "with their position in the file and the reason.")
    Optional<Long> showRejects;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "The files, zip archives or folders to import.")
    List<Path> files = List.of();

    ImportCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        if (showRejects.isPresent() == !files.isEmpty()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, "give the files to import, or --show-rejects BATCH");
        }
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            if (showRejects.isPresent()) {
                showRejects(application, person, BatchId.of(showRejects.get()));
                return ExitCodes.DONE;
            }
            Importers importers = mapping.map(file -> application.importers().with(new MappedCsvImporter(CsvMapping.read(file))))
                    .orElse(application.importers());
            FileImport fileImport = new FileImport(application.intake(importers), terminal);
            int exitCode = ExitCodes.DONE;
            for (Path file : files) {
                IntakeReport report = fileImport.run(person, file, lenient ? ImportMode.LENIENT : ImportMode.STRICT);
                for (FileReport fileReport : report.files()) {
                    List<QuarantinedRecord> firstRejects = firstRejects(application, person, fileReport);
                    if (json) {
                        terminal.out().println(Json.MAPPER.writeValueAsString(ReportLines.json(fileReport, firstRejects)));
                    }
                    else {
                        terminal.out().println(ReportLines.line(fileReport, person.zone()));
                        firstRejects.forEach(reject -> terminal.out().println("  " + reject.rejection().message()));
                        if (fileReport instanceof FileReport.Imported imported) {
                            imported.notes().forEach(note -> terminal.out().println("  " + note.message()));
                        }
                    }
                }
                if (!report.failed().isEmpty()) {
                    exitCode = ExitCodes.of(report.failed().getFirst().code());
                }
            }
            return exitCode;
        }
    }

    /** The first rejections of an imported file, shown with its report; the rest are a --show-rejects away. */
    private static List<QuarantinedRecord> firstRejects(Application application, Person person, FileReport report) {
        if (report instanceof FileReport.Imported imported && imported.batch().rejected() > 0) {
            return application.vault().imports().rejects(person.id(), imported.batch().id(), 0, ReportLines.REJECTS_SHOWN);
        }
        return List.of();
    }

    private void showRejects(Application application, Person person, BatchId batch) {
        long after = 0;
        for (List<QuarantinedRecord> page = application.vault().imports().rejects(person.id(), batch, after, PAGE);
                !page.isEmpty(); page = application.vault().imports().rejects(person.id(), batch, after, PAGE)) {
            for (QuarantinedRecord reject : page) {
                terminal.out().println(json ? Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode()
                        .put("number", reject.number())
                        .put("position", reject.rejection().position().value())
                        .put("reason", reject.rejection().reason())) : reject.rejection().message());
            }
            after = page.getLast().number();
        }
    }
}
