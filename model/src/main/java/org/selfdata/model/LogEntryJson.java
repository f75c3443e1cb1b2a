package org.selfdata.model;

import org.selfdata.texts.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The canonical JSON of a log entry: the bytes hashed into the log's Merkle tree, so the same entry always gives the
 * same bytes. Keys come in a fixed order with no spaces, absent values are left out, types are sorted by id, and the
 * index comes first so that a verifier can read it without parsing the rest. The number of requests an entry stands for is
 * written only when it is more than one, and the step of a rights request only when there is one, last, so that every
 * entry written before either existed keeps its bytes.
 */
public final class LogEntryJson {
    private static final byte[] INDEX_PREFIX = "{\"index\":".getBytes(StandardCharsets.US_ASCII);

    private LogEntryJson() {}

    public static byte[] bytes(LogEntry entry) {
        LogEntryDraft draft = entry.draft();
        StringBuilder json = new StringBuilder(256);
        json.append("{\"index\":").append(entry.index())
                .append(",\"recordedAt\":").append(quoted(entry.recordedAt().toString()))
                .append(",\"actor\":").append(actor(draft.actor()))
                .append(",\"action\":").append(quoted(draft.action().term()))
                .append(",\"types\":[")
                .append(String.join(",", draft.types().stream().map(RecordType::id).sorted().map(LogEntryJson::quoted)
                        .toList()))
                .append("],\"count\":").append(draft.count());
        if (draft.requests() > 1) {
            json.append(",\"requests\":").append(draft.requests());
        }
        draft.span().ifPresent(span -> json.append(",\"span\":{\"start\":").append(quoted(span.start().toString()))
                .append(",\"end\":").append(quoted(span.end().toString())).append('}'));
        draft.precision().ifPresent(precision -> json.append(",\"precision\":").append(quoted(precision)));
        draft.grant().ifPresent(grant -> json.append(",\"grant\":").append(quoted(grant.value())));
        draft.purpose().ifPresent(purpose -> json.append(",\"purpose\":").append(quoted(purpose)));
        draft.source().ifPresent(source -> json.append(",\"source\":").append(source.value()));
        draft.requestStep().ifPresent(step -> json.append(",\"request\":{\"id\":").append(quoted(step.request()))
                .append(",\"step\":").append(quoted(step.status()))
                .append(",\"documents\":[").append(String.join(",", step.documents().stream().map(LogEntryJson::quoted)
                        .toList()))
                .append("]}"));
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The index a leaf says it has, read from its first bytes, or -1 when the leaf does not start the canonical way.
     */
    public static long index(byte[] leaf) {
        if (leaf.length <= INDEX_PREFIX.length) {
            return -1;
        }
        for (int position = 0; position < INDEX_PREFIX.length; position++) {
            if (leaf[position] != INDEX_PREFIX[position]) {
                return -1;
            }
        }
        long index = 0;
        int position = INDEX_PREFIX.length;
        int digits = 0;
        while (position < leaf.length && leaf[position] >= '0' && leaf[position] <= '9' && digits < 18) {
            index = index * 10 + (leaf[position] - '0');
            position++;
            digits++;
        }
        return digits == 0 || position >= leaf.length || leaf[position] != ',' ? -1 : index;
    }

    /** Reads an entry back, refusing any bytes that are not exactly the canonical form of what they say. */
    public static LogEntry parse(byte[] leaf) {
        try {
            JsonNode node = PayloadCodec.mapper().readTree(leaf);
            LogEntryDraft draft = new LogEntryDraft(actor(node.required("actor")),
                    LogAction.fromTerm(node.required("action").asString()), types(node.required("types")),
                    node.required("count").asLong(),
                    optional(node, "span", span -> TimeSpan.between(Instant.parse(span.required("start").asString()),
                            Instant.parse(span.required("end").asString()))),
                    optional(node, "precision", JsonNode::asString),
                    optional(node, "grant", grant -> GrantId.of(grant.asString())),
                    optional(node, "purpose", JsonNode::asString),
                    optional(node, "source", source -> SourceId.of(source.asLong())),
                    optional(node, "requests", JsonNode::asLong).orElse(1L),
                    optional(node, "request", LogEntryJson::requestStep));
            LogEntry entry = new LogEntry(node.required("index").asLong(),
                    Instant.parse(node.required("recordedAt").asString()), draft);
            if (!java.util.Arrays.equals(bytes(entry), leaf)) {
                throw new SelfdataException(ErrorCode.INVALID_INPUT,
                        Wording.of("error.model.logEntryNotCanonical", Long.toString(entry.index())));
            }
            return entry;
        }
        catch (JacksonException | java.time.DateTimeException e) {
            throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.model.logEntryNotJson"), e);
        }
    }

    private static String actor(LogActor actor) {
        return switch (actor) {
            case LogActor.Owner owner -> "{\"kind\":\"owner\"}";
            case LogActor.Recipient recipient -> "{\"kind\":\"recipient\",\"id\":" + quoted(recipient.id().value()) + "}";
            case LogActor.Service service -> "{\"kind\":\"service\",\"name\":" + quoted(service.name()) + "}";
        };
    }

    private static LogActor actor(JsonNode node) {
        String kind = node.required("kind").asString();
        return switch (kind) {
            case "owner" -> new LogActor.Owner();
            case "recipient" -> new LogActor.Recipient(RecipientId.of(node.required("id").asString()));
            case "service" -> new LogActor.Service(node.required("name").asString());
            default -> throw new SelfdataException(ErrorCode.INVALID_INPUT, Wording.of("error.model.logActorUnknown", kind));
        };
    }

    private static RequestStep requestStep(JsonNode node) {
        List<String> documents = new ArrayList<>();
        node.required("documents").forEach(document -> documents.add(document.asString()));
        return new RequestStep(node.required("id").asString(), node.required("step").asString(), documents);
    }

    private static Set<RecordType> types(JsonNode node) {
        Set<RecordType> types = new HashSet<>();
        node.forEach(type -> types.add(RecordType.fromId(type.asString())));
        return types;
    }

    private static <T> Optional<T> optional(JsonNode node, String name, Function<JsonNode, T> read) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(read.apply(value));
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int position = 0; position < text.length(); position++) {
            char character = text.charAt(position);
            switch (character) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (character < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) character));
                    }
                    else {
                        quoted.append(character);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
