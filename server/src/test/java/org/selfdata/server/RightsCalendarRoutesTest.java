package org.selfdata.server;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.util.ICalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;
import org.selfdata.vault.TestVaults;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The person's deadlines in their own calendar: a private address made, read without a session as a calendar
 * application reads it, parsed by an iCalendar library, and replaced or revoked.
 */
class RightsCalendarRoutesTest {
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient client;

    @BeforeEach
    void start() {
        running.start();
        client = running.camille();
        client.send(client.request(RightsRoutes.PATH + "/sender").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Camille Martin\",\"postalAddress\":\"12 rue de la République\\n69002 Lyon\"}")));
    }

    @Test
    void theFeedHoldsOneAllDayEventPerOpenDeadlineInTheRequestsLanguage() {
        JsonNode sent = send("fr");
        send("en");
        draft();

        String url = ApiClient.json(client.post(RightsCalendarRoutes.PATH, "")).get("url").stringValue();
        HttpResponse<String> feed = new ApiClient(running.server()).get(url);

        assertThat(url).matches("/api/v1/rights/calendar/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        ICalendar calendar = Biweekly.parse(feed.body()).first();
        List<VEvent> events = calendar.getEvents();
        assertThat(events).hasSize(2);
        VEvent french = events.stream().filter(event -> event.getSummary().getValue().startsWith("Échéance"))
                .findFirst().orElseThrow();
        assertThat(events).extracting(event -> event.getUid().getValue()).doesNotHaveDuplicates()
                .allSatisfy(uid -> assertThat(uid).matches("[0-9a-f]{32}@selfdata"));
        assertThat(Biweekly.parse(new ApiClient(running.server()).get(url).body()).first().getEvents())
                .extracting(event -> event.getUid().getValue())
                .containsExactlyElementsOf(events.stream().map(event -> event.getUid().getValue()).toList());
        assertThat(french.getSummary().getValue()).isEqualTo("Échéance (réponse) : Clearview AI, Inc., demande "
                + sent.get("reference").stringValue());
        ICalDate start = french.getDateStart().getValue();
        assertThat(start.hasTime()).isFalse();
        assertThat(LocalDate.of(start.getRawComponents().getYear(), start.getRawComponents().getMonth(),
                start.getRawComponents().getDate())).isEqualTo(LocalDate.parse(sent.get("deadline").get("date").stringValue()));
        assertThat(events).extracting(event -> event.getSummary().getValue())
                .anySatisfy(summary -> assertThat(summary).startsWith("Deadline (answer): Clearview AI, Inc., request SD-"));
        assertThat(feed.body()).doesNotContain("Camille").doesNotContain("Lyon").doesNotContain(sent.get("id").stringValue());
    }

    @Test
    void aNewAddressReplacesTheOldAndARevokedOneIsNotFound() {
        send("fr");
        String first = ApiClient.json(client.post(RightsCalendarRoutes.PATH, "")).get("url").stringValue();
        String second = ApiClient.json(client.post(RightsCalendarRoutes.PATH, "")).get("url").stringValue();
        ApiClient calendarApplication = new ApiClient(running.server());

        assertThat(calendarApplication.get(first).statusCode()).isEqualTo(404);
        assertThat(calendarApplication.get(second).statusCode()).isEqualTo(200);
        assertThat(client.delete(RightsCalendarRoutes.PATH).statusCode()).isEqualTo(204);
        HttpResponse<String> revoked = calendarApplication.get(second);
        assertThat(revoked.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(revoked).get("detail").stringValue())
                .isEqualTo("No calendar has this address: it was replaced by a new one, revoked, or never made.");
    }

    private JsonNode send(String language) {
        String id = ApiClient.json(client.post(RightsRoutes.PATH + "/requests", "{\"organization\": \"clearview-ai\", "
                + "\"right\": \"access\", \"channel\": \"letter\", \"language\": \"" + language + "\"}"))
                .get("id").stringValue();
        return ApiClient.json(client.post(RightsRoutes.PATH + "/requests/" + id + "/steps",
                "{\"status\": \"sent\", \"on\": \"" + LocalDate.now(TestVaults.PARIS) + "\"}"));
    }

    private void draft() {
        client.post(RightsRoutes.PATH + "/requests",
                "{\"organization\": \"clearview-ai\", \"right\": \"erasure\", \"channel\": \"letter\"}");
    }
}
