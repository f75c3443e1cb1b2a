package org.selfdata.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Return paths ({@code next}, {@code back}) that a crafted link may carry: each would lead a browser to another origin
 * if it were followed as written, since browsers drop tabs and line breaks, read backslashes as slashes and strip
 * leading spaces before they follow an address; and some that stay on this site.
 */
final class ReturnPaths {
    /** The origin a crafted link would send the person to; nothing listens there. */
    static final String ELSEWHERE = "127.0.0.1:7402";

    /** As the server receives them, decoded from the query. */
    static final List<String> HOSTILE = List.of(
            "/\t/" + ELSEWHERE + "/pwned-tab",
            "/\n/" + ELSEWHERE + "/pwned-newline",
            "/\r/" + ELSEWHERE + "/pwned-return",
            "/\t\n/" + ELSEWHERE + "/pwned-both",
            "//" + ELSEWHERE + "/pwned-slashes",
            "/\\" + ELSEWHERE + "/pwned-backslash",
            "\\/" + ELSEWHERE + "/pwned-backslash-first",
            "\\\\" + ELSEWHERE + "/pwned-backslashes",
            "/\\\t/" + ELSEWHERE + "/pwned-backslash-tab",
            " //" + ELSEWHERE + "/pwned-space",
            "\t//" + ELSEWHERE + "/pwned-leading-tab",
            "/\u0000/" + ELSEWHERE + "/pwned-null",
            "/\u00a0/" + ELSEWHERE + "/pwned-no-break-space",
            "http://" + ELSEWHERE + "/pwned-absolute",
            "http:" + ELSEWHERE + "/pwned-scheme-only",
            "HTTP:/" + ELSEWHERE + "/pwned-one-slash",
            "javascript:alert(1)",
            "/%2F" + ELSEWHERE + "/pwned-encoded-slash",
            "/%5C" + ELSEWHERE + "/pwned-encoded-backslash",
            "/%09/" + ELSEWHERE + "/pwned-encoded-tab",
            "/%0A/" + ELSEWHERE + "/pwned-encoded-newline",
            "%2F%2F" + ELSEWHERE + "/pwned-encoded-twice",
            "%2F%09%2F" + ELSEWHERE + "/pwned-tab-encoded-twice");

    /** Paths of this site, kept as they are. */
    static final List<String> LOCAL = List.of("/energy", "/activity?grant=3",
            "/consent?response_type=code&client_id=budget&redirect_uri=https%3A%2F%2Fbudget.example%2Fback");

    private ReturnPaths() {}

    /** The path as a query parameter's value. */
    static String encoded(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }
}
