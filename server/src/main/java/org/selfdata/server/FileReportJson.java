package org.selfdata.server;

import org.selfdata.intake.FileReport;
import org.selfdata.texts.Language;
import org.selfdata.texts.SourceNames;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an import did to one file, as the API shows it: the same fields as {@code selfdata import --json}, and for a
 * file that could not be read the problem it met, as a request would have got it.
 *
 * @param status {@code imported}, {@code unwritten} (read, but not written since another file refused a strict
 *     import), {@code not-recognized} or {@code failed}
 * @param added for an unwritten file, the records it would have added
 * @param alreadyRejected records rejected that an earlier import of the same file left in the quarantine already
 * @param from the start of the time its records span, when it held any
 */
record FileReportJson(String file, String status, Optional<String> format, Optional<Long> batch, Optional<Long> source,
        Optional<String> organization, Optional<String> label, Optional<String> organizationName,
        Optional<String> labelName, Optional<Long> added, Optional<Long> duplicates,
        Optional<Long> rejected, Optional<Long> alreadyRejected, Optional<Long> milliseconds, Optional<Instant> from,
        Optional<Instant> to, Optional<List<NoteJson>> notes, Optional<Problems.Problem> problem) {

    /** What the reading noticed, such as a statement without transactions: where, and what. */
    record NoteJson(String position, String note) {}

    /** @param instance the path of the import, which a problem names as its instance */
    static FileReportJson of(FileReport report, String instance, Language language) {
        return switch (report) {
            case FileReport.Imported imported -> new FileReportJson(imported.file(), "imported", Optional.of(imported.format()),
                    Optional.of(imported.batch().id().value()), Optional.of(imported.batch().source().value()),
                    Optional.of(imported.source().organization()), Optional.of(imported.source().label()),
                    Optional.of(SourceNames.say(language, imported.source().organization())),
                    Optional.of(SourceNames.say(language, imported.source().label())),
                    Optional.of(imported.batch().added()), Optional.of(imported.batch().duplicates()),
                    Optional.of(imported.batch().rejected()), Optional.of(imported.batch().alreadyRejected()),
                    Optional.of(imported.took().toMillis()),
                    imported.covered().map(span -> span.start()), imported.covered().map(span -> span.end()),
                    Optional.of(imported.notes().stream()
                            .map(note -> new NoteJson(note.position().value(), note.text(language))).toList()),
                    Optional.empty());
            case FileReport.Unwritten unwritten -> new FileReportJson(unwritten.file(), "unwritten",
                    Optional.of(unwritten.format()), Optional.empty(), Optional.empty(),
                    Optional.of(unwritten.source().organization()), Optional.of(unwritten.source().label()),
                    Optional.of(SourceNames.say(language, unwritten.source().organization())),
                    Optional.of(SourceNames.say(language, unwritten.source().label())),
                    Optional.of(unwritten.added()), Optional.of(unwritten.duplicates()), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            case FileReport.NotRecognized notRecognized -> bare(notRecognized.file(), "not-recognized", Optional.empty());
            case FileReport.Failed failed -> bare(failed.file(), "failed",
                    Optional.of(Problems.problem(failed.failure(), Optional.of(instance), language)));
        };
    }

    private static FileReportJson bare(String file, String status, Optional<Problems.Problem> problem) {
        return new FileReportJson(file, status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), problem);
    }
}
