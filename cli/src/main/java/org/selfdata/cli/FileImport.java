package org.selfdata.cli;

import org.selfdata.intake.FileReport;
import org.selfdata.intake.ImportMode;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeListener;
import org.selfdata.intake.IntakeReport;
import org.selfdata.model.Person;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * A file, archive or folder through the intake, with a progress bar per file when there is a terminal to show it
 * on, and nothing on standard error otherwise.
 */
final class FileImport {
    private final Intake intake;
    private final Terminal terminal;

    FileImport(Intake intake, Terminal terminal) {
        this.intake = requireNonNull(intake, "intake is null");
        this.terminal = requireNonNull(terminal, "terminal is null");
    }

    IntakeReport run(Person person, Path path, ImportMode mode) {
        return run(person, path, mode, report -> { });
    }

    /**
     * Imports the path; {@code reported} is told of each file as the intake reports it: in a strict import, once the
     * import has landed or been undone, so that a refused archive can still be reported file by file.
     */
    IntakeReport run(Person person, Path path, ImportMode mode, Consumer<FileReport> reported) {
        try (ProgressBars bars = new ProgressBars(terminal, reported)) {
            return intake.importPath(person, path, mode, bars);
        }
    }

    /** One bar per file, named by the file's own name, closed when the file is done. */
    private static final class ProgressBars implements IntakeListener, AutoCloseable {
        private final Terminal terminal;
        private final Consumer<FileReport> reported;
        private Optional<Progress> current = Optional.empty();

        ProgressBars(Terminal terminal, Consumer<FileReport> reported) {
            this.terminal = terminal;
            this.reported = reported;
        }

        @Override
        public void reading(String file, long bytes) {
            close();
            current = Optional.of(terminal.progress(file.substring(file.lastIndexOf('/') + 1), Math.max(bytes, 0)));
        }

        @Override
        public void advanced(long bytes) {
            current.ifPresent(progress -> progress.advanceTo(bytes));
        }

        @Override
        public void done(FileReport report) {
            close();
            reported.accept(report);
        }

        @Override
        public void close() {
            current.ifPresent(Progress::close);
            current = Optional.empty();
        }
    }
}
