package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Wording;

import static java.util.Objects.requireNonNull;

/**
 * The person's deadlines in their own calendar, at a private address. Creating and revoking the address is the
 * owner's; reading the feed needs no session, since a calendar application has none: the token in the address is
 * the secret, and an unknown or revoked one is not found.
 */
final class RightsCalendarRoutes implements HttpService {
    static final String PATH = RightsRoutes.PATH + "/calendar";
    private static final String EXTENSION = ".ics";

    private final RightsDesk desk;

    record CalendarJson(String url) {}

    RightsCalendarRoutes(RightsDesk desk) {
        this.desk = requireNonNull(desk, "desk is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.post(PATH, this::create);
        routes.delete(PATH, this::revoke);
        routes.get(PATH + "/{token}" + EXTENSION, this::feed, Access.PUBLIC);
    }

    /** A new address, which replaces any before it: the person gives it to their calendar, and selfdata keeps its digest. */
    private void create(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        ctx.json(new CalendarJson(PATH + "/" + desk.calendars().issue(owner) + EXTENSION));
    }

    private void revoke(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        desk.calendars().revoke(owner);
        ctx.status(204);
    }

    private void feed(Context ctx) {
        PersonId owner = desk.calendars().owner(ctx.pathParam("token")).orElseThrow(() ->
                new SelfdataException(ErrorCode.NOT_FOUND, Wording.of("error.rights.api.noCalendar")));
        ctx.contentType(DeadlineCalendar.MEDIA_TYPE + "; charset=utf-8")
                .header("Cache-Control", "no-store")
                .result(DeadlineCalendar.write(desk.overview(owner)));
    }
}
