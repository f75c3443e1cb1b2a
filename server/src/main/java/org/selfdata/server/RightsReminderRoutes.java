package org.selfdata.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.selfdata.model.ErrorCode;
import org.selfdata.model.PersonId;
import org.selfdata.model.SelfdataException;
import org.selfdata.rights.DeadlineReminders;
import org.selfdata.rights.ReminderSettings;
import org.selfdata.texts.Wording;
import tools.jackson.databind.JsonNode;

import static java.util.Objects.requireNonNull;

/**
 * The owner's reminders of deadlines by e-mail: whether their mailbox receives one, and how many days before a
 * deadline. They are written in the language of the request that turns them on, the one the page speaks.
 */
final class RightsReminderRoutes implements HttpService {
    static final String PATH = RightsRoutes.PATH + "/reminders";

    private final DeadlineReminders reminders;
    private final JsonBodies bodies;

    record RemindersJson(boolean enabled, int daysBefore) {
        static RemindersJson of(ReminderSettings settings) {
            return new RemindersJson(settings.enabled(), settings.daysBefore());
        }
    }

    RightsReminderRoutes(DeadlineReminders reminders, JsonBodies bodies) {
        this.reminders = requireNonNull(reminders, "reminders is null");
        this.bodies = requireNonNull(bodies, "bodies is null");
    }

    @Override
    public void routing(RoutesConfig routes) {
        routes.get(PATH, this::show);
        routes.put(PATH, this::save);
    }

    private void show(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        ctx.json(RemindersJson.of(reminders.settings(owner)));
    }

    /** Turns reminders on or off; on needs the person's mailbox, and the days, when given, run from 0 to 30. */
    private void save(Context ctx) {
        PersonId owner = OwnerGuard.signedIn(ctx).person();
        JsonNode body = bodies.read(ctx);
        JsonNode enabled = body.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw new SelfdataException(ErrorCode.INVALID_ARGUMENT, Wording.of("error.rights.reminders.enabled"));
        }
        int daysBefore = ReminderSettings.requireDaysBefore(JsonFields.optionalInteger(body, "daysBefore")
                .orElseGet(() -> reminders.settings(owner).daysBefore()));
        ReminderSettings saved = enabled.booleanValue()
                ? reminders.turnOn(owner, daysBefore, Problems.language(ctx))
                : reminders.turnOff(owner);
        ctx.json(RemindersJson.of(saved));
    }
}
