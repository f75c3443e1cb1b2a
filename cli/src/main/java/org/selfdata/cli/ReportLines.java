package org.selfdata.cli;

import org.selfdata.intake.FileReport;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Language;
import org.selfdata.texts.SourceNames;
import org.selfdata.texts.Words;
import org.selfdata.vault.QuarantinedRecord;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * What an import did to each file, as one line for people, in the terminal's language, and as one JSON object for
 * scripts, whose words stay English, with the first of the records it rejected.
 */
final class ReportLines {
    /** How many of a file's rejections its report shows. */
    static final int REJECTS_SHOWN = 10;

    private ReportLines() {}

    static String line(FileReport report, ZoneId zone, Language language) {
        Words words = Words.of(language);
        return switch (report) {
            case FileReport.Imported imported -> imported(imported, zone, language);
            case FileReport.Unwritten unwritten -> words.say("command.import.unwritten", unwritten.file(), unwritten.format(),
                    SourceNames.say(language, unwritten.source().organization()),
                    SourceNames.say(language, unwritten.source().label()), unwritten.added(), unwritten.duplicates());
            case FileReport.NotRecognized notRecognized -> words.say("command.import.notRecognized", notRecognized.file());
            case FileReport.Failed failed -> words.say("command.import.failed", failed.file(),
                    withoutName(failed.file(), failed.failure().message(language)));
        };
    }

    private static String imported(FileReport.Imported imported, ZoneId zone, Language language) {
        Words words = Words.of(language);
        long rejects = imported.batch().rejected();
        String rejected = rejects == 0 ? "" : words.say("command.import.rejected", rejects,
                Long.toString(imported.batch().id().value()));
        long alreadyRejects = imported.batch().alreadyRejected();
        String alreadyRejected = alreadyRejects == 0 ? "" : words.say("command.import.alreadyRejected", alreadyRejects);
        String covered = imported.covered().map(span -> covered(span, zone, words)).orElse("");
        return words.say("command.import.imported", imported.file(), imported.format(),
                SourceNames.say(language, imported.source().organization()),
                SourceNames.say(language, imported.source().label()), imported.batch().added(),
                imported.batch().duplicates(), rejected, alreadyRejected, covered, imported.took().toMillis() / 1000.0);
    }

    /** The days a file's records span, in the person's zone: one day, or the first and the last. */
    private static String covered(TimeSpan span, ZoneId zone, Words words) {
        String first = Days.first(span, zone).toString();
        String last = Days.last(span, zone).toString();
        return first.equals(last) ? words.say("command.import.coveredDay", first)
                : words.say("command.import.coveredDays", first, last);
    }

    static ObjectNode json(FileReport report, List<QuarantinedRecord> firstRejects) {
        ObjectNode node = Json.MAPPER.createObjectNode().put("file", report.file());
        switch (report) {
            case FileReport.Imported imported -> {
                node.put("status", "imported")
                        .put("format", imported.format())
                        .put("batch", imported.batch().id().value())
                        .put("source", imported.batch().source().value())
                        .put("organization", imported.source().organization())
                        .put("label", imported.source().label())
                        .put("added", imported.batch().added())
                        .put("duplicates", imported.batch().duplicates())
                        .put("rejected", imported.batch().rejected())
                        .put("alreadyRejected", imported.batch().alreadyRejected())
                        .put("milliseconds", imported.took().toMillis());
                imported.covered().ifPresent(span -> node.put("from", span.start().toString()).put("to", span.end().toString()));
                ArrayNode rejects = node.putArray("rejects");
                firstRejects.forEach(reject -> rejects.addObject().put("number", reject.number())
                        .put("position", reject.rejection().position().value()).put("reason", reject.rejection().reason()));
                ArrayNode notes = node.putArray("notes");
                imported.notes().forEach(note -> notes.addObject().put("position", note.position().value())
                        .put("note", note.text()));
            }
            case FileReport.Unwritten unwritten -> node.put("status", "unwritten")
                    .put("format", unwritten.format())
                    .put("organization", unwritten.source().organization())
                    .put("label", unwritten.source().label())
                    .put("added", unwritten.added())
                    .put("duplicates", unwritten.duplicates());
            case FileReport.NotRecognized notRecognized -> node.put("status", "not-recognized");
            case FileReport.Failed failed -> node.put("status", "failed")
                    .put("error", failed.code().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .put("message", failed.message());
        }
        return node;
    }

    /** A FILE left alone because an earlier one was refused, with the reason it was not attempted. */
    static ObjectNode notAttempted(String file, String reason) {
        return Json.MAPPER.createObjectNode().put("file", file).put("status", "not-attempted").put("reason", reason);
    }

    private static String withoutName(String file, String message) {
        for (String separator : List.of(": ", " : ")) {
            if (message.startsWith(file + separator)) {
                return message.substring(file.length() + separator.length());
            }
        }
        return message;
    }
}
