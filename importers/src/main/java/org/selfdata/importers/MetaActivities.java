package org.selfdata.importers;

import org.selfdata.model.Category;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordTime;
import org.selfdata.model.SocialPost;
import org.selfdata.model.TimeSpan;
import org.selfdata.texts.Wording;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.NullNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;
import static java.util.Objects.requireNonNullElse;

/**
 * Walks the lists of one file of a Meta archive other than a conversation: posts, comments, friends and follows,
 * ad interests, activity off the platform. The file is either an object holding known lists
 * ({@code {"friends_v2": [...]}}, see {@link MetaList}) or a bare array (Facebook's {@code your_posts_1.json},
 * Instagram's {@code posts_1.json}, {@code followers_1.json} and {@code post_comments_1.json}), whose elements say
 * by their fields what they are. One element is parsed as a tree at a time; an element may give several records
 * (each event of an app's off-platform activity), which wait in a queue.
 *
 * <p>Ad interests and categories carry no time in either export (Instagram writes {@code 0}), so their records have none
 * ({@link RecordTime#untimed()}), rather than a made-up date that every page would show as when they happened.
 */
final class MetaActivities implements RecordReader {
    private static final String[] INSTAGRAM_TEXT_LABELS = {"Comment", "Interest", "Name", "Value"};

    private final JsonParser parser;
    private final ObjectMapper mapper;
    private final MetaPlatform platform;
    private final PendingItems pending = new PendingItems();
    private Optional<MetaList> list = Optional.empty();
    private String prefix = "";
    private long index = -1;
    private boolean ended;

    MetaActivities(JsonParser parser, ObjectMapper mapper, MetaPlatform platform) {
        this.parser = requireNonNull(parser, "parser is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.platform = requireNonNull(platform, "platform is null");
    }

    /** Moves to the first list of the file: the bare array, or the first known property of the object. */
    void enterList() {
        MalformedJson.guarded("/", () -> {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                if (!nextList()) {
                    throw InvalidInput.at("/", Wording.of("error.meta.unknownList", String.valueOf(platform.label()),
                            String.valueOf(MetaList.propertiesOf(platform))));
                }
            }
            else if (first != JsonToken.START_ARRAY) {
                throw InvalidInput.at("/", Wording.of("error.meta.notObjectOrArray"));
            }
            return null;
        });
    }

    private boolean nextList() {
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            Optional<MetaList> known = MetaList.of(name, platform);
            if (known.isPresent()) {
                if (value != JsonToken.START_ARRAY) {
                    throw InvalidInput.at("/" + name, Wording.of("error.json.array"));
                }
                list = known;
                prefix = "/" + name;
                index = -1;
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    @Override
    public Optional<RecordDraft> read() {
        while (true) {
            if (!pending.isEmpty()) {
                return pending.next();
            }
            if (ended) {
                return Optional.empty();
            }
            MalformedJson.guarded(prefix + "/" + (index + 1), () -> {
                readElement();
                return null;
            });
        }
    }

    private void readElement() {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            ended = list.isEmpty() || !nextList();
            return;
        }
        index++;
        String pointer = prefix + "/" + index;
        if (token == null) {
            throw InvalidInput.at(pointer, Wording.of("error.meta.listEnds"));
        }
        JsonNode element = requireNonNullElse(mapper.readTree(parser), NullNode.getInstance());
        Optional<Kind> kind = list.map(Kind::of).or(() -> inferred(element));
        if (kind.isEmpty() || kind.get().platform() != platform) {
            pending.reject(Position.jsonPointer(pointer), Wording.of("error.meta.entry", String.valueOf(platform.label())));
            return;
        }
        records(pointer, element, kind.get());
    }

    /** What an element of a bare array is, from its fields. */
    private static Optional<Kind> inferred(JsonNode element) {
        if (!element.isObject()) {
            return Optional.empty();
        }
        if (element.has("string_list_data")) {
            return Optional.of(new Kind(MetaPlatform.INSTAGRAM, MetaList.Shape.STRING_LIST, "follower", Category.SOCIAL_NETWORK));
        }
        if (element.has("string_map_data")) {
            JsonNode map = element.get("string_map_data");
            if (map.has("Interest")) {
                return Optional.of(
                        new Kind(MetaPlatform.INSTAGRAM, MetaList.Shape.STRING_MAP, "ad-interest", Category.BEHAVIORAL));
            }
            return Optional.of(new Kind(MetaPlatform.INSTAGRAM, MetaList.Shape.STRING_MAP, "comment", Category.SOCIAL_MEDIA));
        }
        if (element.has("media")) {
            return Optional.of(new Kind(MetaPlatform.INSTAGRAM, MetaList.Shape.MEDIA, "post", Category.SOCIAL_MEDIA));
        }
        if (element.has("timestamp")) {
            return Optional.of(new Kind(MetaPlatform.FACEBOOK, MetaList.Shape.ACTIVITY, "post", Category.SOCIAL_MEDIA));
        }
        return Optional.empty();
    }

    private void records(String pointer, JsonNode element, Kind kind) {
        Position position = Position.jsonPointer(pointer);
        if (!element.isObject() && !(kind.shape() == MetaList.Shape.TOPIC && element.isString())) {
            pending.reject(position, Wording.of("error.json.object"));
            return;
        }
        try {
            switch (kind.shape()) {
                case ACTIVITY -> activity(position, element, kind);
                case NAMED -> named(position, element, kind);
                case TOPIC -> topic(position, element, kind);
                case OFF_PLATFORM -> offPlatform(pointer, element, kind);
                case STRING_LIST, STRING_MAP -> {
                    if (element.has("string_map_data") && !element.has("string_list_data")) {
                        stringMap(position, element, kind);
                    }
                    else {
                        stringList(pointer, element, kind);
                    }
                }
                case MEDIA -> media(position, element, kind);
                case LABELLED -> labelled(pointer, element, kind);
            }
        }
        catch (RejectedRecord rejection) {
            pending.add(rejection.rejection());
        }
    }

    private void activity(Position position, JsonNode element, Kind kind) {
        Instant time = required(MetaNodes.seconds(element, "timestamp"), position, Wording.of("error.meta.seconds"));
        Optional<String> text = Optional.empty();
        for (JsonNode data : MetaNodes.elements(element, "data")) {
            if (data.isObject()) {
                Optional<String> found = MetaNodes.text(data, "post")
                        .or(() -> MetaNodes.object(data, "comment").flatMap(comment -> MetaNodes.text(comment, "comment")));
                text = text.or(() -> found);
            }
        }
        List<String> attachments = new ArrayList<>();
        Optional<String> url = Optional.empty();
        for (JsonNode attachment : MetaNodes.elements(element, "attachments")) {
            for (JsonNode data : MetaNodes.elements(attachment, "data")) {
                if (data.isObject()) {
                    MetaNodes.object(data, "media").flatMap(media -> MetaNodes.text(media, "uri")).ifPresent(attachments::add);
                    Optional<String> link = MetaNodes.object(data, "external_context")
                            .flatMap(context -> MetaNodes.text(context, "url"));
                    url = url.or(() -> link);
                }
            }
        }
        add(position, time, kind, text.or(() -> MetaNodes.text(element, "title")), url, attachments);
    }

    private void named(Position position, JsonNode element, Kind kind) {
        String name = required(MetaNodes.text(element, "name"), position, Wording.of("error.meta.name"));
        Instant time = required(MetaNodes.seconds(element, "timestamp"), position, Wording.of("error.meta.seconds"));
        add(position, time, kind, Optional.of(name), Optional.empty(), List.of());
    }

    private void topic(Position position, JsonNode element, Kind kind) {
        Optional<String> name = element.isString() && !element.stringValue().isBlank()
                ? Optional.of(Mojibake.repair(element.stringValue())) : MetaNodes.text(element, "name");
        add(position, RecordTime.untimed(), kind, Optional.of(required(name, position, Wording.of("error.meta.interest"))),
                Optional.empty(),
                List.of());
    }

    private void offPlatform(String pointer, JsonNode element, Kind kind) {
        Position position = Position.jsonPointer(pointer);
        String name = required(MetaNodes.text(element, "name"), position, Wording.of("error.meta.appName"));
        List<JsonNode> events = MetaNodes.elements(element, "events");
        for (int event = 0; event < events.size(); event++) {
            Position eventPosition = Position.jsonPointer(pointer + "/events/" + event);
            JsonNode details = events.get(event);
            try {
                Instant time = required(MetaNodes.seconds(details, "timestamp"), eventPosition,
                        Wording.of("error.meta.seconds"));
                Optional<String> text = Optional.of(MetaNodes.text(details, "type").map(type -> name + ": " + type).orElse(name));
                add(eventPosition, time, kind, text, Optional.empty(), List.of());
            }
            catch (RejectedRecord rejection) {
                pending.add(rejection.rejection());
            }
        }
    }

    private void stringList(String pointer, JsonNode element, Kind kind) {
        List<JsonNode> entries = MetaNodes.elements(element, "string_list_data");
        if (entries.isEmpty()) {
            throw InvalidInput.rejected(Position.jsonPointer(pointer), Wording.of("error.meta.noListData"));
        }
        for (int entry = 0; entry < entries.size(); entry++) {
            Position position = Position.jsonPointer(pointer + "/string_list_data/" + entry);
            JsonNode data = entries.get(entry);
            try {
                Instant time = required(MetaNodes.seconds(data, "timestamp"), position,
                        Wording.of("error.meta.seconds"));
                Optional<String> text = MetaNodes.text(data, "value").or(() -> MetaNodes.text(element, "title"));
                add(position, time, kind, text, MetaNodes.text(data, "href"), List.of());
            }
            catch (RejectedRecord rejection) {
                pending.add(rejection.rejection());
            }
        }
    }

    private void stringMap(Position position, JsonNode element, Kind kind) {
        JsonNode map = MetaNodes.object(element, "string_map_data")
                .orElseThrow(() -> InvalidInput.rejected(position, Wording.of("error.meta.noMapData")));
        Optional<String> text = Optional.empty();
        for (String label : INSTAGRAM_TEXT_LABELS) {
            Optional<String> value = MetaNodes.object(map, label).flatMap(field -> MetaNodes.text(field, "value"));
            text = text.or(() -> value);
        }
        Optional<Instant> time = Optional.empty();
        Optional<String> url = Optional.empty();
        for (JsonNode field : map.values()) {
            if (field.isObject()) {
                Optional<Instant> seconds = MetaNodes.seconds(field, "timestamp");
                Optional<String> href = MetaNodes.text(field, "href");
                time = time.or(() -> seconds);
                url = url.or(() -> href);
            }
        }
        RecordTime when = kind.isUndated() ? time.<RecordTime>map(TimeSpan::at).orElse(RecordTime.untimed())
                : TimeSpan.at(required(time, position, Wording.of("error.meta.mapSeconds")));
        add(position, when, kind, text, url, MetaNodes.uris(element, "media_list_data"));
    }

    private void media(Position position, JsonNode element, Kind kind) {
        List<JsonNode> media = MetaNodes.elements(element, "media").stream().filter(JsonNode::isObject).toList();
        Optional<Instant> time = MetaNodes.seconds(element, "creation_timestamp");
        Optional<String> text = MetaNodes.text(element, "title");
        for (JsonNode item : media) {
            Optional<Instant> created = MetaNodes.seconds(item, "creation_timestamp");
            Optional<String> title = MetaNodes.text(item, "title");
            time = time.or(() -> created);
            text = text.or(() -> title);
        }
        Instant when = required(time, position, Wording.of("error.meta.creationSeconds"));
        add(position, when, kind, text, Optional.empty(), MetaNodes.uris(element, "media"));
    }

    private void labelled(String pointer, JsonNode element, Kind kind) {
        List<JsonNode> values = MetaNodes.elements(element, "vec");
        if (values.isEmpty()) {
            Position position = Position.jsonPointer(pointer);
            add(position, RecordTime.untimed(), kind, Optional.of(required(MetaNodes.text(element, "value"), position,
                    Wording.of("error.meta.valueOrValues"))), Optional.empty(), List.of());
            return;
        }
        for (int index = 0; index < values.size(); index++) {
            Position position = Position.jsonPointer(pointer + "/vec/" + index);
            JsonNode value = values.get(index);
            try {
                Optional<String> text = value.isObject() ? MetaNodes.text(value, "value") : Optional.empty();
                add(position, RecordTime.untimed(), kind, Optional.of(required(text, position, Wording.of("error.meta.value"))),
                        Optional.empty(),
                        List.of());
            }
            catch (RejectedRecord rejection) {
                pending.add(rejection.rejection());
            }
        }
    }

    private static <T> T required(Optional<T> value, Position position, Wording expectation) {
        return value.orElseThrow(() -> InvalidInput.rejected(position, expectation));
    }

    private void add(Position position, Instant time, Kind kind, Optional<String> text, Optional<String> url,
            List<String> attachments) {
        add(position, TimeSpan.at(time), kind, text, url, attachments);
    }

    /** Adds a post; Meta gives no date for interests and ad categories, which then have no time. */
    private void add(Position position, RecordTime time, Kind kind, Optional<String> text, Optional<String> url,
            List<String> attachments) {
        SocialPost post = InvalidInput.rejecting(position,
                () -> new SocialPost(kind.platform().label(), kind.kind(), text, url, attachments));
        pending.add(new RecordDraft(time, post, kind.category(), position));
    }

    /** What an element becomes: its platform, its shape, the kind of post and its category. */
    private record Kind(MetaPlatform platform, MetaList.Shape shape, String kind, Category category) {
        static Kind of(MetaList list) {
            return new Kind(list.platform(), list.shape(), list.kind(), list.category());
        }

        boolean isUndated() {
            return kind.startsWith("ad-");
        }
    }
}
