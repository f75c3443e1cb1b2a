package org.selfdata.rights;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.util.Locale;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A mail server of the person's own mailbox, for sending (SMTP) or reading (IMAP), and how the connection is secured.
 *
 * <p>A connection without TLS is accepted only to this machine (a local relay, a test server): anywhere else the
 * password and the letters would cross the network in clear.
 *
 * @param host the server's name or address
 * @param port its port, from 1 to 65535
 * @param security how the connection is secured
 */
public record MailServer(String host, int port, Security security) {
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    public MailServer {
        requireNonNull(host, "host is null");
        requireNonNull(security, "security is null");
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.mail.host"));
        }
        if (port < 1 || port > 65_535) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.mail.port", port));
        }
        if (security == Security.PLAIN && !isLoopback(host)) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.mail.plainNotLoopback"));
        }
    }

    /** How a connection to a mail server is secured. */
    public enum Security {
        /** A plain connection upgraded to TLS by STARTTLS, which the server must offer (SMTP 587, IMAP 143). */
        STARTTLS,
        /** TLS from the first byte (SMTP 465, IMAP 993). */
        TLS,
        /** No TLS at all: only to this machine. */
        PLAIN;

        /** The name used in the account's settings: lower case. */
        public String term() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Whether a host names this machine by itself, without asking a name server: {@code localhost}, an IPv4 address in
     * 127.0.0.0/8 or the IPv6 loopback address.
     */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || LOOPBACK_IPV4.matcher(name).matches()
                || name.equals("::1") || name.equals("[::1]") || name.equals("0:0:0:0:0:0:0:1");
    }
}
