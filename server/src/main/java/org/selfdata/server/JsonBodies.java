package org.selfdata.server;

import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.texts.Wording;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads a request's JSON body, no larger than the configured limit.
 *
 * <p>Only {@code application/json} is accepted: a page on another site can send a form or plain text across origins
 * without asking, but not JSON, so this also keeps such pages from signing a browser in to an account of theirs.
 * Jackson's messages are not passed on, since they may quote what was sent, passwords included.
 */
final class JsonBodies {
    private final long maximumBytes;

    JsonBodies(long maximumBytes) {
        this.maximumBytes = maximumBytes;
    }

    JsonNode read(Context ctx) {
        if (!isJson(ctx.contentType())) {
            throw new SelfdataException(ErrorCode.UNSUPPORTED_FORMAT, Wording.of("error.server.bodyNotJson"));
        }
        if (ctx.req().getContentLengthLong() > maximumBytes) {
            throw tooLarge();
        }
        byte[] body = readAtMost(ctx);
        if (body.length == 0) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.bodyEmpty"));
        }
        try {
            return ApiJson.mapper().readTree(body);
        }
        catch (JacksonException e) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.bodyMalformed"));
        }
    }

    private byte[] readAtMost(Context ctx) {
        try (InputStream input = ctx.req().getInputStream()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            for (int read = input.read(chunk); read != -1; read = input.read(chunk)) {
                if (body.size() + read > maximumBytes) {
                    throw tooLarge();
                }
                body.write(chunk, 0, read);
            }
            return body.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException("reading a request body", e);
        }
    }

    private SelfdataException tooLarge() {
        return new SelfdataException(ErrorCode.TOO_LARGE,
                Wording.of("error.server.bodyTooLarge", Long.toString(maximumBytes)));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return mediaType.toLowerCase(Locale.ROOT).equals(ApiJson.MEDIA_TYPE);
    }
}
