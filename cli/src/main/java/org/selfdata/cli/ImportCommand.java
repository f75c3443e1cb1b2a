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
import org.selfdata.texts.Language;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.QuarantinedRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import files people get back from organizations: bank statements, location histories, meter "
                + "readings, contacts, calendars, platform archives; a zip archive or a folder imports what is recognized "
                + "inside and names what is not. The format is recognized from the content.",
                "Each FILE is its own import, landing whole or not at all; importing it again adds nothing. With "
                + "--lenient, records that cannot be read are kept in the batch's quarantine instead: list them with "
                + "--show-rejects BATCH.",
                "A FILE that cannot be imported is named with its reason and the others are still imported. With "
                + "--fail-fast, the files after the first one refused are not attempted, and are named as such; so are "
                + "the files after a failure that is not a file's own (the vault's key, its database). The exit code is "
                + "the worst of the files' (see the README's exit codes): 0 only when every file was imported."})
final class ImportCommand implements Callable<Integer> {
    private static final int PAGE = 1_000;
    /** The failures that are the file's own, after which the next file may well be imported. */
    private static final Set<ErrorCode> FAULTS_OF_ONE_FILE = Set.of(ErrorCode.INVALID_ARGUMENT, ErrorCode.INVALID_INPUT,
            ErrorCode.UNSUPPORTED_FORMAT, ErrorCode.NOT_FOUND, ErrorCode.TOO_LARGE);

    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Option(names = "--json", description = "Report on standard output as JSON Lines, one object per file.")
    boolean json;

    @Option(names = "--lenient", description = "Import the records that can be read and quarantine the others, "
            + "with their position and reason; in an archive, go on past an entry that cannot be read at all.")
    boolean lenient;

    @Option(names = "--fail-fast", description = "Stop at the first FILE refused: the files after it are not attempted.")
    boolean failFast;

    @Option(names = "--mapping", paramLabel = "MAPPING", description = "Read CSV files no importer knows with this "
            + "column mapping: a properties file naming the columns of the date, amount (or debit and credit), label and "
            + "more; see the README. A CSV file no importer recognizes is refused with the mapping its first rows suggest, "
            + "to save, check and pass here.")
    Optional<Path> mapping;

    @Option(names = "--show-rejects", paramLabel = "BATCH", description = "List the records batch BATCH rejected, "
            + "with their position in the file, the reason and, for a CSV row, its text below the file's header: saved to a "
            + "file and corrected, it imports like the original.")
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
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.cli.importNothing"));
        }
        try (Application application = Application.open(vault, environment)) {
            Person person = application.person(vault, environment);
            if (showRejects.isPresent()) {
                showRejects(application, person, BatchId.of(showRejects.get()));
                return ExitCodes.DONE;
            }
            Importers importers = mapping.map(file -> application.importers().with(new MappedCsvImporter(CsvMapping.read(file))))
                    .orElse(application.importers());
            return importEach(application, person, new FileImport(application.intake(importers), terminal));
        }
    }

    /**
     * Imports each FILE as its own batch and reports every one: imported, refused and why, or not attempted. A
     * fault selfdata did not expect is thrown once every file is reported, so that it is still reported as a fault.
     */
    private int importEach(Application application, Person person, FileImport fileImport) {
        Outcomes outcomes = new Outcomes();
        for (Path file : files) {
            if (outcomes.stopped.isPresent()) {
                notAttempted(nameOf(file), outcomes.stopped.get());
                outcomes.notAttempted++;
            }
            else {
                attempt(application, person, fileImport, file, outcomes);
            }
        }
        if (files.size() > 1 && outcomes.imported < files.size()) {
            terminal.err().println("selfdata: " + outcomes.summary(Words.of(language())));
        }
        outcomes.fault.ifPresent(fault -> {
            throw fault;
        });
        return outcomes.worst;
    }

    private void attempt(Application application, Person person, FileImport fileImport, Path file, Outcomes outcomes) {
        String name = nameOf(file);
        List<FileReport> reported = new ArrayList<>();
        try {
            IntakeReport report = fileImport.run(person, file, lenient ? ImportMode.LENIENT : ImportMode.STRICT, reported::add);
            report.files().forEach(fileReport -> print(application, person, fileReport));
            report.failed().forEach(failed -> outcomes.worsen(ExitCodes.of(failed.code())));
            outcomes.imported++;
        }
        catch (SelfdataException e) {
            // A strict import reports its files only once it has landed or been undone: these are a refused archive's.
            List<FileReport> undone = lenient ? List.of() : reported;
            undone.forEach(fileReport -> print(application, person, fileReport));
            refused(new FileReport.Failed(name, e));
            if (e.code() == ErrorCode.UNSUPPORTED_FORMAT && mapping.isEmpty()) {
                MappingSuggestion.of(file, language()).ifPresent(suggestion -> terminal.err().print("selfdata: " + suggestion));
            }
            if (undone.stream().anyMatch(FileReport.Failed.class::isInstance)) {
                terminal.err().println("selfdata: " + Words.of(language()).say("command.import.tryLenient"));
            }
            outcomes.refused(ExitCodes.of(e.code()), stopAfter(name, e.code()));
        }
        catch (RuntimeException e) {
            if (json) {
                terminal.out().println(Json.MAPPER.writeValueAsString(ReportLines.json(new FileReport.Failed(name,
                        new SelfdataException(ErrorCode.INTERNAL, "an unexpected fault")), List.of())));
            }
            outcomes.refused(ExitCodes.INTERNAL, Optional.of(Wording.of("command.import.notAttempted.fault")));
            outcomes.fault = Optional.of(e);
        }
    }

    private Optional<Wording> stopAfter(String name, ErrorCode code) {
        if (failFast) {
            return Optional.of(Wording.of("command.import.notAttempted.failFast"));
        }
        if (!FAULTS_OF_ONE_FILE.contains(code)) {
            return Optional.of(Wording.of("command.import.notAttempted.notItsOwn", name));
        }
        return Optional.empty();
    }

    private void print(Application application, Person person, FileReport fileReport) {
        List<QuarantinedRecord> firstRejects = firstRejects(application, person, fileReport);
        if (json) {
            terminal.out().println(Json.MAPPER.writeValueAsString(ReportLines.json(fileReport, firstRejects)));
            return;
        }
        Language language = language();
        terminal.out().println(ReportLines.line(fileReport, person.zone(), language));
        firstRejects.forEach(reject -> terminal.out().println("  " + reject.rejection().message(language)));
        if (fileReport instanceof FileReport.Imported imported) {
            imported.notes().forEach(note -> terminal.out().println("  " + note.message(language)));
        }
    }

    /** A refusal is an error, said on standard error; a script also finds it among the JSON lines. */
    private void refused(FileReport.Failed failed) {
        terminal.err().println("selfdata: " + failed.failure().message(language()));
        if (json) {
            terminal.out().println(Json.MAPPER.writeValueAsString(ReportLines.json(failed, List.of())));
        }
    }

    /** A file not attempted, said in the terminal's language; its JSON line keeps the English reason for scripts. */
    private void notAttempted(String name, Wording reason) {
        terminal.err().println("selfdata: " + name + ": " + Words.of(language()).say(reason));
        if (json) {
            terminal.out().println(Json.MAPPER.writeValueAsString(ReportLines.notAttempted(name, Words.english().say(reason))));
        }
    }

    /** The terminal's language, which the lines for people are written in; JSON lines stay in English for scripts. */
    private Language language() {
        return Language.ofEnvironment(environment.variables());
    }

    /** A file by its own name, as reports call it. */
    private static String nameOf(Path file) {
        Path name = file.toAbsolutePath().normalize().getFileName();
        return name == null ? "/" : name.toString();
    }

    /** The first rejections of an imported file, shown with its report; the rest are a --show-rejects away. */
    private static List<QuarantinedRecord> firstRejects(Application application, Person person, FileReport report) {
        if (report instanceof FileReport.Imported imported && imported.batch().rejected() > 0) {
            return application.vault().imports().rejects(person.id(), imported.batch().id(), 0, ReportLines.REJECTS_SHOWN);
        }
        return List.of();
    }

    /**
     * What became of the FILEs so far: how many were imported, refused and not attempted, the worst exit code, and
     * why the files still to come are not attempted, if they are not.
     */
    private final class Outcomes {
        private int imported;
        private int refused;
        private int notAttempted;
        private int worst = ExitCodes.DONE;
        private Optional<Wording> stopped = Optional.empty();
        private Optional<RuntimeException> fault = Optional.empty();

        void worsen(int exitCode) {
            worst = ExitCodes.worst(worst, exitCode);
        }

        void refused(int exitCode, Optional<Wording> stopping) {
            refused++;
            worsen(exitCode);
            stopped = stopping;
        }

        /** The line that sums up a run with failures, in the terminal's language. */
        String summary(Words words) {
            return notAttempted == 0 ? words.say("command.import.summary", imported, files.size(), refused)
                    : words.say("command.import.summaryNotAttempted", imported, files.size(), refused, notAttempted);
        }
    }

    private void showRejects(Application application, Person person, BatchId batch) {
        long after = 0;
        for (List<QuarantinedRecord> page = application.vault().imports().rejects(person.id(), batch, after, PAGE);
                !page.isEmpty(); page = application.vault().imports().rejects(person.id(), batch, after, PAGE)) {
            for (QuarantinedRecord reject : page) {
                if (json) {
                    ObjectNode node = Json.MAPPER.createObjectNode().put("number", reject.number())
                            .put("position", reject.rejection().position().value()).put("reason", reject.rejection().reason());
                    reject.rejection().text().ifPresent(text -> node.put("text", text));
                    terminal.out().println(Json.MAPPER.writeValueAsString(node));
                    continue;
                }
                terminal.out().println(reject.rejection().message(language()));
                // The owner's own vault, read by its owner: the record as the file wrote it, to correct and import again.
                reject.rejection().text().ifPresent(text -> text.lines().forEach(line -> terminal.out().println("    " + line)));
            }
            after = page.getLast().number();
        }
    }
}
