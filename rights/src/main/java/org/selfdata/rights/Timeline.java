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
 * documents that prove it with their SHA-256.
 */
final class Timeline {
    static final String JSON = "timeline.json";
    static final String TEXT = "timeline.txt";
    static final String FORMAT = "selfdata-evidence-pack";

    /** A document as the pack files it: the person's name for it, its path in the pack, its digest and size. */
    record FiledDocument(String name, String path, EvidenceZip.Digested digested) {}

    /** A step with its documents as filed. */
    record FiledStep(EvidenceStep step, List<FiledDocument> documents) {}

    private Timeline() {}

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
            if (filed.documents().isEmpty()) {
                text.append("   ").append(words.say("rights.evidence.timeline.noDocument")).append("\n");
            }
            for (FiledDocument document : filed.documents()) {
                text.append("   ").append(words.say("rights.evidence.timeline.document", document.name(),
                        document.path(), document.digested().sha256())).append("\n");
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A request and every step it went through, in order. The days the deadlines are counted from are read here: when
 * the request was sent and received, when the organization asked for identification and when it was given, when it
 * notified an extension, when a complaint was lodged.
 */
public record Timeline(RightsRequest request, List<RequestEvent> events) {
    public Timeline {
        requireNonNull(request, "request is null");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a timeline starts with the request's draft");
        }
    }

    /** The latest step. */
    public RequestEvent latest() {
        return events.getLast();
    }

    /** Where the request stands. */
    public RequestStatus status() {
        return latest().status();
    }

    /** The first step that reached the status, if any did. */
    public Optional<RequestEvent> first(RequestStatus status) {
        return events.stream().filter(event -> event.status() == status).findFirst();
    }

    /** The latest step that reached the status, if any did. */
    public Optional<RequestEvent> last(RequestStatus status) {
        return events.reversed().stream().filter(event -> event.status() == status).findFirst();
    }

    /** The day the request was sent. */
    public Optional<LocalDate> sentOn() {
        return first(RequestStatus.SENT).map(RequestEvent::happenedOn);
    }

    /** The day the organization received the request: the time limit of art. 12(3) runs from it. */
    public Optional<LocalDate> receivedOn() {
        return first(RequestStatus.RECEIVED).map(RequestEvent::happenedOn);
    }

    /** The day the organization notified an extension, and whether it gave reasons. */
    public Optional<RequestEvent> extension() {
        return first(RequestStatus.EXTENDED);
    }

    /** The day the organization last asked for identification (art. 12(6)). */
    public Optional<LocalDate> identificationAskedOn() {
        return last(RequestStatus.IDENTIFICATION_ASKED).map(RequestEvent::happenedOn);
    }

    /** The day the person last gave the identification asked for. */
    public Optional<LocalDate> identificationGivenOn() {
        return last(RequestStatus.IDENTIFICATION_GIVEN).map(RequestEvent::happenedOn);
    }

    /** The day the person lodged a complaint with the supervisory authority (art. 77, and 78(2) from then on). */
    public Optional<LocalDate> complaintLodgedOn() {
        return first(RequestStatus.COMPLAINT_LODGED).map(RequestEvent::happenedOn);
    }
}
