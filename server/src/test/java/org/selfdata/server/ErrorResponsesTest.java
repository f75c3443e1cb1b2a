package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.selfdata.vault.Engine;
import org.selfdata.vault.Vault;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Failures as the client sees them: RFC 9457 problem details, with exact messages. */
class ErrorResponsesTest {
    @RegisterExtension
    final RunningServer running = RunningServer.started(Engine.SQLITE);
    private final Vault vault = running.vault();
    private final SelfdataServer server = running.server();
    private final ApiClient client = new ApiClient(server);

    @Test
    void anUnknownRouteIsNotFound() {
        client.signIn("camille", TestServers.PASSWORD);

        List<HttpResponse<String>> responses = List.of(client.get("/api/v1/nothing-here"), new ApiClient(server).get("/nothing"));

        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                    {"type":"/problems/not-found","title":"Not found","status":404,
                     "detail":"nothing is served at this path","instance":"%s"}"""
                    .formatted(response.uri().getPath())));
        }
    }

    @Test
    void aRouteAskedWithAMethodItDoesNotTakeAnswers405NamingTheMethodsItTakes() {
        client.signIn("camille", TestServers.PASSWORD);

        HttpResponse<String> response = client.send(client.request("/api/v1/openapi.json")
                .method("DELETE", HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET");
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"type":"/problems/method-not-allowed","title":"Method not allowed","status":405,
                 "detail":"this address does not take DELETE; it takes GET","instance":"/api/v1/openapi.json"}"""));
    }

    @Test
    void aQueryParameterTheDocumentDoesNotGiveTheRouteIsRefusedNamingItOnEveryApiRoute() {
        client.signIn("camille", TestServers.PASSWORD);

        HttpResponse<String> overview = client.get("/api/v1/reveal/agenda?limt=5");
        HttpResponse<String> records = client.get("/api/v1/records?limt=5");

        assertThat(overview.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(overview).get("detail").stringValue()).isEqualTo("unknown parameter 'limt'; this takes none");
        assertThat(records.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(records).get("detail").stringValue()).startsWith("unknown parameter 'limt'; this takes ")
                .contains("limit");
        assertThat(client.get("/api/v1/records?limit=5").statusCode()).isEqualTo(200);
    }

    @Test
    void everyProblemTypeResolvesOnTheVaultToAPageSayingWhatItMeansInTheReadersLanguage() {
        HttpResponse<String> missing = client.get("/api/v1/nothing-here");
        String type = ApiClient.json(missing).get("type").stringValue();

        HttpResponse<String> english = client.get(type);
        HttpResponse<String> french = client.send(client.request(type).header("Accept-Language", "fr").GET());

        assertThat(type).isEqualTo("/problems/not-found");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(english.body()).contains("<title>Not found</title>", "HTTP 404. Nothing was found here.");
        assertThat(french.body()).contains("<html lang=\"fr\">", "HTTP 404. ");
        assertThat(client.get("/problems/no-such-type").statusCode()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        byte[] body = new byte[2 * 1024 * 1024];

        HttpResponse<String> response = client.send(client.request("/api/v1/session")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"type":"/problems/too-large","title":"Too large","status":413,
                 "detail":"the request body is larger than the limit of 1048576 bytes","instance":"/api/v1/session"}"""));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhileItIsReadWhenItsLengthIsNotDeclared() {
        byte[] body = new byte[2 * 1024 * 1024];

        HttpResponse<String> response = client.send(client.request("/api/v1/session")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(ApiClient.json(response).get("detail").stringValue())
                .isEqualTo("the request body is larger than the limit of 1048576 bytes");
    }

    @Test
    void theSignInTakesJsonOnly() {
        HttpResponse<String> response = client.send(client.request("/api/v1/session")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("handle=camille&password=" + TestServers.PASSWORD)));

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"type":"/problems/unsupported-format","title":"Unsupported format","status":415,
                 "detail":"the request body must be JSON, sent with Content-Type: application/json",
                 "instance":"/api/v1/session"}"""));
        assertThat(client.sessionToken()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''                                         | the request body is empty; it must be a JSON object
            '{"handle":"camille","password":'          | the request body is not well-formed JSON
            '["camille","secret"]'                     | the sign-in request must be a JSON object with a handle and a password
            '{"handle":"camille"}'                     | the sign-in request needs a 'password' as a JSON string
            '{"handle":"camille","password":12345678}' | the sign-in request needs a 'password' as a JSON string
            '{"handle":"camille","password":"x","a":1}' | the sign-in request takes a handle and a password, nothing else
            """)
    void aMalformedSignInNamesWhatIsWrongWithoutQuotingIt(String body, String detail) {
        HttpResponse<String> response = client.post("/api/v1/session", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"type":"/problems/invalid-argument","title":"Invalid argument","status":400,
                 "detail":"%s","instance":"/api/v1/session"}""".formatted(detail.replace("'", "\\u0027"))));
    }

    @Test
    void headersLargerThanTheServerAcceptsAreRefusedAsTooLarge() {
        HttpResponse<String> response = client.send(client.request("/api/v1/health").header("X-Padding", "x".repeat(20_000)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                {"type":"/problems/too-large","title":"Too large","status":413,
                 "detail":"the request's headers are larger than this server accepts"}"""));
    }

    @Test
    void aFailureInsideTheServerIsLoggedByRouteAndReportedWithoutItsDetails() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger problems = (Logger) LoggerFactory.getLogger(Problems.class);
        problems.addAppender(log);
        try {
            client.signIn("camille", TestServers.PASSWORD);
            vault.close();

            HttpResponse<String> response = client.get("/api/v1/records?type=geo.point&from=2025-01-01T00:00:00Z");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(ApiClient.json(response)).isEqualTo(ApiClient.json("""
                    {"type":"/problems/internal","title":"Internal error","status":500,
                     "detail":"selfdata failed to serve this request; the server's log says why",\
                    "instance":"/api/v1/records"}"""));
            assertThat(log.list).singleElement()
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .isEqualTo("INTERNAL while serving GET /api/v1/records");
            assertThat(log.list.getFirst().getThrowableProxy().getMessage()).doesNotContain(client.sessionToken().orElseThrow());
        }
        finally {
            problems.detachAppender(log);
        }
    }
}
