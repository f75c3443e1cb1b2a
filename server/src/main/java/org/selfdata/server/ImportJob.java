package org.selfdata.server;

import org.selfdata.intake.FileReport;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.IntakeListener;
import org.selfdata.model.PersonId;
import org.selfdata.texts.Language;
import org.selfdata.model.SelfdataException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One upload and its import, followed from the first byte received to the last file's report, so that a page can
 * show it moving: the upload's thread and the import's thread write to it, requests read copies of it.
 *
 * <p>Only the owner who started it can see it; its id, 128 random bits, is unguessable besides.
 */
final class ImportJob implements IntakeListener {
    /** Where a job is; {@code done} even when a lenient import failed some entries, which its files report. */
    enum State {
        RECEIVING, IMPORTING, DONE, FAILED;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean isOver() {
            return this == DONE || this == FAILED;
        }
    }

    /** The file being read now, and how far: {@code size} is absent when the archive does not say. */
    record CurrentJson(String file, long read, Optional<Long> size) {}

    /** A job as the API shows it. */
    record Json(String id, String state, String name, boolean lenient, Instant createdAt, Optional<Instant> finishedAt,
            long received, Optional<CurrentJson> current, List<FileReportJson> files, Optional<Problems.Problem> problem,
            Optional<Boolean> mappable) {}

    private final String id;
    private final PersonId person;
    private final ImportMode mode;
    private final Language language;
    private final Clock clock;
    private final Instant createdAt;

    private State state = State.RECEIVING;
    private String name = "upload";
    private long received;
    private Optional<String> currentFile = Optional.empty();
    private long currentRead;
    private long currentSize = -1;
    private final List<FileReportJson> files = new ArrayList<>();
    private Optional<Problems.Problem> problem = Optional.empty();
    private Optional<Instant> finishedAt = Optional.empty();
    private boolean mappable;
    private long version;

    ImportJob(String id, PersonId person, ImportMode mode, Language language, Clock clock) {
        this.id = requireNonNull(id, "id is null");
        this.person = requireNonNull(person, "person is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.language = requireNonNull(language, "language is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.createdAt = clock.instant();
    }

    String id() {
        return id;
    }

    /** The job's address, which its problems name as their instance. */
    String location() {
        return ImportRoutes.PATH + "/" + id;
    }

    PersonId person() {
        return person;
    }

    ImportMode mode() {
        return mode;
    }

    Instant createdAt() {
        return createdAt;
    }

    synchronized State state() {
        return state;
    }

    /** When the job ended, if it has. */
    synchronized Optional<Instant> finishedAt() {
        return finishedAt;
    }

    synchronized void received(long bytes) {
        received = bytes;
        changed();
    }

    /** The upload is in: the import begins, under the name the file was sent with. */
    synchronized void importing(String uploadedName) {
        name = requireNonNull(uploadedName, "uploadedName is null");
        state = State.IMPORTING;
        changed();
    }

    @Override
    public synchronized void reading(String file, long bytes) {
        currentFile = Optional.of(file);
        currentRead = 0;
        currentSize = bytes;
        changed();
    }

    @Override
    public synchronized void advanced(long bytes) {
        currentRead = bytes;
        changed();
    }

    @Override
    public synchronized void done(FileReport report) {
        files.add(FileReportJson.of(report, location(), language));
        currentFile = Optional.empty();
        changed();
    }

    /**
     * The upload was refused as of no known kind, but its first rows look like bank transactions: a column mapping may
     * read it, and the page offers one.
     */
    synchronized void mappable() {
        mappable = true;
    }

    synchronized void finished() {
        end(State.DONE);
    }

    /**
     * The import, or the upload, failed as a whole: a strict import undone, a file no importer reads. A strict import
     * reports its files only once it is undone, as read but not written, and those reports stay, so that a refused
     * archive is still reported file by file; a lenient import's reports, given as each file was written, are dropped,
     * since nothing of them was kept.
     */
    synchronized void failed(SelfdataException failure) {
        problem = Optional.of(Problems.problem(failure, Optional.of(location()), language));
        if (mode == ImportMode.LENIENT) {
            files.clear();
        }
        end(State.FAILED);
    }

    private void end(State last) {
        state = last;
        currentFile = Optional.empty();
        finishedAt = Optional.of(clock.instant());
        changed();
    }

    synchronized Json json() {
        Optional<CurrentJson> current = currentFile.map(file -> new CurrentJson(file, currentRead,
                currentSize < 0 ? Optional.empty() : Optional.of(currentSize)));
        return new Json(id, state.id(), name, mode == ImportMode.LENIENT, createdAt, finishedAt, received, current,
                List.copyOf(files), problem, mappable ? Optional.of(true) : Optional.empty());
    }

    /**
     * Waits until the job has changed since {@code seen} or is over, at most {@code timeout}; returns the version it
     * has then, which the caller passes next time.
     */
    synchronized long awaitChange(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (version == seen && !state.isOver()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return version;
    }

    private void changed() {
        version++;
        notifyAll();
    }
}
