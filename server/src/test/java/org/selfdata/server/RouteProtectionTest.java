package org.selfdata.server;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestFactory;
import org.selfdata.gate.Sharing;
import org.selfdata.model.GrantId;
import org.selfdata.model.Person;
import org.selfdata.model.Recipient;
import org.selfdata.model.RecordId;
import org.selfdata.model.RecordType;
import org.selfdata.vault.Engine;
import org.selfdata.vault.OAuthTokens;
import org.selfdata.vault.SampleRecipients;
import org.selfdata.vault.Vault;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How routes say who may call them, and credentials that are not what they claim. Who gets what from every route is
 * {@link RouteAccessTableTest}'s table; this covers what a table of genuine callers does not: which routes declare
 * themselves public or for recipients, forged cookies and tokens, and paths spelled another way.
 */
class RouteProtectionTest {
    private static final String SOME_RECORD = new RecordId(RecordType.GEO_POINT, 1_735_689_600_000L, 1).token();

    @RegisterExtension
    final RunningServer running = RunningServer.started(Engine.SQLITE);
    private final SelfdataServer server = running.server();
    private final Vault vault = running.vault();

    @Test
    void onlySignInOpenApiHealthTheVaultsKeyTheReceiptTermsAndNoticesTheOAuthEndpointsThePagesAndTheCalendarFeedArePublic() {
        assertThat(server.routes().stream()
                .filter(SelfdataServer.Route::isPublic)
                .map(route -> route.method() + " " + route.path()))
                .containsExactlyInAnyOrder(
                        "POST /api/v1/session",
                        "GET /api/v1/openapi.json",
                        "GET /api/v1/health",
                        "GET /api/v1/health/live",
                        "GET /api/v1/health/ready",
                        "GET /.well-known/jwks.json",
                        "GET /ns/consent",
                        "GET /ns/notices/{recipient}/{version}",
                        "GET /",
                        "GET /import",
                        "GET /explore",
                        "GET /money",
                        "GET /places",
                        "GET /energy",
                        "GET /carbon",
                        "GET /across",
                        "GET /reveal",
                        "GET /sharing",
                        "GET /activity",
                        "GET /rights",
                        "GET /account",
                        "GET /sign-in",
                        "GET /sign-in/oidc",
                        "GET /sign-in/oidc/callback",
                        "GET /assets/{file}",
                        "GET /vendor/{file}",
                        "GET /language",
                        "GET /problems/{type}",
                        "GET /oauth/authorize",
                        "POST /oauth/token",
                        "POST /oauth/revoke",
                        "GET /.well-known/oauth-authorization-server",
                        "GET /api/v1/rights/calendar/{token}.ics");
    }

    @Test
    void onlyTheSharedRecordsTheGrantAndItsEntriesOfTheLogAreForRecipients() {
        assertThat(server.routes().stream()
                .filter(SelfdataServer.Route::isForRecipients)
                .map(route -> route.method() + " " + route.path()))
                .containsExactlyInAnyOrder(
                        "GET /api/v1/shared/records",
                        "POST /api/v1/shared/records",
                        "GET /api/v1/shared/grant",
                        "GET /api/v1/shared/log",
                        "GET /api/v1/shared/log/head",
                        "GET /api/v1/shared/log/proofs/inclusion",
                        "GET /api/v1/shared/log/proofs/consistency");
    }

    @Test
    void onlyTheHeadsAndProofsOfTheLogAreForAuditors() {
        assertThat(server.routes().stream()
                .filter(SelfdataServer.Route::isForAuditors)
                .map(route -> route.method() + " " + route.path()))
                .containsExactlyInAnyOrder(
                        "GET /api/v1/audit/log/head",
                        "GET /api/v1/audit/log/heads",
                        "GET /api/v1/audit/log/proofs/inclusion",
                        "GET /api/v1/audit/log/proofs/consistency");
    }

    @TestFactory
    Stream<DynamicTest> everyRecipientsRouteRefusesAForgedToken() {
        return server.routes().stream().filter(SelfdataServer.Route::isForRecipients)
                .map(route -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
                    HttpResponse<String> withForgedToken = new ApiClient(server).send(new ApiClient(server)
                            .request(route.path()).header("Authorization", "Bearer bm90LWEtdG9rZW4tb2YtdGhpcy12YXVsdA")
                            .header("Content-Type", "application/json")
                            .method(route.method(), route.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString("{}")));

                    assertThat(withForgedToken.statusCode()).isEqualTo(401);
                    assertThat(ApiClient.json(withForgedToken).get("detail").stringValue())
                            .isEqualTo("the access token is unknown or expired, or its grant was withdrawn");
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyAuditorsRouteRefusesAForgedTokenAndARecipientsOne() {
        List<String> tokens = List.of("bm90LWEtdG9rZW4tb2YtdGhpcy12YXVsdA", recipientsToken());
        return server.routes().stream().filter(SelfdataServer.Route::isForAuditors)
                .map(route -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
                    for (String token : tokens) {
                        HttpResponse<String> refused = new ApiClient(server).send(new ApiClient(server)
                                .request(route.path()).header("Authorization", "Bearer " + token).GET());

                        assertThat(refused.statusCode()).isEqualTo(401);
                        assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
                        assertThat(ApiClient.json(refused).get("detail").stringValue())
                                .isEqualTo("the auditor's token is unknown or expired, or the person ended it");
                    }
                }));
    }

    /** A live token of a grant of the vault's person, which opens the recipients' routes and no auditor's. */
    private String recipientsToken() {
        Person person = vault.person(Optional.empty());
        Recipient recipient = SampleRecipients.meteoLocale(vault);
        GrantId grant = SharingFixtures.regionalNotifications(Sharing.over(vault, Clock.systemUTC()), person.id(), recipient);
        return vault.oauthTokens().issueAccessToken(new OAuthTokens.Binding(person.id(), grant, recipient.id()),
                Duration.ofHours(1));
    }

    @TestFactory
    Stream<DynamicTest> everyOtherRouteRefusesAForgedSessionCookie() {
        List<SelfdataServer.Route> guarded = server.routes().stream()
                .filter(route -> !route.isPublic() && !route.isForRecipients() && !route.isForAuditors()).toList();
        assertThat(guarded).hasSizeGreaterThanOrEqualTo(8);
        return guarded.stream().map(route -> DynamicTest.dynamicTest(route.method() + " " + route.path(), () -> {
            // Any value for any path parameter: the guard refuses before the route looks at it.
            String path = route.path().replaceAll("\\{[a-z]+}", SOME_RECORD);
            ApiClient forged = new ApiClient(server);
            forged.useSessionToken("aGVsbG8tdGhpcy1pcy1ub3QtYS1zZXNzaW9uLXRva2Vu");

            HttpResponse<String> withForgedCookie = send(forged, route.method(), path);

            assertThat(withForgedCookie.statusCode()).isEqualTo(401);
            assertThat(ApiClient.json(withForgedCookie).get("detail").stringValue())
                    .isEqualTo("sign in first: this needs a session, which POST /api/v1/session starts");
        }));
    }

    @Test
    void aPathSpelledWithATrailingSlashIsGuardedAllTheSame() {
        HttpResponse<String> response = new ApiClient(server).get("/api/v1/status/");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> send(ApiClient client, String method, String path) {
        HttpRequest.BodyPublisher body = method.equals("GET")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}");
        return client.send(client.request(path).header("Content-Type", "application/json").method(method, body));
    }
}
