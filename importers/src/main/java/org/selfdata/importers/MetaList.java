package org.selfdata.importers;

import org.selfdata.model.Category;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The lists of a Meta archive that selfdata reads, by the property that holds them ({@code {"friends_v2": [...]}}),
 * with what each element looks like and what it becomes. Export versions renamed the properties ({@code friends}
 * became {@code friends_v2}) without changing the elements, so each list names all its known properties.
 *
 * <p>Friends, followers and the accounts followed become social posts in {@code pd:SocialNetwork} rather than
 * contacts: what the archive says is when a relationship began on the platform (a name and a time), not anyone's
 * contact details, and two friends of the same name added on the same day are two facts, which only a type that
 * counts occurrences keeps. Ad interests and activity off the platform are what Meta inferred or was told about the
 * person's behaviour, so they go in {@code pd:Behavioral}.
 */
enum MetaList {
    FACEBOOK_COMMENTS(MetaPlatform.FACEBOOK, Shape.ACTIVITY, "comment", Category.SOCIAL_MEDIA, "comments_v2", "comments"),
    FACEBOOK_FRIENDS(MetaPlatform.FACEBOOK, Shape.NAMED, "friend", Category.SOCIAL_NETWORK, "friends_v2", "friends"),
    FACEBOOK_FRIEND_REQUESTS_RECEIVED(MetaPlatform.FACEBOOK, Shape.NAMED, "friend-request-received", Category.SOCIAL_NETWORK,
            "received_requests_v2", "received_requests"),
    FACEBOOK_FRIEND_REQUESTS_SENT(MetaPlatform.FACEBOOK, Shape.NAMED, "friend-request-sent", Category.SOCIAL_NETWORK,
            "sent_requests_v2", "sent_requests"),
    FACEBOOK_FRIENDS_REMOVED(MetaPlatform.FACEBOOK, Shape.NAMED, "friend-removed", Category.SOCIAL_NETWORK,
            "deleted_friends_v2", "deleted_friends"),
    FACEBOOK_FOLLOWING(MetaPlatform.FACEBOOK, Shape.NAMED, "following", Category.SOCIAL_NETWORK,
            "following_v3", "following_v2", "following"),
    FACEBOOK_FOLLOWERS(MetaPlatform.FACEBOOK, Shape.NAMED, "follower", Category.SOCIAL_NETWORK,
            "followers_v3", "followers_v2", "followers"),
    FACEBOOK_AD_INTERESTS(MetaPlatform.FACEBOOK, Shape.TOPIC, "ad-interest", Category.BEHAVIORAL, "topics_v2", "topics"),
    FACEBOOK_AD_CATEGORIES(MetaPlatform.FACEBOOK, Shape.TOPIC, "ad-category", Category.BEHAVIORAL, "bcts"),
    FACEBOOK_LABELLED_AD_CATEGORIES(MetaPlatform.FACEBOOK, Shape.LABELLED, "ad-category", Category.BEHAVIORAL, "label_values"),
    FACEBOOK_OFF_PLATFORM_ACTIVITY(MetaPlatform.FACEBOOK, Shape.OFF_PLATFORM, "off-platform-activity", Category.BEHAVIORAL,
            "off_facebook_activity_v2", "off_facebook_activity"),
    INSTAGRAM_FOLLOWING(MetaPlatform.INSTAGRAM, Shape.STRING_LIST, "following", Category.SOCIAL_NETWORK,
            "relationships_following"),
    INSTAGRAM_FOLLOWERS(MetaPlatform.INSTAGRAM, Shape.STRING_LIST, "follower", Category.SOCIAL_NETWORK,
            "relationships_followers"),
    INSTAGRAM_CLOSE_FRIENDS(MetaPlatform.INSTAGRAM, Shape.STRING_LIST, "close-friend", Category.SOCIAL_NETWORK,
            "relationships_close_friends"),
    INSTAGRAM_FOLLOW_REQUESTS_SENT(MetaPlatform.INSTAGRAM, Shape.STRING_LIST, "follow-request-sent", Category.SOCIAL_NETWORK,
            "relationships_follow_requests_sent"),
    INSTAGRAM_UNFOLLOWED(MetaPlatform.INSTAGRAM, Shape.STRING_LIST, "unfollowed", Category.SOCIAL_NETWORK,
            "relationships_unfollowed_users"),
    INSTAGRAM_COMMENTS(MetaPlatform.INSTAGRAM, Shape.STRING_LIST, "comment", Category.SOCIAL_MEDIA,
            "comments_media_comments", "comments_reels_comments"),
    INSTAGRAM_AD_INTERESTS(MetaPlatform.INSTAGRAM, Shape.STRING_MAP, "ad-interest", Category.BEHAVIORAL,
            "inferred_data_ig_interest"),
    INSTAGRAM_LABELLED_AD_CATEGORIES(MetaPlatform.INSTAGRAM, Shape.LABELLED, "ad-category", Category.BEHAVIORAL,
            "label_values");

    /** What one element of a list looks like. */
    enum Shape {
        /** {@code {timestamp, data: [{post} | {comment: {comment}}], attachments, title}}: Facebook posts and comments. */
        ACTIVITY,
        /** {@code {name, timestamp}}: Facebook friends and follows. */
        NAMED,
        /** A string, or {@code {name}}: Facebook ad interests and the categories used to reach the person, undated. */
        TOPIC,
        /** {@code {name, events: [{id, type, timestamp}]}}: one record per event. */
        OFF_PLATFORM,
        /**
         * {@code {title, string_list_data: [{href, value, timestamp}]}}: one record per entry. Newer exports write the
         * same lists' elements with labelled fields instead, read as {@link #STRING_MAP}.
         */
        STRING_LIST,
        /** {@code {string_map_data: {Label: {href, value, timestamp}}}}: Instagram's labelled fields. */
        STRING_MAP,
        /** {@code {media: [{uri, creation_timestamp, title}], title, creation_timestamp}}: Instagram posts. */
        MEDIA,
        /**
         * {@code {label, vec: [{value}]}} or {@code {label, value}}: the generic layout of newer exports, shared by
         * many files, so read only where the file's name says what it holds.
         */
        LABELLED
    }

    private final MetaPlatform platform;
    private final Shape shape;
    private final String kind;
    private final Category category;
    private final List<String> properties;

    MetaList(MetaPlatform platform, Shape shape, String kind, Category category, String... properties) {
        this.platform = platform;
        this.shape = shape;
        this.kind = kind;
        this.category = category;
        this.properties = List.of(properties);
    }

    MetaPlatform platform() {
        return platform;
    }

    Shape shape() {
        return shape;
    }

    String kind() {
        return kind;
    }

    Category category() {
        return category;
    }

    static Optional<MetaList> of(String property, MetaPlatform platform) {
        return Arrays.stream(values()).filter(list -> list.platform == platform && list.properties.contains(property))
                .findFirst();
    }

    /** The properties selfdata reads on a platform, for error messages. */
    static String propertiesOf(MetaPlatform platform) {
        return String.join(", ", Arrays.stream(values()).filter(list -> list.platform == platform)
                .flatMap(list -> list.properties.stream()).toList());
    }
}
