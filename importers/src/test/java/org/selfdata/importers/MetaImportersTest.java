package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.ImportItem;
import org.selfdata.model.Position;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.Rejection;
import org.selfdata.model.SelfdataException;
import org.selfdata.model.SocialMessage;
import org.selfdata.model.SocialPost;
import org.selfdata.testing.Corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Faults, variants and volumes of Meta archive files, written inline. */
class MetaImportersTest {
    private static final String FAULTY_CONVERSATION = """
            {"participants": [{"name": "Alice"}, {"name": "Bob"}], "messages": [
              {"sender_name": "Alice", "timestamp_ms": 1700000000000, "content": "one"},
              {"timestamp_ms": 1700000001000, "content": "no sender"},
              {"sender_name": "Bob", "content": "no time"},
              {"sender_name": "Bob", "timestamp_ms": 1700000003000, "content": "four"}
            ], "title": "Alice", "thread_path": "inbox/alice_1"}
            """;

    @Test
    void aLenientReadingQuarantinesMessagesWithoutSenderOrTimeAndReadsOn() {
        List<ImportItem> items = items(MetaMessagesImporter.facebook(), FAULTY_CONVERSATION);

        assertThat(items).hasSize(4);
        assertThat(items.getFirst()).isInstanceOf(RecordDraft.class);
        assertThat(items.get(1)).isEqualTo(new Rejection(Position.jsonPointer("/messages/1"),
                "expected the sender's name in sender_name"));
        assertThat(items.get(2)).isEqualTo(new Rejection(Position.jsonPointer("/messages/2"),
                "expected a time in milliseconds in timestamp_ms"));
        assertThat(((RecordDraft) items.getLast()).payload()).isEqualTo(new SocialMessage("Facebook", "Alice, Bob", "Bob",
                Optional.of("four"), List.of()));
    }

    @Test
    void aStrictReadingStopsAtTheFirstFaultyMessageNamingIt() {
        assertThatThrownBy(() -> Reading.of(MetaMessagesImporter.facebook(), FAULTY_CONVERSATION, StandardCharsets.UTF_8))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("/messages/1: expected the sender's name in sender_name");
    }

    @Test
    void aTruncatedConversationEndsWithAnErrorNamingWhereItBroke() {
        String truncated = FAULTY_CONVERSATION.substring(0, FAULTY_CONVERSATION.indexOf("no sender"));

        assertThatThrownBy(() -> items(MetaMessagesImporter.facebook(), truncated))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("/messages/1: expected well-formed JSON; the file is malformed near line 3")
                .extracting(e -> ((SelfdataException) e).code()).isEqualTo(ErrorCode.INVALID_INPUT);
    }

    @Test
    void refusesAConversationWithoutAMessagesArray() {
        assertThatThrownBy(() -> items(MetaMessagesImporter.facebook(), "{\"participants\": [], \"title\": \"x\"}"))
                .hasMessage("/: expected a messages array");
        assertThatThrownBy(() -> items(MetaMessagesImporter.facebook(), "{\"participants\": [], \"messages\": {}}"))
                .hasMessage("/messages: expected an array of messages");
        assertThatThrownBy(() -> items(MetaMessagesImporter.facebook(), "[]"))
                .hasMessage("/: expected a JSON object with participants and a messages array");
    }

    @Test
    void readsTheEndToEndEncryptedMessengerLayout() {
        String encrypted = """
                {"participants": ["Alice", "Élodie"], "threadName": "Alice", "messages": [
                  {"isUnsent": false, "media": [{"uri": "media/a.jpg"}], "reactions": [], "senderName": "Alice",
                   "text": "Salut 👋", "timestamp": 1700000000000, "type": "text"}]}
                """;

        Reading reading = Reading.of(MetaMessagesImporter.facebook(), encrypted, StandardCharsets.UTF_8);

        assertThat(reading.payloads(SocialMessage.class)).containsExactly(new SocialMessage("Facebook", "Alice, Élodie", "Alice",
                Optional.of("Salut 👋"), List.of("media/a.jpg")));
        assertThat(reading.records().getFirst().time().span().orElseThrow().startMillis()).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void tellsTheTwoPlatformsConversationsApartByTheirPathInTheArchive() {
        byte[] conversation = FAULTY_CONVERSATION.getBytes(StandardCharsets.UTF_8);
        Importers importers = Importers.standard();

        assertThat(importers.detect(new Sniff("message_1.json", conversation))).map(Importer::format)
                .contains("facebook-messages");
        assertThat(importers.detect(new Sniff("messages/inbox/alice_1/message_1.json", conversation)))
                .map(Importer::format).contains("facebook-messages");
        assertThat(importers.detect(new Sniff("your_instagram_activity/messages/inbox/alice_1/message_1.json", conversation)))
                .map(Importer::format).contains("instagram-messages");
        assertThat(importers.detect(new Sniff("instagram-alice-2024-01-01/messages/inbox/alice_1/message_1.json", conversation)))
                .map(Importer::format).contains("instagram-messages");
        assertThat(importers.detect(new Sniff("messages/inbox/instagramfan_2/message_1.json", conversation)))
                .map(Importer::format).contains("facebook-messages");
    }

    @Test
    void refusesAnUnknownLayoutNamingTheListsItReads() {
        String labelled = "{\"label_values\": [{\"label\": \"Interests\", \"vec\": []}], \"fbid\": \"1\"}";

        assertThat(Importers.standard().detect(new Sniff("ads_interests.json", labelled.getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        String categories = "your_facebook_activity/ads_information/other_categories_used_to_reach_you.json";
        assertThat(Importers.standard().detect(new Sniff(categories, labelled.getBytes(StandardCharsets.UTF_8))))
                .map(Importer::format).contains("facebook-activity");
        String unknown = "{\"profile_v2\": {\"name\": {}}}";
        assertThat(Importers.standard().detect(new Sniff("profile_information.json", unknown.getBytes(StandardCharsets.UTF_8))))
                .isEmpty();
        assertThatThrownBy(() -> items(MetaActivityImporter.facebook(), unknown))
                .isInstanceOf(SelfdataException.class)
                .hasMessageStartingWith("/: expected one of the Facebook lists selfdata reads: comments_v2, comments, ")
                .hasMessageContaining("off_facebook_activity_v2");
        assertThatThrownBy(() -> items(MetaActivityImporter.facebook(), "{\"relationships_following\": []}"))
                .hasMessageStartingWith("/: expected one of the Facebook lists selfdata reads");
        assertThat(MetaActivityImporter.facebook().detect(new Sniff("videos.json",
                "{\"title\": \"x\", \"comments\": []}".getBytes(StandardCharsets.UTF_8)))).isEqualTo(Detection.NO);
        assertThatThrownBy(() -> items(MetaActivityImporter.instagram(), "{\"relationships_following\": {}}"))
                .hasMessage("/relationships_following: expected an array");
    }

    @Test
    void aLenientReadingQuarantinesOneEventOffFacebookAndReadsTheOthers() {
        String activity = """
                {"off_facebook_activity_v2": [
                  {"name": "shop.example", "events": [{"id": 1, "type": "PAGE_VIEW", "timestamp": 1610000000},
                                                      {"id": 1, "type": "PURCHASE"},
                                                      {"id": 1, "type": "PURCHASE", "timestamp": 1610000120}]},
                  {"events": [{"id": 2, "type": "ACTIVATE_APP", "timestamp": 1620000000}]},
                  "not an app"
                ]}
                """;

        List<ImportItem> items = items(MetaActivityImporter.facebook(), activity);

        assertThat(items).extracting(item -> item.position().value()).containsExactly("/off_facebook_activity_v2/0/events/0",
                "/off_facebook_activity_v2/0/events/1", "/off_facebook_activity_v2/0/events/2", "/off_facebook_activity_v2/1",
                "/off_facebook_activity_v2/2");
        assertThat(items).filteredOn(Rejection.class::isInstance).extracting(item -> ((Rejection) item).message())
                .containsExactly(
                "/off_facebook_activity_v2/0/events/1: expected a time in seconds in timestamp",
                "/off_facebook_activity_v2/1: expected the name of an app or website",
                "/off_facebook_activity_v2/2: expected an object");
    }

    @Test
    void aLenientReadingQuarantinesFriendsWithoutNameOrTimeAndPostsOfAnotherKind() {
        String friends = """
                {"friends_v2": [{"name": "Alice", "timestamp": 1400000000}, {"name": "Bob"}, {"timestamp": 1400000000},
                 {"name": "Carol", "timestamp": 0}, {"name": "Dan", "timestamp": 1400000500}]}
                """;

        List<ImportItem> items = items(MetaActivityImporter.facebook(), friends);

        assertThat(items).filteredOn(RecordDraft.class::isInstance)
                .extracting(item -> ((SocialPost) ((RecordDraft) item).payload()).text().orElseThrow())
                .containsExactly("Alice", "Dan");
        assertThat(items).filteredOn(Rejection.class::isInstance).extracting(item -> ((Rejection) item).message())
                .containsExactly(
                "/friends_v2/1: expected a time in seconds in timestamp", "/friends_v2/2: expected a name",
                "/friends_v2/3: expected a time in seconds in timestamp");

        String posts = "[{\"timestamp\": 1500000000, \"data\": [{\"post\": \"hello\"}]}, {\"media\": []}, 42]";
        assertThat(items(MetaActivityImporter.facebook(), posts)).extracting(item -> item.getClass().getSimpleName())
                .containsExactly("RecordDraft", "Rejection", "Rejection");
    }

    @Test
    void streamsAConversationOfHalfAMillionMessagesInFlatMemory() {
        int count = 500_000;
        try (ParsedFile file = MetaMessagesImporter.facebook().open(hugeConversation(count), Reading.PARIS)) {
            assertThat(file.records().count()).isEqualTo(count);
        }
    }

    @Test
    void claimsNoneOfTheOtherFormatsSamples() throws IOException {
        Path root = Corpus.file("MANIFEST.md").getParent();
        List<Importer> meta = List.of(MetaMessagesImporter.facebook(), MetaMessagesImporter.instagram(),
                MetaActivityImporter.facebook(), MetaActivityImporter.instagram());
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> samples = files.filter(Files::isRegularFile).toList();
            assertThat(samples).hasSizeGreaterThan(50);
            for (Path sample : samples) {
                Sniff sniff = new Sniff(root.relativize(sample).toString(), head(sample));
                assertThat(meta).allSatisfy(importer -> assertThat(importer.detect(sniff))
                        .as(importer.format() + " on " + sample).isEqualTo(Detection.NO));
            }
        }
    }

    private static byte[] head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(Sniff.HEAD_SIZE);
        }
    }

    private static List<ImportItem> items(Importer importer, String json) {
        try (ParsedFile file = importer.open(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Reading.PARIS);
                Stream<ImportItem> items = file.items()) {
            return items.toList();
        }
    }

    /**
     * A conversation written as it is read, never whole in memory: about 60 MB for half a million messages, far more
     * than the test heap would hold as parsed trees.
     */
    private static InputStream hugeConversation(int count) {
        Enumeration<InputStream> parts = new Enumeration<>() {
            private int index = -1;

            @Override
            public boolean hasMoreElements() {
                return index <= count;
            }

            @Override
            public InputStream nextElement() {
                index++;
                String part;
                if (index == 0) {
                    part = "{\"participants\": [{\"name\": \"Alice\"}, {\"name\": \"Bob\"}], \"messages\": [";
                }
                else if (index <= count) {
                    part = (index > 1 ? "," : "") + "{\"sender_name\": \"Alice\", \"timestamp_ms\": "
                            + (1_600_000_000_000L + index)
                            + ", \"content\": \"Message number " + index + " \\u00c3\\u00a9crit \\u00f0\\u009f\\u0098\\u0080\"}";
                }
                else {
                    part = "], \"title\": \"Alice\"}";
                }
                return new ByteArrayInputStream(part.getBytes(StandardCharsets.UTF_8));
            }
        };
        return new SequenceInputStream(parts);
    }
}
