package org.selfdata.server;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An upload through the API that tests need as a step: a one-contact address book, imported to its end. */
final class ContactUpload {
    private ContactUpload() {}

    /** Uploads a one-contact address book as the client's person, waits for its import to end, and gives the job's id. */
    static String upload(ApiClient client, String name) {
        String card = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Agence Exemple\r\nEND:VCARD\r\n";
        HttpResponse<String> accepted = client.send(client.request("/api/v1/imports?name=" + name)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString(card)));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String job = ApiClient.json(accepted).get("id").stringValue();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String state;
        do {
            state = ApiClient.json(client.get("/api/v1/imports/" + job)).get("state").stringValue();
        }
        while (!state.equals("done") && !state.equals("failed") && System.nanoTime() < deadline);
        assertThat(state).isEqualTo("done");
        return job;
    }
}
