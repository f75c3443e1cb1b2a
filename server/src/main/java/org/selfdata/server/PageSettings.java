package org.selfdata.server;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the operator set that pages need in their markup, and the content security policy a page needs when it differs
 * from the default one (the map's tiles come from elsewhere).
 *
 * <p>Only the pages showing a map (the places page, the page of what the data reveals) may load images from the tile
 * server, and only when the operator chose one: every other page keeps the policy that allows nothing from elsewhere.
 * With tiles, those pages also allow {@code data:} images: the map library blanks the tiles it drops with an empty image
 * written as a {@code data:} address, and an image cannot run.
 */
final class PageSettings {
    private final ServerSettings settings;

    PageSettings(ServerSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    Map<String, String> of(WebPage page) {
        if (!page.showsMap()) {
            return Map.of();
        }
        return settings.tiles()
                .map(tiles -> Map.of("tiles", tiles.template(), "tiles-attribution", tiles.attribution()))
                .orElse(Map.of());
    }

    /** What the sign-in page calls the operator's OpenID Connect provider, when there is one. */
    Optional<String> providerName() {
        return settings.singleSignOn().map(SingleSignOn::providerName);
    }

    Optional<String> contentSecurityPolicy(WebPage page) {
        if (!page.showsMap()) {
            return Optional.empty();
        }
        return settings.tiles().map(tiles -> SecurityHeaders.CONTENT_SECURITY_POLICY
                .replace("img-src 'self';", "img-src 'self' data: " + tiles.origin() + ";"));
    }
}
