package org.selfdata.importers;

import org.junit.jupiter.api.Test;
import org.selfdata.model.Category;
import org.selfdata.model.RecordDraft;
import org.selfdata.model.RecordTime;
import org.selfdata.model.SocialMessage;
import org.selfdata.model.SocialPost;
import org.selfdata.model.SourceDescriptor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** A synthetic Facebook archive holding both layouts: {@code your_activity_across_facebook/…} and the older one. */
class FacebookArchiveTest {
    private static final MetaArchive ARCHIVE = MetaArchive.of("facebook");
    private static final SourceDescriptor SOURCE = SourceDescriptor.file("Facebook", "Download your information");
    private static final String ELODIE = "Élodie Crème";

    @Test
    void recognizesEveryFileOfTheArchiveByItsContent() {
        Map<String, String> formats = Map.ofEntries(
                entry("ads_information/other_categories_used_to_reach_you.json", "facebook-activity"),
                entry("apps_and_websites_off_of_facebook/your_off-facebook_activity.json", "facebook-activity"),
                entry("comments/comments.json", "facebook-activity"),
                entry("connections/followers/who_you've_followed.json", "facebook-activity"),
                entry("connections/friends/your_friends.json", "facebook-activity"),
                entry("friends/friends.json", "facebook-activity"),
                entry("logged_information/other_logged_information/ads_interests.json", "facebook-activity"),
                entry("messages/inbox/lesamis_20/message_1.json", "facebook-messages"),
                entry("posts/your_posts_1.json", "facebook-activity"),
                entry("your_activity_across_facebook/ads_information/other_categories_used_to_reach_you.json",
                        "facebook-activity"),
                entry("your_activity_across_facebook/comments_and_reactions/comments.json", "facebook-activity"),
                entry("your_activity_across_facebook/messages/inbox/alicemartin_10/message_1.json", "facebook-messages"),
                entry("your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json",
                        "facebook-activity"));

        assertThat(ARCHIVE.paths()).containsExactlyInAnyOrderElementsOf(formats.keySet());
        for (String path : ARCHIVE.paths()) {
            assertThat(ARCHIVE.importerFor(path).format()).as(path).isEqualTo(formats.get(path));
            assertThat(ARCHIVE.importerFor(path).detect(ARCHIVE.sniff(path))).as(path).isEqualTo(Detection.BY_CONTENT);
            assertThat(Importers.standard().importers()).filteredOn(importer -> !importer.format().equals(formats.get(path)))
                    .allSatisfy(other -> assertThat(other.detect(ARCHIVE.sniff(path))).as(other.format() + " on " + path)
                            .isEqualTo(Detection.NO));
        }
    }

    @Test
    void filesEveryFileUnderOneSourceSoThatANewerArchiveMatchesTheOlderOne() {
        assertThat(ARCHIVE.paths()).allSatisfy(path -> assertThat(ARCHIVE.read(path).source()).isEqualTo(SOURCE));
    }

    @Test
    void readsAConversationOfTheCurrentLayoutWithItsMojibakeRepaired() {
        Reading reading = ARCHIVE.read("your_activity_across_facebook/messages/inbox/alicemartin_10/message_1.json");
        List<SocialMessage> messages = reading.payloads(SocialMessage.class);

        assertThat(reading.format()).isEqualTo("facebook-messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.getFirst()).isEqualTo(new SocialMessage("Facebook", "Alice Martin, " + ELODIE, ELODIE,
                Optional.of("À demain 😀"), List.of()));
        assertThat(messages.get(1)).isEqualTo(new SocialMessage("Facebook", "Alice Martin, " + ELODIE, "Alice Martin",
                Optional.empty(), List.of("your_activity_across_facebook/messages/inbox/alicemartin_10/photos/1234_5678.jpg")));
        assertThat(messages.get(2).text()).contains("Ça va ? On se voit où ?");
        assertThat(messages.getLast().text()).contains("Regarde ça");
        assertThat(messages.getLast().attachments()).containsExactly("https://example.org/article");
        assertThat(reading.records()).extracting(record -> record.time().span().orElseThrow().start()).containsExactly(
                Instant.parse("2023-11-14T22:18:20Z"), Instant.parse("2023-11-14T22:16:40Z"),
                Instant.parse("2023-11-14T22:15:00Z"), Instant.parse("2023-11-14T22:13:20Z"));
        assertThat(reading.positions()).containsExactly("/messages/0", "/messages/1", "/messages/2", "/messages/3");
        assertThat(reading.records()).extracting(RecordDraft::category).containsOnly(Category.SOCIAL_MEDIA_COMMUNICATION);
    }

    @Test
    void readsAConversationOfTheOlderLayoutWithStickersAndVideos() {
        Reading reading = ARCHIVE.read("messages/inbox/lesamis_20/message_1.json");
        List<SocialMessage> messages = reading.payloads(SocialMessage.class);

        assertThat(messages).extracting(SocialMessage::sender).containsExactly("Bob Dupont", "Zoë Łukasz", ELODIE);
        assertThat(messages).extracting(SocialMessage::conversation).containsOnly("Bob Dupont, Zoë Łukasz, " + ELODIE);
        assertThat(messages).extracting(message -> message.text().orElseThrow())
                .containsExactly("Bonne année 🎉🎆", "Cześć! Jak się masz?", "Merci 🙏");
        assertThat(messages.get(1).attachments()).containsExactly("messages/stickers_used/39178562_1505197616293642_n.png");
        assertThat(messages.get(2).attachments()).containsExactly("messages/inbox/lesamis_20/videos/v1.mp4");
        assertThat(reading.records().getFirst().time().span().orElseThrow().start())
                .isEqualTo(Instant.parse("2020-09-13T12:30:00Z"));
        assertThat(reading.records().getLast().time().span().orElseThrow().start())
                .isEqualTo(Instant.parse("2020-09-13T12:26:40Z"));
    }

    @Test
    void readsPostsOfBothLayoutsWithTheirLinksAndPhotos() {
        Reading current = ARCHIVE.read("your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json");
        List<SocialPost> posts = current.payloads(SocialPost.class);

        assertThat(posts).hasSize(3);
        assertThat(posts.getFirst()).isEqualTo(new SocialPost("Facebook", "post", Optional.of("Ma recette préférée 🍰"),
                Optional.of("https://example.org/recette"), List.of()));
        assertThat(posts.get(1)).isEqualTo(new SocialPost("Facebook", "post", Optional.of(ELODIE + " a ajouté une photo."),
                Optional.empty(), List.of("your_activity_across_facebook/posts/media/Photos_1/p1.jpg")));
        assertThat(posts.getLast().text()).contains("Joyeux anniversaire Zoë !");
        assertThat(current.records()).extracting(record -> record.time().span().orElseThrow().start()).containsExactly(
                Instant.parse("2022-04-15T05:20:00Z"), Instant.parse("2021-12-20T11:33:20Z"),
                Instant.parse("2021-08-26T17:46:40Z"));
        assertThat(current.records()).extracting(RecordDraft::category).containsOnly(Category.SOCIAL_MEDIA);
        assertThat(current.positions()).containsExactly("/0", "/1", "/2");

        Reading older = ARCHIVE.read("posts/your_posts_1.json");
        assertThat(older.payloads(SocialPost.class)).extracting(post -> post.text().orElseThrow())
                .containsExactly("Première publication");
        assertThat(older.records().getFirst().time().span().orElseThrow().start())
                .isEqualTo(Instant.parse("2017-07-14T02:40:00Z"));
    }

    @Test
    void readsCommentsOfBothLayouts() {
        Reading current = ARCHIVE.read("your_activity_across_facebook/comments_and_reactions/comments.json");
        List<SocialPost> comments = current.payloads(SocialPost.class);

        assertThat(comments).extracting(SocialPost::kind).containsOnly("comment");
        assertThat(comments).extracting(comment -> comment.text().orElseThrow()).containsExactly("Très joli 😍", "Merci !");
        assertThat(comments.getLast().attachments())
                .containsExactly("your_activity_across_facebook/comments_and_reactions/gif.gif");
        assertThat(current.records()).extracting(record -> record.time().span().orElseThrow().start())
                .containsExactly(Instant.parse("2022-08-08T23:06:40Z"), Instant.parse("2022-04-15T05:28:20Z"));
        assertThat(current.positions()).containsExactly("/comments_v2/0", "/comments_v2/1");

        Reading older = ARCHIVE.read("comments/comments.json");
        assertThat(older.payloads(SocialPost.class)).extracting(comment -> comment.text().orElseThrow())
                .containsExactly("Génial");
        assertThat(older.positions()).containsExactly("/comments/0");
    }

    @Test
    void readsFriendsAndFollowsAsTheTimesRelationshipsBegan() {
        Reading friends = ARCHIVE.read("connections/friends/your_friends.json");

        assertThat(friends.payloads(SocialPost.class)).containsExactly(
                new SocialPost("Facebook", "friend", Optional.of("Alice Martin"), Optional.empty(), List.of()),
                new SocialPost("Facebook", "friend", Optional.of("Zoë Łukasz"), Optional.empty(), List.of()));
        assertThat(friends.records()).extracting(record -> record.time().span().orElseThrow().start())
                .containsExactly(Instant.parse("2014-05-13T16:53:20Z"), Instant.parse("2017-07-14T02:40:00Z"));
        assertThat(friends.records()).extracting(RecordDraft::category).containsOnly(Category.SOCIAL_NETWORK);
        assertThat(ARCHIVE.read("friends/friends.json").payloads(SocialPost.class)).extracting(post -> post.text().orElseThrow())
                .containsExactly("Bob Dupont");
        Reading following = ARCHIVE.read("connections/followers/who_you've_followed.json");
        assertThat(following.payloads(SocialPost.class)).containsExactly(
                new SocialPost("Facebook", "following", Optional.of("Café de Flore"), Optional.empty(), List.of()));
        assertThat(following.records().getFirst().time().span().orElseThrow().start())
                .isEqualTo(Instant.parse("2019-02-12T19:33:20Z"));
    }

    @Test
    void readsAdInterestsAsUndatedBehaviour() {
        Reading interests = ARCHIVE.read("logged_information/other_logged_information/ads_interests.json");

        assertThat(interests.payloads(SocialPost.class)).extracting(SocialPost::kind).containsOnly("ad-interest");
        assertThat(interests.payloads(SocialPost.class)).extracting(post -> post.text().orElseThrow())
                .containsExactly("Cuisine française", "Randonnée", "Café");
        assertThat(interests.records()).extracting(RecordDraft::time).containsOnly(RecordTime.untimed());
        assertThat(interests.records()).extracting(RecordDraft::category).containsOnly(Category.BEHAVIORAL);
    }

    @Test
    void readsTheOtherCategoriesUsedToReachThePersonAsUndatedBehaviour() {
        Reading categories = ARCHIVE.read("ads_information/other_categories_used_to_reach_you.json");

        assertThat(categories.payloads(SocialPost.class)).containsExactly(
                new SocialPost("Facebook", "ad-category", Optional.of("Voyageurs fréquents"), Optional.empty(), List.of()),
                new SocialPost("Facebook", "ad-category", Optional.of("Anniversaire en mars"), Optional.empty(), List.of()));
        assertThat(categories.records()).extracting(RecordDraft::time).containsOnly(RecordTime.untimed());
        assertThat(categories.positions()).containsExactly("/bcts/0", "/bcts/1");

        Reading labelled = ARCHIVE.read("your_activity_across_facebook/ads_information/other_categories_used_to_reach_you.json");
        assertThat(labelled.payloads(SocialPost.class)).containsExactly(
                new SocialPost("Facebook", "ad-category", Optional.of("Amateurs de café"), Optional.empty(), List.of()),
                new SocialPost("Facebook", "ad-category", Optional.of("Parents"), Optional.empty(), List.of()));
        assertThat(labelled.positions()).containsExactly("/label_values/0/vec/0", "/label_values/0/vec/1");
        assertThat(labelled.records()).extracting(RecordDraft::category).containsOnly(Category.BEHAVIORAL);
    }

    @Test
    void readsEachEventOfActivityOffFacebook() {
        Reading activity = ARCHIVE.read("apps_and_websites_off_of_facebook/your_off-facebook_activity.json");

        assertThat(activity.payloads(SocialPost.class)).extracting(post -> post.text().orElseThrow()).containsExactly(
                "boulangerie-exemple.fr: PAGE_VIEW", "boulangerie-exemple.fr: PURCHASE", "Météo App: ACTIVATE_APP");
        assertThat(activity.payloads(SocialPost.class)).extracting(SocialPost::kind).containsOnly("off-platform-activity");
        assertThat(activity.records()).extracting(record -> record.time().span().orElseThrow().start()).containsExactly(
                Instant.parse("2021-01-07T06:13:20Z"), Instant.parse("2021-01-07T06:14:20Z"),
                Instant.parse("2021-05-03T00:00:00Z"));
        assertThat(activity.positions()).containsExactly("/off_facebook_activity_v2/0/events/0",
                "/off_facebook_activity_v2/0/events/1", "/off_facebook_activity_v2/1/events/0");
        assertThat(activity.records()).extracting(RecordDraft::category).containsOnly(Category.BEHAVIORAL);
    }
}
