package org.selfdata.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where the server may send a browser back to after signing in or switching language: a path on this site, never
 * another site. Anything else leads to the overview, so that a crafted link cannot use selfdata to send a person
 * elsewhere.
 */
final class SafePaths {
    private static final String HOME = "/";

    private SafePaths() {}

    static String next(Optional<String> asked) {
        return asked.filter(SafePaths::isLocal).orElse(HOME);
    }

    static boolean isLocal(String path) {
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\") || path.length() > 4_096) {
            return false;
        }
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null;
        }
        catch (URISyntaxException e) {
            return false;
        }
    }
}
