package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The https address at which an app publishes its registration document, as the operator gives it: checked before
 * anything is looked up or fetched. Only {@code https}, so that the document comes from the host it names and arrives
 * as it left; no user name or password in it, which would be sent to whoever answers; a host, looked up once by
 * {@link RegistrationFetcher}.
 *
 * @param host the host name or address literal, without the brackets of an IPv6 literal
 * @param port the port, 443 unless the address names one
 */
record RegistrationAddress(URI uri, String host, int port) {
    /** Longer than any app's document address needs; a longer one is refused before it is parsed. */
    static final int MAXIMUM_LENGTH = 2048;
    private static final int HTTPS_PORT = 443;

    RegistrationAddress {
        requireNonNull(uri, "uri is null");
        requireNonNull(host, "host is null");
    }

    static RegistrationAddress parse(String text) {
        requireNonNull(text, "text is null");
        URI uri;
        try {
            if (text.isBlank() || text.length() > MAXIMUM_LENGTH) {
                throw new URISyntaxException(text, "blank or too long");
            }
            uri = new URI(text.strip());
        }
        catch (URISyntaxException e) {
            throw invalid(Wording.of("error.server.registrationAddressMalformed"));
        }
        if (!uri.isAbsolute() || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
            throw invalid(Wording.of("error.server.registrationAddressNotHttps"));
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw invalid(Wording.of("error.server.registrationAddressUserInfo"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(Wording.of("error.server.registrationAddressNoHost"));
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        String withoutFragment = uri.getRawFragment() == null ? uri.toString()
                : uri.toString().substring(0, uri.toString().length() - uri.getRawFragment().length() - 1);
        return new RegistrationAddress(URI.create(withoutFragment), host.toLowerCase(Locale.ROOT),
                uri.getPort() == -1 ? HTTPS_PORT : uri.getPort());
    }

    private static SelfdataException invalid(Wording message) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
