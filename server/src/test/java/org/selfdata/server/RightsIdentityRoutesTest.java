package org.selfdata.server;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;
import org.selfdata.vault.RightsRequests;
import org.selfdata.vault.TestVaults;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity document of a drafted request over HTTP: added with one file and shown with the request, replaced,
 * removed; refused when it is no PDF, JPEG or PNG, too large, or the request was sent, with nothing kept.
 */
class RightsIdentityRoutesTest {
    private static final String BOUNDARY = "selfdata-identity-form";
    private static final byte[] PASSPORT = png("passport of Camille Martin");
    private static final byte[] CSRF_FREE = png("sent without the session's CSRF token");

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    private ApiClient client;
    private String path;

    @BeforeEach
    void draftARequest() {
        running.start();
        client = running.camille();
        HttpResponse<String> sender = client.send(client.request(RightsRoutes.PATH + "/sender")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Camille Martin\",\"postalAddress\":\"12 rue de la "
                        + "République\\n69002 Lyon\"}")));
        assertThat(sender.statusCode()).isEqualTo(200);
        String id = ApiClient.json(client.post(RightsRoutes.PATH + "/requests",
                "{\"organization\": \"clearview-ai\", \"right\": \"access\", \"channel\": \"letter\", \"language\": \"en\"}"))
                .get("id").stringValue();
        path = RightsRoutes.PATH + "/requests/" + id;
    }

    @Test
    void aDraftTakesOneIdentityDocumentShowsItAndItsLetterAsksForItsDeletion() {
        HttpResponse<String> attached = attach("passport.png", PASSPORT);

        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(200);
        assertThat(ApiClient.json(attached).get("identityDocument").toString()).isEqualTo("{\"name\":\"passport.png\","
                + "\"mediaType\":\"image/png\",\"size\":" + PASSPORT.length + ",\"sha256\":\""
                + RightsRequests.sha256(PASSPORT) + "\"}");
        assertThat(ApiClient.json(client.get(path)).get("identityDocument").get("name").stringValue())
                .isEqualTo("passport.png");
        assertThat(ApiClient.json(client.get(path + "/letter")).get("body").stringValue())
                .contains("Please delete it as soon as my identity has been confirmed")
                .endsWith("Enclosure: a copy of my identity document");
    }

    @Test
    void removingItAnswersNoContentAndTheDraftHasNoneAfterwards() {
        attach("passport.png", PASSPORT);

        HttpResponse<String> removed = client.delete(path + "/identity-document");

        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(ApiClient.json(client.get(path)).has("identityDocument")).isFalse();
    }

    @Test
    void aFileThatIsNoPdfJpegOrPngIsRefusedWithAProblem() {
        HttpResponse<String> refused = attach("passport.png", "GIF89a".getBytes(StandardCharsets.US_ASCII));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(refused).get("detail").stringValue())
                .isEqualTo("An identity document is a PDF, JPEG or PNG file, and this file is none of them.");
        assertThat(ApiClient.json(client.get(path)).has("identityDocument")).isFalse();
    }

    @Test
    void aFileOfMoreThanTenMebibytesIsRefusedAsTooLarge() {
        HttpResponse<String> refused = attach("passport.png", Arrays.copyOf(PASSPORT, 10 * 1024 * 1024 + 1));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(client.get(path)).has("identityDocument")).isFalse();
    }

    @Test
    void aSentRequestsIdentityDocumentCanNeitherBeAddedNorRemoved() {
        attach("passport.png", PASSPORT);
        HttpResponse<String> sent = client.post(path + "/steps", "{\"status\": \"sent\", \"on\": \"" + today() + "\"}");
        JsonNode documents = ApiClient.json(sent).get("events").get(1).get("documents");
        String reference = ApiClient.json(sent).get("reference").stringValue();

        HttpResponse<String> added = attach("passport.png", PASSPORT);
        HttpResponse<String> removed = client.delete(path + "/identity-document");

        assertThat(documents.get(1).get("name").stringValue()).isEqualTo("passport.png");
        assertThat(documents.get(1).get("withheld").booleanValue()).isTrue();
        assertThat(ApiClient.json(sent).has("identityDocument")).isFalse();
        for (HttpResponse<String> refused : java.util.List.of(added, removed)) {
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo("The request " + reference
                    + " is no longer a draft: its identity document can no longer be added, replaced or removed.");
        }
    }

    @Test
    void aFormWithoutTheSessionsCsrfTokenIsRefusedAndNothingIsKept() {
        client.forgetCsrfToken();

        HttpResponse<String> refused = attach("passport.png", CSRF_FREE);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(client.get(path)).has("identityDocument")).isFalse();
    }

    private HttpResponse<String> attach(String name, byte[] content) {
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(content);
        form.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return client.send(client.request(path + "/identity-document")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())));
    }

    private static LocalDate today() {
        return LocalDate.now(TestVaults.PARIS);
    }

    private static byte[] png(String text) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(signature, signature.length + bytes.length);
        System.arraycopy(bytes, 0, all, signature.length, bytes.length);
        return all;
    }
}
