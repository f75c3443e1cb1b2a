package org.selfdata.server;

import org.selfdata.model.Recipient;

import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;

/**
 * Whether a request's redirect URI is one its recipient registered: exactly as registered, or, for an app on the
 * person's own machine, on the loopback address it registered with whatever port it listens on this time.
 *
 * <p>A native app listens on a port the system gives it at each run, so it cannot register the port (RFC 8252,
 * section 7.3): {@code http://127.0.0.1/callback} registered matches {@code http://127.0.0.1:53111/callback} asked,
 * and the same for {@code [::1]}. Only literal loopback addresses count; {@code localhost} is a name that could resolve
 * elsewhere (RFC 8252, section 8.3) and is matched exactly, like every other redirect URI.
 */
final class RedirectUris {
    private RedirectUris() {}

    static boolean isRegistered(Recipient recipient, URI asked) {
        return recipient.redirectUris().contains(asked)
                || recipient.redirectUris().stream().anyMatch(registered -> isSameLoopbackButThePort(registered, asked));
    }

    private static boolean isSameLoopbackButThePort(URI registered, URI asked) {
        return "http".equals(asked.getScheme()) && "http".equals(registered.getScheme())
                && asked.getHost() != null && asked.getHost().equals(registered.getHost()) && isLoopbackLiteral(asked.getHost())
                && asked.getRawUserInfo() == null && registered.getRawUserInfo() == null
                && Objects.equals(asked.getRawPath(), registered.getRawPath())
                && Objects.equals(asked.getRawQuery(), registered.getRawQuery())
                && asked.getRawFragment() == null && registered.getRawFragment() == null;
    }

    private static boolean isLoopbackLiteral(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return InetAddress.ofLiteral(literal).isLoopbackAddress();
        }
        catch (IllegalArgumentException notLiteral) {
            return false;
        }
    }
}
