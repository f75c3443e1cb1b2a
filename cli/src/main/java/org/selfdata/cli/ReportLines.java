package org.selfdata.cli;

import org.selfdata.intake.FileReport;
import org.selfdata.vault.QuarantinedRecord;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * What an import did to each file, as one line for people and as one JSON object for scripts, with the first of the
 * records it rejected.
 */
final class ReportLines {
    /** How many of a file's rejections its report shows. */
    static final int REJECTS_SHOWN = 10;

    private ReportLines() {}

    static String line(FileReport report, ZoneId zone) {
        return switch (report) {
            case FileReport.Imported imported -> imported(imported, zone);
            case FileReport.Unwritten unwritten -> String.format("%s: %s from %s (%s), not written: %,d to add, %,d already held",
                    unwritten.file(), unwritten.format(), unwritten.source().organization(), unwritten.source().label(),
                    unwritten.added(), unwritten.duplicates());
            case FileReport.NotRecognized notRecognized -> notRecognized.file() + ": not recognized, left alone";
            case FileReport.Failed failed -> failed.file() + ": not imported, " + withoutName(failed.file(), failed.message());
        };
    }

    private static String imported(FileReport.Imported imported, ZoneId zone) {
        long rejects = imported.batch().rejected();
        String rejected = rejects == 0 ? "" : String.format(", %,d rejected (see selfdata import --show-rejects %d)", rejects,
                imported.batch().id().value());
        long alreadyRejects = imported.batch().alreadyRejected();
        String alreadyRejected = alreadyRejects == 0 ? "" : String.format(", %,d rejected and already in the quarantine of an "
                + "earlier import", alreadyRejects);
        String covered = imported.covered().map(span -> ", " + Days.covered(span, zone)).orElse("");
        return String.format("%s: %s from %s (%s), %,d added, %,d already held%s%s%s, in %.1f s", imported.file(),
                imported.format(), imported.source().organization(), imported.source().label(), imported.batch().added(),
                imported.batch().duplicates(), rejected, alreadyRejected, covered, imported.took().toMillis() / 1000.0);
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
        return message.startsWith(file + ": ") ? message.substring(file.length() + 2) : message;
    }
}
