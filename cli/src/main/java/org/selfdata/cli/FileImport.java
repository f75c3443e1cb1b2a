package org.selfdata.cli;

import org.selfdata.importers.ImportContext;
import org.selfdata.importers.ParsedFile;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportBatch;
import org.selfdata.model.Person;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.Source;
import org.selfdata.model.TimeSpan;
import org.selfdata.vault.ImportRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * One file through the real import path: detected by its content, parsed as it streams, written as one batch, with a
 * progress bar over the bytes read when there is a terminal to show it on.
 */
final class FileImport {
    private final Application application;
    private final Terminal terminal;

    FileImport(Application application, Terminal terminal) {
        this.application = requireNonNull(application, "application is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    ImportReport run(Person person, Path file) {
        String fileName = file.getFileName().toString();
        Instant started = Instant.now();
        long size = size(file);
        Covered covered = new Covered();
        try (Progress progress = terminal.progress(fileName, size);
             InputStream in = new CountingInputStream(Files.newInputStream(file), progress::advanceTo);
             ParsedFile parsed = application.importers().open(fileName, in, new ImportContext(person.zone()))) {
            Stream<RecordDraft> records = parsed.records().peek(covered::add);
            ImportBatch batch = application.vault().imports().write(person.id(),
                    new ImportRequest(parsed.source(), parsed.format(), fileName), records);
            Source source = application.vault().imports().source(person.id(), batch.source()).orElseThrow();
            return new ImportReport(fileName, parsed.format(), source, batch, covered.span(),
                    Duration.between(started, Instant.now()), person.zone());
        }
        catch (SelfdataException e) {
            throw e.getMessage().startsWith(fileName) ? e : new SelfdataException(e.code(), fileName + ": " + e.getMessage(), e);
        }
        catch (NoSuchFileException e) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, "there is no file " + file, e);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        }
        catch (NoSuchFileException e) {
            throw new SelfdataException(ErrorCode.NOT_FOUND, "there is no file " + file, e);
        }
        catch (IOException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The time the file's records span, gathered as they stream past. */
    private static final class Covered {
        private long start = Long.MAX_VALUE;
        private long end = Long.MIN_VALUE;

        void add(RecordDraft draft) {
            start = Math.min(start, draft.time().startMillis());
            end = Math.max(end, draft.time().endMillis());
        }

        Optional<TimeSpan> span() {
            return start == Long.MAX_VALUE ? Optional.empty() : Optional.of(TimeSpan.ofEpochMillis(start, end));
        }
    }
}
