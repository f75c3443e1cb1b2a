package org.selfdata.intake;

import org.selfdata.importers.ImportContext;
import org.selfdata.importers.Importer;
import org.selfdata.importers.Importers;
import org.selfdata.importers.ParsedFile;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Person;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SourceDescriptor;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.Imports;
import org.selfdata.vault.SealedFile;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The front door of the vault: a file, a zip archive or a folder, through the importers, into the vault, with a
 * report per file. The command line and the server's uploads both come through here, so that they behave alike.
 *
 * <p>One import is one transaction. A strict import lands whole or not at all: an archive's entries are all read, so
 * that the report names every one that cannot be, and then one that cannot undoes them all; each file is reported
 * once the import has landed or been undone, as {@link FileReport.Unwritten} when it was read but not written. A
 * lenient import quarantines the records it cannot read, reports an entry it cannot read at all, or of which it could
 * read no record, and goes on with the others. Entries no importer recognizes are reported by name in both modes; a
 * single file no importer recognizes is refused.
 */
public final class Intake {
    private static final Set<ErrorCode> FAULTS_OF_ONE_FILE = Set.of(ErrorCode.INVALID_INPUT, ErrorCode.UNSUPPORTED_FORMAT);

    private final Importers importers;
    private final Imports imports;
    private final IntakeLimits limits;
    private final Optional<SourceDescriptor> answering;

    public Intake(Importers importers, Imports imports, IntakeLimits limits) {
        this(importers, imports, limits, Optional.empty());
    }

    private Intake(Importers importers, Imports imports, IntakeLimits limits, Optional<SourceDescriptor> answering) {
        this.importers = requireNonNull(importers, "importers is null");
        this.imports = requireNonNull(imports, "imports is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.answering = requireNonNull(answering, "answering is null");
    }

    /**
     * This intake for the files of an organization's answer to a rights request: what an importer reads becomes records
     * of the given source (the organization, labelled with the request), whatever source the file itself describes, and
     * what no importer reads is read by {@code fallback} (a {@link org.selfdata.importers.DocumentImporter}) rather than
     * refused or passed over.
     */
    public Intake forAnswer(SourceDescriptor source, Importer fallback) {
        requireNonNull(source, "source is null");
        return new Intake(importers.withFallback(fallback), imports, limits, Optional.of(source));
    }

    /**
     * This intake with one more importer, tried first: for one person's import, with the settings they saved (the
     * column mappings of their banks' CSV files).
     */
    public Intake with(Importer extra) {
        return new Intake(importers.with(extra), imports, limits, answering);
    }

    /** Imports a file, a zip archive or a folder that the person named; reports call it by its own name only. */
    public IntakeReport importPath(Person person, Path path, ImportMode mode, IntakeListener listener) {
        requireNonNull(path, "path is null");
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            // The person typed this path: it is theirs to see again.
            throw new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.intake.noFile", path.toString()));
        }
        Path name = path.toAbsolutePath().normalize().getFileName();
        return importPath(person, path, name == null ? "/" : name.toString(), mode, listener);
    }

    /**
     * Imports a file, archive or folder under a name of the caller's choosing, such as an upload saved to a
     * temporary file under the name it was uploaded with.
     */
    public IntakeReport importPath(Person person, Path path, String displayName, ImportMode mode, IntakeListener listener) {
        requireNonNull(path, "path is null");
        return importFiles(person, displayName, mode, listener, () -> FileSets.open(path, displayName, limits));
    }

    /**
     * Imports an upload, a file or a zip archive, that waits sealed in the vault's in-progress folder, under the name it
     * was uploaded with.
     */
    public IntakeReport importSealed(Person person, SealedFile file, String displayName, ImportMode mode,
            IntakeListener listener) {
        requireNonNull(file, "file is null");
        return importFiles(person, displayName, mode, listener, () -> FileSets.open(file, displayName, limits));
    }

    private IntakeReport importFiles(Person person, String displayName, ImportMode mode, IntakeListener listener,
            Supplier<FileSet> opener) {
        requireNonNull(person, "person is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(listener, "listener is null");
        ImportContext context = new ImportContext(person.zone());
        ExpansionBudget budget = new ExpansionBudget(limits.maximumExpandedBytes());
        try (FileSet files = opener.get()) {
            IntakeReport report;
            try {
                report = imports.inOneTransaction(person.id(), writer -> {
                    List<FileReport> reports = new ArrayList<>();
                    for (Optional<FileEntry> entry = files.next(); entry.isPresent(); entry = files.next()) {
                        FileReport fileReport = importEntry(writer, entry.get(), files.single(), mode, context, budget,
                                listener);
                        if (mode == ImportMode.LENIENT) {
                            listener.done(fileReport);
                        }
                        reports.add(fileReport);
                    }
                    IntakeReport read = new IntakeReport(reports);
                    if (mode == ImportMode.STRICT && !read.failed().isEmpty()) {
                        throw new Undone(read);
                    }
                    return read;
                });
            }
            catch (Undone undone) {
                undone.report.files().stream().map(Intake::unwritten).forEach(listener::done);
                throw refusal(displayName, undone.report);
            }
            if (!files.single() && report.imported().isEmpty() && report.failed().isEmpty()) {
                throw new SelfdataException(ErrorCode.UNSUPPORTED_FORMAT, Wording.of("error.input.at", displayName,
                        Wording.of("error.intake.noneRecognized", report.files().size(), Importers.formats())));
            }
            if (mode == ImportMode.STRICT) {
                report.files().forEach(listener::done);
            }
            return report;
        }
    }

    /** A strict import's entry as it is reported once the import was undone: what it would have added, if it was read. */
    private static FileReport unwritten(FileReport report) {
        return switch (report) {
            case FileReport.Imported imported -> new FileReport.Unwritten(imported.file(), imported.format(),
                    imported.source(), imported.batch().added(), imported.batch().duplicates());
            case FileReport.Unwritten unwritten -> unwritten;
            case FileReport.NotRecognized notRecognized -> notRecognized;
            case FileReport.Failed failed -> failed;
        };
    }

    /** The refusal of a strict import of an archive or folder: how many of its files could not be read, and the first. */
    private static SelfdataException refusal(String displayName, IntakeReport report) {
        FileReport.Failed first = report.failed().getFirst();
        Object firstFailure = first.failure().wording().map(Object.class::cast).orElse(first.message());
        return new SelfdataException(first.code(), Wording.of("error.intake.strictArchiveRefused", displayName,
                report.failed().size(), report.files().size(), firstFailure));
    }

    /** Ends a strict import's transaction, undoing every entry, when one of them could not be read. */
    private static final class Undone extends RuntimeException {
        private final transient IntakeReport report;

        Undone(IntakeReport report) {
            super("a strict import is undone", null, false, false);
            this.report = report;
        }
    }

    private FileReport importEntry(Imports.FileWriter writer, FileEntry entry, boolean single, ImportMode mode,
            ImportContext context, ExpansionBudget budget, IntakeListener listener) {
        long started = System.nanoTime();
        listener.reading(entry.name(), entry.size());
        try {
            InputStream in = open(entry, budget, listener);
            Optional<ParsedFile> opened = openOrClose(entry.name(), in, context);
            if (opened.isEmpty()) {
                if (single) {
                    throw new SelfdataException(ErrorCode.UNSUPPORTED_FORMAT, importers.notRecognized(entry.name()));
                }
                return new FileReport.NotRecognized(entry.name());
            }
            try (ParsedFile file = opened.get()) {
                Covered covered = new Covered();
                Stream<? extends ImportItem> items = mode == ImportMode.STRICT
                        ? file.records().peek(covered::add)
                        : Stream.concat(file.items().peek(covered::add), afterTheLast(covered::requireOneRecordRead));
                SourceDescriptor source = answering.orElse(file.source());
                ImportBatch batch = writer.write(new ImportRequest(source, file.format(), entry.name()), items);
                return new FileReport.Imported(entry.name(), file.format(), source, batch, covered.span(),
                        file.notes(), Duration.ofNanos(System.nanoTime() - started));
            }
        }
        catch (SelfdataException e) {
            SelfdataException named = named(entry.name(), e);
            if (!single && FAULTS_OF_ONE_FILE.contains(e.code())) {
                return new FileReport.Failed(entry.name(), named);
            }
            throw named;
        }
    }

    private static InputStream open(FileEntry entry, ExpansionBudget budget, IntakeListener listener) {
        try {
            LongConsumer meter = budget.meter();
            return new CountingInputStream(entry.opener().open(), total -> {
                meter.accept(total);
                listener.advanced(total);
            });
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.file.notOpened"), e);
        }
    }

    private Optional<ParsedFile> openOrClose(String name, InputStream in, ImportContext context) {
        Optional<ParsedFile> opened;
        try {
            opened = importers.openIfRecognized(name, in, context);
        }
        catch (RuntimeException e) {
            closeQuietly(in, e);
            throw e;
        }
        if (opened.isEmpty()) {
            closeQuietly(in, null);
        }
        return opened;
    }

    private static void closeQuietly(InputStream in, RuntimeException failure) {
        try {
            in.close();
        }
        catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Puts the file's name in front of a message that does not start with it already, around the message's wording so
     * that the named message is said in every language too.
     */
    private static SelfdataException named(String name, SelfdataException e) {
        if (e.getMessage().startsWith(name)) {
            return e;
        }
        return e.wording().map(wording -> new SelfdataException(e.code(), Wording.of("error.input.at", name, wording), e))
                .orElseGet(() -> new SelfdataException(e.code(), name + ": " + e.getMessage(), e));
    }

    /** No item, but {@code check} runs when a stream this ends is read to its end: inside the file's transaction. */
    private static Stream<ImportItem> afterTheLast(Runnable check) {
        return Stream.of(check).flatMap(last -> {
            last.run();
            return Stream.empty();
        });
    }

    /** The time a file's timed records span, gathered as they stream past, and the rejections met on the way. */
    private static final class Covered {
        private long start = Long.MAX_VALUE;
        private long end = Long.MIN_VALUE;
        private long records;
        private long rejections;
        private Optional<Rejection> firstRejection = Optional.empty();

        void add(ImportItem item) {
            switch (item) {
                case RecordDraft draft -> {
                    records++;
                    // A record without a time widens no span.
                    draft.time().span().ifPresent(span -> {
                        start = Math.min(start, span.startMillis());
                        end = Math.max(end, span.endMillis());
                    });
                }
                case Rejection rejection -> {
                    rejections++;
                    firstRejection = firstRejection.or(() -> Optional.of(rejection));
                }
            }
        }

        /**
         * Refuses a file of which every record was rejected: it is more likely a file read the wrong way than one
         * with bad records, and importing it would leave a source that holds nothing.
         */
        void requireOneRecordRead() {
            if (records == 0 && firstRejection.isPresent()) {
                Rejection first = firstRejection.get();
                Object firstReason = first.messageWording().map(Object.class::cast).orElse(first.message());
                throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.intake.noRecordRead", rejections,
                        firstReason));
            }
        }

        Optional<TimeSpan> span() {
            return start == Long.MAX_VALUE ? Optional.empty() : Optional.of(TimeSpan.ofEpochMillis(start, end));
        }
    }
}
