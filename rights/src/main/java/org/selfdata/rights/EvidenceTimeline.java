package org.selfdata.rights;

import org.selfdata.model.PayloadCodec;
import org.selfdata.texts.Words;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The timeline of a request as its evidence pack tells it: in JSON for the verifier and anyone's tools, and as text in
 * the pack's language for the person who reads it. Both name, for each step, the log entry that recorded it and the
 * documents that prove it with their SHA-256; a document the pack withholds (the person's identity document, the
 * message that carried it) is named with its SHA-256 and marked withheld, with no file.
 */
final class EvidenceTimeline {
    static final String JSON = "timeline.json";
    static final String TEXT = "timeline.txt";
    static final String FORMAT = "selfdata-evidence-pack";

    /** A document as the pack files it: the person's name for it, its path in the pack, its digest and size. */
    record FiledDocument(String name, String path, EvidenceZip.Digested digested) {}

    /** A step with its documents as filed. */
    record FiledStep(EvidenceStep step, List<FiledDocument> documents) {}

    private EvidenceTimeline() {}

    static byte[] json(EvidenceRequest request, LogExcerpt log, List<FiledStep> steps) {
        ObjectNode root = PayloadCodec.mapper().createObjectNode()
                .put("format", FORMAT)
                .put("version", 1)
                .put("reference", request.reference())
                .put("language", request.language().code());
        root.putObject("log")
                .put("treeSize", log.treeSize())
                .put("root", log.root().hex())
                .put("signedAt", log.timestamp().toString());
        ArrayNode array = root.putArray("steps");
        for (FiledStep filed : steps) {
            EvidenceStep step = filed.step();
            ObjectNode node = array.addObject()
                    .put("date", step.date().toString())
                    .put("status", step.status().term())
                    .put("description", step.description())
                    .put("logEntry", step.logIndex())
                    .put("entryFile", EvidencePack.entryPath(step.logIndex()))
                    .put("proofFile", EvidencePack.proofPath(step.logIndex()));
            ArrayNode documents = node.putArray("documents");
            for (FiledDocument document : filed.documents()) {
                documents.addObject()
                        .put("name", document.name())
                        .put("file", document.path())
                        .put("sha256", document.digested().sha256())
                        .put("size", document.digested().size());
            }
            for (EvidenceStep.Withheld document : step.withheld()) {
                documents.addObject()
                        .put("name", document.name())
                        .put("withheld", true)
                        .put("sha256", document.sha256())
                        .put("size", document.size());
            }
        }
        return (PayloadCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The key of a status's words in a timeline, such as "sent" or "answered incompletely". */
    static String statusKey(RequestStatus status) {
        return "rights.evidence.status." + status.term();
    }

    static byte[] text(EvidenceRequest request, LogExcerpt log, List<FiledStep> steps) {
        Words words = Words.of(request.language());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(request.language().locale());
        StringBuilder text = new StringBuilder();
        text.append(words.say("rights.evidence.timeline.title", request.reference())).append("\n")
                .append(words.say("rights.evidence.timeline.head", log.timestamp().toString(), log.treeSize(),
                        log.root().hex()))
                .append("\n");
        int number = 0;
        for (FiledStep filed : steps) {
            EvidenceStep step = filed.step();
            text.append("\n").append(words.say("rights.evidence.timeline.step", ++number, dates.format(step.date()),
                    words.say(statusKey(step.status())))).append("\n")
                    .append("   ").append(step.description()).append("\n")
                    .append("   ").append(words.say("rights.evidence.timeline.entry", Long.toString(step.logIndex()),
                            EvidencePack.entryPath(step.logIndex()))).append("\n");
            if (filed.documents().isEmpty() && step.withheld().isEmpty()) {
                text.append("   ").append(words.say("rights.evidence.timeline.noDocument")).append("\n");
            }
            for (FiledDocument document : filed.documents()) {
                text.append("   ").append(words.say("rights.evidence.timeline.document", document.name(),
                        document.path(), document.digested().sha256())).append("\n");
            }
            for (EvidenceStep.Withheld document : step.withheld()) {
                text.append("   ").append(words.say("rights.evidence.timeline.withheld", document.name(),
                        document.sha256())).append("\n");
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
