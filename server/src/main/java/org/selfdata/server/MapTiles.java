package org.selfdata.server;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Where the map's background comes from: a tile server's address template, such as
 * {@code https://tile.example/{z}/{x}/{y}.png}, and the credit its owner asks for. Fetching tiles tells that server
 * which part of the world the person looks at, so there are none unless the operator chooses a server.
 *
 * <p>The template goes into a page's markup and its origin into the page's content security policy, so it is held to
 * plain URL characters: nothing in it can end an attribute or add a directive.
 *
 * @param template the address of one tile, with {@code {z}}, {@code {x}} and {@code {y}}, and {@code {s}} for a
 *     subdomain when the server spreads its tiles over several
 * @param attribution the credit shown under the map, as plain text
 */
public record MapTiles(String template, String attribution) {
    private static final Pattern URL_CHARACTERS = Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&()*+,=%{}]+");
    private static final int MAXIMUM_LENGTH = 512;
    private static final String SUBDOMAIN = "subdomain";

    public MapTiles {
        requireNonNull(template, "template is null");
        requireNonNull(attribution, "attribution is null");
        if (template.length() > MAXIMUM_LENGTH || !URL_CHARACTERS.matcher(template).matches()) {
            throw invalid(Wording.of("error.tiles.length", Integer.toString(MAXIMUM_LENGTH)));
        }
        if (!template.contains("{z}") || !template.contains("{x}") || !template.contains("{y}")) {
            throw invalid(Wording.of("error.tiles.placeholders", "{z}", "{x}", "{y}",
                    "https://tile.example/{z}/{x}/{y}.png"));
        }
        URI address = address(template);
        if (!"https".equals(address.getScheme()) && !"http".equals(address.getScheme())) {
            throw invalid(Wording.of("error.tiles.scheme"));
        }
        if (address.getHost() == null || address.getRawUserInfo() != null) {
            throw invalid(Wording.of("error.tiles.host"));
        }
        if (attribution.length() > MAXIMUM_LENGTH || attribution.chars().anyMatch(Character::isISOControl)) {
            throw invalid(Wording.of("error.tiles.attribution", Integer.toString(MAXIMUM_LENGTH)));
        }
    }

    /**
     * Where the tiles come from, as a content security policy source: the scheme, host and port, with any subdomain
     * placeholder as a wildcard.
     */
    public String origin() {
        URI address = address(template);
        String host = address.getHost().startsWith(SUBDOMAIN + ".")
                ? "*" + address.getHost().substring(SUBDOMAIN.length())
                : address.getHost();
        return address.getScheme() + "://" + host + (address.getPort() == -1 ? "" : ":" + address.getPort());
    }

    /** The placeholders are not URL characters: each becomes a plain word, so that the template parses as a URL. */
    private static URI address(String template) {
        try {
            return new URI(template.replace("{s}", SUBDOMAIN).replace("{z}", "0").replace("{x}", "0").replace("{y}", "0")
                    .replace("{r}", ""));
        }
        catch (URISyntaxException notAnAddress) {
            throw invalid(Wording.of("error.tiles.notUrl"));
        }
    }

    private static SelfdataException invalid(Wording message) {
        return new SelfdataException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
