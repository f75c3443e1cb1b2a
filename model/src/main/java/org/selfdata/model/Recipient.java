package org.selfdata.model;

import org.selfdata.texts.Wording;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * An app, a service or an organization registered with the vault to ask people for grants.
 *
 * <p>Redirect URIs are where an authorization answer may be sent. They must be https, or http on the loopback
 * interface only, where a native app on the person's own machine listens: anything else would let a network
 * observer or a look-alike site catch the answer.
 */
public record Recipient(RecipientId id, RecipientIdentity identity, List<URI> redirectUris, Kind kind) {
    static final int MAXIMUM_REDIRECT_URIS = 10;
    private static final int URI_LENGTH = 2_000;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    public enum Kind {
        APP, SERVICE, ORGANIZATION;

        public String term() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Recipient {
        requireNonNull(id, "id is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(redirectUris, "redirectUris is null");
        requireNonNull(kind, "kind is null");
        if (redirectUris.size() > MAXIMUM_REDIRECT_URIS) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.redirectUriCount", MAXIMUM_REDIRECT_URIS));
        }
        redirectUris.forEach(Recipient::requireRedirectUri);
        redirectUris = List.copyOf(redirectUris);
    }

    private static void requireRedirectUri(URI uri) {
        requireNonNull(uri, "a redirect URI is null");
        if (uri.toString().length() > URI_LENGTH) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT,
                    Wording.of("error.model.redirectUriLength", Integer.toString(URI_LENGTH)));
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.redirectUriShape"));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.model.redirectUriScheme"));
        }
    }
}
