package org.selfdata.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.importers.Importers;
import org.selfdata.intake.Intake;
import org.selfdata.intake.IntakeLimits;
import org.selfdata.rights.ReminderSettings;
import org.selfdata.rights.RightsDesk;
import org.selfdata.texts.Language;
import org.selfdata.vault.Engine;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminders of deadlines by e-mail over HTTP: off until the owner turns them on, refused without a mailbox, the days
 * from 0 to 30, and written in the language the page speaks.
 */
class RightsReminderRoutesTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private final OrganizationMail mail = new OrganizationMail();
    private ApiClient client;

    @BeforeEach
    void start() {
        running.start();
        client = running.camille();
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    @Test
    void remindersAreOffThreeDaysBeforeUntilTurnedOn() {
        HttpResponse<String> shown = client.get(RightsReminderRoutes.PATH);

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).isEqualTo("{\"enabled\":false,\"daysBefore\":3}");
    }

    @Test
    void remindersAreTurnedOnInThePagesLanguageAndOffKeepingTheDays() {
        put("{\"enabled\":false}", "en");
        assertThat(client.send(client.request(RightsRoutes.PATH + "/mailbox").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(mail.account(OrganizationMail.PASSWORD)))).statusCode())
                .isEqualTo(200);

        HttpResponse<String> on = put("{\"enabled\":true,\"daysBefore\":5}", "fr");

        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        assertThat(on.body()).isEqualTo("{\"enabled\":true,\"daysBefore\":5}");
        assertThat(client.get(RightsReminderRoutes.PATH).body()).isEqualTo(on.body());
        assertThat(reminders()).isEqualTo(new ReminderSettings(true, 5, Language.FRENCH));

        HttpResponse<String> off = put("{\"enabled\":false}", "fr");

        assertThat(off.body()).isEqualTo("{\"enabled\":false,\"daysBefore\":5}");
        assertThat(reminders()).isEqualTo(new ReminderSettings(false, 5, Language.FRENCH));
    }

    @Test
    void turningRemindersOnWithoutAMailboxIsRefusedSayingWhy() {
        HttpResponse<String> refused = put("{\"enabled\":true,\"daysBefore\":3}", "fr");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo("Les rappels par courriel partent de "
                + "votre propre messagerie et vous sont adressés : indiquez d’abord votre messagerie, puis activez-les.");
        assertThat(client.get(RightsReminderRoutes.PATH).body()).isEqualTo("{\"enabled\":false,\"daysBefore\":3}");
    }

    @Test
    void daysOutsideZeroToThirtyAndAMissingChoiceAreRefusedAndChangeNothing() {
        HttpResponse<String> tooMany = put("{\"enabled\":false,\"daysBefore\":31}", "en");
        HttpResponse<String> notANumber = put("{\"enabled\":false,\"daysBefore\":\"3\"}", "en");
        HttpResponse<String> noChoice = put("{\"daysBefore\":3}", "en");

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(tooMany).get("detail").stringValue())
                .isEqualTo("The days before a deadline when a reminder is sent are a whole number from 0 to 30.");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(notANumber).get("detail").stringValue())
                .isEqualTo("'daysBefore' must be a whole number");
        assertThat(noChoice.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(noChoice).get("detail").stringValue())
                .isEqualTo("'enabled' is required and must be true or false");
        assertThat(client.get(RightsReminderRoutes.PATH).body()).isEqualTo("{\"enabled\":false,\"daysBefore\":3}");
    }

    private ReminderSettings reminders() {
        RightsDesk desk = new RightsDesk(running.vault(), new Intake(Importers.standard(), running.vault().imports(),
                IntakeLimits.DEFAULT), Clock.systemUTC());
        return desk.reminders().settings(running.vault().person(Optional.of("camille")).id());
    }

    private HttpResponse<String> put(String json, String language) {
        return client.send(client.request(RightsReminderRoutes.PATH).header("Content-Type", "application/json")
                .header("Accept-Language", language).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }
}
