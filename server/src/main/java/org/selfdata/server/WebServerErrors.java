package org.selfdata.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.selfdata.model.ErrorCode;
import org.selfdata.texts.Language;
import org.selfdata.texts.Words;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Refusals that Jetty makes before a request reaches Javalin (a path that climbs out of the root, an address or headers
 * too long), written as problem details with the security headers, like every other failure. Jetty's own page would
 * be HTML, and would name Jetty and its message. Each takes the status of its {@link ErrorCode}, so an address or
 * headers too long get 413, as a body too long does, rather than Jetty's 414 or 431.
 */
final class WebServerErrors extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) {
        Problems.Refusal refusal = Problems.refusal(status)
                .orElse(new Problems.Refusal(ErrorCode.INTERNAL, Problems.INTERNAL_DETAIL));
        // Jetty refuses some requests before it has read their path or headers, and hands over a stand-in request
        // instead: its refusals are in English, the API's default.
        byte[] body = Problems.body(refusal.code(), Words.english().say(refusal.detail()), Optional.empty(),
                Language.ENGLISH);
        response.setStatus(Problems.kind(refusal.code()).status());
        SecurityHeaders.apply(response.getHeaders()::put);
        response.getHeaders().put("Content-Type", Problems.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
