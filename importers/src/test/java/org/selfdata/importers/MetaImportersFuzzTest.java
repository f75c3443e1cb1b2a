package org.selfdata.importers;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the Facebook and Instagram importers from the synthetic archives: every mutation ends in records, in
 * rejections, or in a clear error, never in a crash, a hang or an exhausted heap (see {@link Fuzzing}).
 */
class MetaImportersFuzzTest {
    private static final MetaArchive FACEBOOK = MetaArchive.of("facebook");
    private static final MetaArchive INSTAGRAM = MetaArchive.of("instagram");

    /**
     * Loads the parsers (and Jackson's tree model) before any clock starts: on a loaded machine, class loading alone
     * could otherwise spend a test's whole fuzzing budget on its seeds.
     */
    @BeforeAll
    static void loadTheParsers() {
        FACEBOOK.read("your_activity_across_facebook/messages/inbox/alicemartin_10/message_1.json");
        FACEBOOK.read("your_activity_across_facebook/comments_and_reactions/comments.json");
    }

    @Test
    void facebookConversationsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = seeds(FACEBOOK, "your_activity_across_facebook/messages/inbox/alicemartin_10/message_1.json",
                "messages/inbox/lesamis_20/message_1.json");

        assertThat(Fuzzing.of(MetaMessagesImporter.facebook(), seeds).run(20_251_201L)).isGreaterThan(seeds.size());
    }

    @Test
    void instagramConversationsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = seeds(INSTAGRAM, "your_instagram_activity/messages/inbox/carla_30/message_1.json");

        assertThat(Fuzzing.of(MetaMessagesImporter.instagram(), seeds).run(20_251_202L)).isGreaterThan(seeds.size());
    }

    @Test
    void facebookPostsAndCommentsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = seeds(FACEBOOK,
                "your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json",
                "your_activity_across_facebook/comments_and_reactions/comments.json");

        assertThat(Fuzzing.of(MetaActivityImporter.facebook(), seeds).run(20_251_203L)).isGreaterThan(seeds.size());
    }

    @Test
    void facebookFriendsAndAdvertisingNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = seeds(FACEBOOK, "connections/friends/your_friends.json",
                "your_activity_across_facebook/ads_information/other_categories_used_to_reach_you.json",
                "apps_and_websites_off_of_facebook/your_off-facebook_activity.json");

        assertThat(Fuzzing.of(MetaActivityImporter.facebook(), seeds).run(20_251_205L)).isGreaterThan(seeds.size());
    }

    @Test
    void instagramPostsAndCommentsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = seeds(INSTAGRAM, "your_instagram_activity/content/posts_1.json",
                "your_instagram_activity/comments/reels_comments.json", "comments/post_comments.json");

        assertThat(Fuzzing.of(MetaActivityImporter.instagram(), seeds).run(20_251_204L)).isGreaterThan(seeds.size());
    }

    @Test
    void instagramRelationshipsAndInterestsNeverFailOtherwiseThanClearly() {
        List<byte[]> seeds = seeds(INSTAGRAM, "connections/followers_and_following/followers_1.json",
                "connections/followers_and_following/following.json", "information_about_you/ads_interests.json",
                "ads_information/instagram_ads_and_businesses/other_categories_used_to_reach_you.json");

        assertThat(Fuzzing.of(MetaActivityImporter.instagram(), seeds).run(20_251_206L)).isGreaterThan(seeds.size());
    }

    private static List<byte[]> seeds(MetaArchive archive, String... paths) {
        return Arrays.stream(paths).map(path -> Fuzzing.read(archive.root().resolve(path))).toList();
    }
}
