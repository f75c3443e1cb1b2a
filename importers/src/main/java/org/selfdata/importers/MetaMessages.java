package org.selfdata.importers;

import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.SocialMessage;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Walks the {@code messages} array of one conversation file ({@code message_1.json}), one message at a time, so that
 * a conversation of a gigabyte never sits in memory: only one message is parsed as a tree at once.
 *
 * <p>The conversation is named by its participants, which the export writes before the messages; the title and
 * thread path come after them, too late for a streaming reader, and the title changes when a group is renamed.
 * Both layouts are read: the "Download your information" one ({@code sender_name}, {@code timestamp_ms},
 * {@code content}) and the end-to-end-encrypted Messenger one ({@code senderName}, {@code timestamp}, {@code text}).
 * Reactions are not kept: a message record has no field for them.
 */
final class MetaMessages implements RecordReader {
    private static final int CONVERSATION_LENGTH = 512;
    private static final String[] ATTACHMENTS = {"photos", "videos", "audio_files", "gifs", "files", "media"};

    private final JsonParser parser;
    private final ObjectMapper mapper;
    private final MetaPlatform platform;
    private String conversation = "";
    private long index = -1;
    private boolean ended;

    MetaMessages(JsonParser parser, ObjectMapper mapper, MetaPlatform platform) {
        this.parser = requireNonNull(parser, "parser is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.platform = requireNonNull(platform, "platform is null");
    }

    /** Reads up to the start of the messages array, taking the participants on the way. */
    void enterMessages() {
        MalformedJson.guarded("/", () -> {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw InvalidInput.at("/", Wording.of("error.meta.notConversation"));
            }
            if (!moveToMessages()) {
                throw InvalidInput.at("/", Wording.of("error.meta.noMessages"));
            }
            return null;
        });
    }

    private boolean moveToMessages() {
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("messages")) {
                if (value != JsonToken.START_ARRAY) {
                    throw InvalidInput.at("/messages", Wording.of("error.meta.messagesNotArray"));
                }
                return true;
            }
            if (name.equals("participants") && value == JsonToken.START_ARRAY) {
                conversation = participants(mapper.readTree(parser));
            }
            else {
                parser.skipChildren();
            }
        }
        return false;
    }

    private static String participants(JsonNode participants) {
        List<String> names = new ArrayList<>();
        for (JsonNode participant : participants) {
            if (participant.isString() && !participant.stringValue().isBlank()) {
                names.add(Mojibake.repair(participant.stringValue()));
            }
            else if (participant.isObject()) {
                MetaNodes.text(participant, "name").ifPresent(names::add);
            }
        }
        String joined = String.join(", ", names);
        return joined.length() <= CONVERSATION_LENGTH ? joined : joined.substring(0, CONVERSATION_LENGTH - 1) + "…";
    }

    @Override
    public Optional<RecordDraft> read() {
        if (ended) {
            return Optional.empty();
        }
        index++;
        String pointer = "/messages/" + index;
        return MalformedJson.guarded(pointer, () -> {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                finish();
                return Optional.empty();
            }
            if (token == null) {
                throw InvalidInput.at(pointer, Wording.of("error.meta.messagesEnd"));
            }
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                throw InvalidInput.rejected(Position.jsonPointer(pointer), Wording.of("error.meta.messageObject"));
            }
            return Optional.of(message(pointer, mapper.readTree(parser)));
        });
    }

    /** Reads past what follows the messages (title, thread path), so that a truncated file is noticed. */
    private void finish() {
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            parser.nextToken();
            parser.skipChildren();
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw InvalidInput.at("/", Wording.of("error.meta.conversationEnd"));
        }
        ended = true;
    }

    private RecordDraft message(String pointer, JsonNode message) {
        Position position = Position.jsonPointer(pointer);
        String sender = MetaNodes.firstText(message, "sender_name", "senderName")
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.meta.sender")));
        Instant time = MetaNodes.millis(message, "timestamp_ms").or(() -> MetaNodes.millis(message, "timestamp"))
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.meta.time")));
        Optional<String> text = MetaNodes.firstText(message, "content", "text");
        List<String> attachments = new ArrayList<>(MetaNodes.uris(message, ATTACHMENTS));
        MetaNodes.object(message, "sticker").flatMap(sticker -> MetaNodes.text(sticker, "uri")).ifPresent(attachments::add);
        MetaNodes.object(message, "share").flatMap(share -> MetaNodes.text(share, "link")).ifPresent(attachments::add);
        SocialMessage payload = InvalidInput.rejecting(position,
                () -> new SocialMessage(platform.label(), conversation, sender, text, attachments));
        return RecordDraft.of(TimeSpan.at(time), payload, position);
    }
}
