package org.selfdata.cli;

import org.selfdata.intake.FileReport;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.Person;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.DayWording;
import org.selfdata.rights.Requests;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Wording;
import org.selfdata.texts.Words;
import org.selfdata.vault.RightsRequests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static java.util.Objects.requireNonNull;

/**
 * Records an organization's answer received by post, by hand or from a mailbox the desk does not read, with its files:
 * each is kept with the step as evidence and goes through the import, so that what an importer reads becomes records
 * and the rest documents. Each file's outcome is said, as {@code selfdata import} says it.
 */
@Command(name = "answer", mixinStandardHelpOptions = true,
        description = "Record an organization's answer to a request with its files, on the day it came: each file is "
                + "kept as evidence and imported, what no importer reads as a document.")
final class RightsAnswerCommand implements Callable<Integer> {
    /** Media types by file name ending, for the files an answer usually holds; anything else is bytes. */
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(Map.entry("pdf", "application/pdf"),
            Map.entry("csv", "text/csv"), Map.entry("json", "application/json"), Map.entry("zip", "application/zip"),
            Map.entry("txt", "text/plain"), Map.entry("html", "text/html"), Map.entry("xml", "application/xml"),
            Map.entry("eml", "message/rfc822"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"));

    private final Terminal terminal;
    private final Environment environment;

    @Mixin
    VaultOptions vault;

    @Parameters(index = "0", paramLabel = "REQUEST", description = "The request's reference, such as SD-7K2Q, or its id.")
    String request;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE",
            description = "The files of the answer: its letter, scanned or as received, and the data it holds.")
    List<Path> files;

    @Option(names = "--on", paramLabel = "DATE", required = true,
            description = "The day the answer came, such as 2025-01-31.")
    String on;

    @Option(names = "--complete", description = "The answer gives everything asked for; without it, the answer is "
            + "recorded as incomplete until you say otherwise.")
    boolean complete;

    RightsAnswerCommand(Terminal terminal, Environment environment) {
        this.terminal = requireNonNull(terminal, "terminal is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    @Override
    public Integer call() {
        LocalDate answeredOn = RightsDesks.date("--on", on);
        List<Requests.Attachment> attachments = attachments(files);
        RightsDesk.AnswerReport report;
        Person person;
        try (Application application = Application.open(vault, environment)) {
            person = application.person(vault, environment);
            RightsDesk desk = RightsDesks.open(application);
            report = desk.answer(person.id(), RightsDesks.requestId(desk, person.id(), request), answeredOn, complete,
                    attachments);
        }
        Words words = environment.words();
        terminal.out().println(words.say("rights.command.answer.recorded", report.timeline().request().reference(),
                DayWording.of(answeredOn), complete ? 1 : 0));
        for (FileReport file : report.imported().files()) {
            terminal.out().println("  " + ReportLines.line(file, person.zone(), words.language()));
        }
        return ExitCodes.DONE;
    }

    /** The files read whole, each within the size a request's document may have, checked before it is read. */
    private static List<Requests.Attachment> attachments(List<Path> files) {
        if (files.size() > RightsRequests.MAXIMUM_DOCUMENTS) {
            throw new SelfdataException(ErrorCode.TOO_LARGE, Wording.of("error.rights.store.tooManyDocuments",
                    RightsRequests.MAXIMUM_DOCUMENTS));
        }
        List<Requests.Attachment> attachments = new ArrayList<>();
        for (Path file : files) {
            attachments.add(new Requests.Attachment(file.getFileName().toString(), mediaType(file), read(file)));
        }
        return attachments;
    }

    private static byte[] read(Path file) {
        return RightsFiles.read(file, RightsRequests.MAXIMUM_DOCUMENT_SIZE, Wording.of(
                "error.rights.store.documentTooLarge", RightsRequests.MAXIMUM_DOCUMENT_SIZE / (1024 * 1024)));
    }

    private static String mediaType(Path file) {
        String name = file.getFileName().toString();
        String ending = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return MEDIA_TYPES.getOrDefault(ending, "application/octet-stream");
    }
}
