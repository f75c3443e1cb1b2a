package org.selfdata.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where the server may send a browser back to after signing in or switching language: a path on this site, never
 * another site. Anything else leads to the overview, so that a crafted link cannot use selfdata to send a person
 * elsewhere.
 *
 * <p>This is the only check: the sign-in page's script follows the path the server rendered into the page, never its
 * own address bar. The check is stricter than "starts with one slash" because browsers repair addresses before they
 * follow them: they drop tabs and line breaks anywhere ({@code /<TAB>/elsewhere} becomes {@code //elsewhere}), read a
 * backslash as a slash, and strip leading spaces. So a path is accepted only when it is printable ASCII without
 * backslashes, has no scheme nor authority, and its decoded path neither starts with two slashes nor holds a control
 * character or a backslash.
 */
final class SafePaths {
    private static final String HOME = "/";
    private static final int MAXIMUM_LENGTH = 4_096;

    private SafePaths() {}

    static String next(Optional<String> asked) {
        return asked.filter(SafePaths::isLocal).orElse(HOME);
    }

    static boolean isLocal(String path) {
        if (path.isEmpty() || path.length() > MAXIMUM_LENGTH || !path.startsWith("/") || path.startsWith("//")
                || !path.chars().allMatch(SafePaths::isPlainCharacter)) {
            return false;
        }
        try {
            URI uri = new URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getPath() != null
                    && isPlainDecodedPath(uri.getPath());
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    /** Printable ASCII but the backslash: no space, tab, line break or other control a browser would drop or repair. */
    private static boolean isPlainCharacter(int character) {
        return character > ' ' && character < 0x7f && character != '\\';
    }

    private static boolean isPlainDecodedPath(String decoded) {
        return decoded.startsWith("/") && !decoded.startsWith("//")
                && decoded.chars().allMatch(character -> character >= ' ' && character != 0x7f && character != '\\');
    }
}
