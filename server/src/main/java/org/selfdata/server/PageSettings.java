package org.selfdata.server;

import java.util.Map;
import java.util.Optional;

/**
 * What the operator set that pages need in their markup, and the content security policy a page needs when it differs
 * from the default one (the map's tiles come from elsewhere).
 */
final class PageSettings {
    private final ServerSettings settings;

    PageSettings(ServerSettings settings) {
        this.settings = settings;
    }

    Map<String, String> of(WebPage page) {
        return Map.of();
    }

    Optional<String> contentSecurityPolicy(WebPage page) {
        return Optional.empty();
    }
}
