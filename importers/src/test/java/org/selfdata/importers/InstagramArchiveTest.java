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

/** A synthetic Instagram archive: bare arrays ({@code posts_1.json}), wrapped lists, labelled fields. */
class InstagramArchiveTest {
    private static final MetaArchive ARCHIVE = MetaArchive.of("instagram");
    private static final SourceDescriptor SOURCE = SourceDescriptor.file("Instagram", "Download your information");

    @Test
    void recognizesEveryFileOfTheArchiveByItsContentAndItsPath() {
        Map<String, String> formats = Map.ofEntries(
                entry("ads_information/instagram_ads_and_businesses/other_categories_used_to_reach_you.json",
                        "instagram-activity"),
                entry("comments/post_comments.json", "instagram-activity"),
                entry("connections/followers_and_following/followers_1.json", "instagram-activity"),
                entry("connections/followers_and_following/following.json", "instagram-activity"),
                entry("information_about_you/ads_interests.json", "instagram-activity"),
                entry("your_instagram_activity/comments/post_comments_1.json", "instagram-activity"),
                entry("your_instagram_activity/comments/reels_comments.json", "instagram-activity"),
                entry("your_instagram_activity/content/posts_1.json", "instagram-activity"),
                entry("your_instagram_activity/messages/inbox/carla_30/message_1.json", "instagram-messages"));

        assertThat(ARCHIVE.paths()).containsExactlyInAnyOrderElementsOf(formats.keySet());
        for (String path : ARCHIVE.paths()) {
            assertThat(ARCHIVE.importerFor(path).format()).as(path).isEqualTo(formats.get(path));
            assertThat(Importers.standard().importers()).filteredOn(importer -> !importer.format().equals(formats.get(path)))
                    .allSatisfy(other -> assertThat(other.detect(ARCHIVE.sniff(path))).as(other.format() + " on " + path)
                            .isEqualTo(Detection.NO));
        }
    }

    @Test
    void filesEveryFileUnderOneSource() {
        assertThat(ARCHIVE.paths()).allSatisfy(path -> assertThat(ARCHIVE.read(path).source()).isEqualTo(SOURCE));
    }

    @Test
    void readsAConversationAsInstagramsFromItsPath() {
        Reading reading = ARCHIVE.read("your_instagram_activity/messages/inbox/carla_30/message_1.json");

        assertThat(reading.format()).isEqualTo("instagram-messages");
        assertThat(reading.payloads(SocialMessage.class)).containsExactly(
                new SocialMessage("Instagram", "Carla Müller, elodie.creme", "Carla Müller", Optional.of("Schön! 🌸"), List.of()),
                new SocialMessage("Instagram", "Carla Müller, elodie.creme", "elodie.creme", Optional.empty(),
                        List.of("https://www.instagram.com/p/ABC123/")));
        assertThat(reading.records()).extracting(record -> record.time().span().orElseThrow().start())
                .containsExactly(Instant.parse("2024-03-09T16:01:40Z"), Instant.parse("2024-03-09T16:00:00Z"));
    }

    @Test
    void readsPostsOfOnePhotoAndCarousels() {
        Reading reading = ARCHIVE.read("your_instagram_activity/content/posts_1.json");

        assertThat(reading.payloads(SocialPost.class)).containsExactly(
                new SocialPost("Instagram", "post", Optional.of("Montagne ⛰️ et café"), Optional.empty(),
                        List.of("media/posts/202403/p1.jpg")),
                new SocialPost("Instagram", "post", Optional.of("Carrousel d'hiver ❄️"), Optional.empty(),
                        List.of("media/posts/202402/a.jpg", "media/posts/202402/b.jpg")));
        assertThat(reading.records()).extracting(record -> record.time().span().orElseThrow().start())
                .containsExactly(Instant.parse("2024-02-27T02:13:20Z"), Instant.parse("2024-02-15T12:26:40Z"));
        assertThat(reading.records()).extracting(RecordDraft::category).containsOnly(Category.SOCIAL_MEDIA);
    }

    @Test
    void readsFollowersAndFollowingWithTheirProfileLinks() {
        Reading followers = ARCHIVE.read("connections/followers_and_following/followers_1.json");

        assertThat(followers.payloads(SocialPost.class)).containsExactly(
                new SocialPost("Instagram", "follower", Optional.of("carla.mueller"),
                        Optional.of("https://www.instagram.com/carla.mueller"), List.of()),
                new SocialPost("Instagram", "follower", Optional.of("zoe_l"), Optional.of("https://www.instagram.com/zoe_l"),
                        List.of()));
        assertThat(followers.records()).extracting(record -> record.time().span().orElseThrow().start())
                .containsExactly(Instant.parse("2023-07-22T04:26:40Z"), Instant.parse("2023-09-18T01:20:00Z"));
        assertThat(followers.positions()).containsExactly("/0/string_list_data/0", "/1/string_list_data/0");
        assertThat(followers.records()).extracting(RecordDraft::category).containsOnly(Category.SOCIAL_NETWORK);

        Reading following = ARCHIVE.read("connections/followers_and_following/following.json");
        assertThat(following.payloads(SocialPost.class)).containsExactly(new SocialPost("Instagram", "following",
                Optional.of("carla.mueller"), Optional.of("https://www.instagram.com/_u/carla.mueller"), List.of()));
        assertThat(following.records().getFirst().time().span().orElseThrow().start())
                .isEqualTo(Instant.parse("2023-07-22T04:35:00Z"));
        assertThat(following.positions()).containsExactly("/relationships_following/0/string_list_data/0");
    }

    @Test
    void readsCommentsOfBothLayouts() {
        Reading labelled = ARCHIVE.read("your_instagram_activity/comments/post_comments_1.json");
        assertThat(labelled.payloads(SocialPost.class)).containsExactly(
                new SocialPost("Instagram", "comment", Optional.of("Trop beau 😍"), Optional.empty(), List.of()));
        assertThat(labelled.records().getFirst().time().span().orElseThrow().start())
                .isEqualTo(Instant.parse("2023-11-20T17:06:40Z"));

        Reading reels = ARCHIVE.read("your_instagram_activity/comments/reels_comments.json");
        assertThat(reels.payloads(SocialPost.class)).containsExactly(
                new SocialPost("Instagram", "comment", Optional.of("Génial 🔥"), Optional.empty(), List.of()));
        assertThat(reels.records().getFirst().time().span().orElseThrow().start())
                .isEqualTo(Instant.parse("2024-01-11T19:06:40Z"));
        assertThat(reels.positions()).containsExactly("/comments_reels_comments/0");

        Reading listed = ARCHIVE.read("comments/post_comments.json");
        assertThat(listed.payloads(SocialPost.class)).containsExactly(
                new SocialPost("Instagram", "comment", Optional.of("Magnifique 👏"), Optional.empty(), List.of()));
        assertThat(listed.records().getFirst().time().span().orElseThrow().start())
                .isEqualTo(Instant.parse("2020-09-19T07:20:00Z"));
        assertThat(listed.positions()).containsExactly("/comments_media_comments/0/string_list_data/0");
    }

    @Test
    void readsTheCategoriesUsedToReachThePersonInTheLabelledLayout() {
        Reading categories = ARCHIVE.read("ads_information/instagram_ads_and_businesses/other_categories_used_to_reach_you.json");

        assertThat(categories.payloads(SocialPost.class)).containsExactly(
                new SocialPost("Instagram", "ad-category", Optional.of("Voyageurs fréquents"), Optional.empty(), List.of()));
        assertThat(categories.records().getFirst().time()).isEqualTo(RecordTime.untimed());
        assertThat(categories.positions()).containsExactly("/label_values/0/vec/0");
    }

    @Test
    void readsAdInterestsWhoseZeroTimestampMeansUndated() {
        Reading interests = ARCHIVE.read("information_about_you/ads_interests.json");

        assertThat(interests.payloads(SocialPost.class)).containsExactly(
                new SocialPost("Instagram", "ad-interest", Optional.of("Pâtisserie"), Optional.empty(), List.of()),
                new SocialPost("Instagram", "ad-interest", Optional.of("Randonnée"), Optional.empty(), List.of()));
        assertThat(interests.records()).extracting(RecordDraft::time).containsOnly(RecordTime.untimed());
        assertThat(interests.records()).extracting(RecordDraft::category).containsOnly(Category.BEHAVIORAL);
    }
}
