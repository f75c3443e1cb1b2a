package org.selfdata.server;

import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * A refusal in OAuth's own terms at the token and revocation endpoints, answered as an RFC 6749 error response rather
 * than a problem: clients of these endpoints are OAuth libraries, which read {@code error}, not a problem's type.
 */
final class OAuthRefusal extends RuntimeException {
    private static final String BASIC = "Basic ";

    private final transient ErrorObject error;

    OAuthRefusal(ErrorObject error, String description) {
        super(description, null, false, false);
        this.error = error.setDescription(description);
    }

    /** The OAuth error code, such as {@code invalid_grant}. */
    String code() {
        return error.getCode();
    }

    /**
     * Writes the error response as RFC 6749, section 5.2 says: a client that tried HTTP Basic and failed is told 401
     * with the scheme to use again; any other failed client, which no challenge fits, 400; every other error its own
     * status.
     */
    void answer(Context ctx) {
        int status = error.getHTTPStatusCode();
        if (OAuth2Error.INVALID_CLIENT.equals(error)) {
            boolean triedBasic = Optional.ofNullable(ctx.header("Authorization"))
                    .filter(header -> header.regionMatches(true, 0, BASIC, 0, BASIC.length())).isPresent();
            status = triedBasic ? 401 : 400;
            if (triedBasic) {
                ctx.header("WWW-Authenticate", "Basic realm=\"selfdata\"");
            }
        }
        ctx.status(status).contentType("application/json").result(error.toJSONObject().toJSONString());
    }
}
