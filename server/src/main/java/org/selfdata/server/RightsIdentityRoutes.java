package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.IdentityDocument;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Wording;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The identity document a person chooses to enclose with a drafted request, the owner's only: never required, given
 * only when an organization has reasonable doubts about who the person is (art. 12(6)). It is added or replaced with
 * one file, its type read from its bytes, and removed, while the request is a draft; once sent, it goes with the
 * request and stays out of its evidence pack.
 */
final class RightsIdentityRoutes implements HttpService {
    private static final String PATH = RightsRoutes.PATH + "/requests/{request}/identity-document";
    /** The document and the little a form adds around it. */
    private static final long MAXIMUM_FORM_BYTES = IdentityDocument.MAXIMUM_SIZE + 64 * 1024;

    private final RightsDesk desk;
    private final Uploads uploads;

    RightsIdentityRoutes(RightsDesk desk, Uploads uploads) {
        this.desk = requireNonNull(desk, "desk is null");
        this.uploads = requireNonNull(uploads, "uploads is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.put(PATH, this::attach);
        routes.delete(PATH, this::remove);
    }

    /** Adds the document, or replaces the one before it, from a form holding one {@code file}. */
    private void attach(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        String request = ctx.pathParam("request");
        desk.request(owner, request);
        MultipartForm form = uploads.receiveForm(body(ctx), Optional.ofNullable(ctx.contentType()),
                ctx.req().getContentLengthLong(), MAXIMUM_FORM_BYTES, IdentityDocument.MAXIMUM_SIZE, 1);
        MultipartForm.File file = form.files().stream().findFirst().orElseThrow(() ->
                new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.server.formNoFile")));
        ctx.json(RightsRoutes.json(desk.attachIdentityDocument(owner, request, file.name(), file.content()),
                Problems.language(ctx)));
    }

    private void remove(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        desk.removeIdentityDocument(owner, ctx.pathParam("request"));
        ctx.status(204);
    }

    private static InputStream body(Context ctx) {
        try {
            return ctx.req().getInputStream();
        }
        catch (IOException e) {
            throw new UncheckedIOException("reading an identity document's form", e);
        }
    }
}
