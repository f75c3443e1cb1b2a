package org.selfdata.server;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account as a whole over HTTP: the export as a download, the restore of that download into an empty account,
 * the erasure confirmed by the handle, the password change and the keys; each does what its command does.
 */
class AccountRoutesTest {
    private static final LocalDate MONDAY = LocalDate.of(2025, 3, 3);

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);
    @RegisterExtension
    final RunningServer empty = new RunningServer(Engine.SQLITE);
    private final Vault vault = running.vault();
    private final Person camille = vault.person(Optional.of("camille"));
    private SelfdataServer server;
    private ApiClient client;

    @BeforeEach
    void fillCamillesAccount() {
        // Twelve location points from Google and three coffees from the bank: 15 records, 2 sources, 2 imports.
        running.importLocationPoints(12);
        vault.imports().write(camille.id(), new ImportRequest(SyntheticRecords.BANK, "ofx", "statement.ofx"),
                IntStream.range(0, 3).mapToObj(day -> SyntheticRecords.coffee(MONDAY.plusDays(day), day + 1)));
        server = running.start();
        client = running.camille();
    }

    @Test
    void theExportIsAZipDownloadWhoseManifestCountsThePersonsRecordsAndLeavesNothingBehind()
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = download(client);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"selfdata-camille-"
                + LocalDate.now(TestVaults.PARIS) + ".zip\"");
        Map<String, byte[]> entries = unzip(response.body());
        JsonNode manifest = ApiClient.json(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        assertThat(manifest.get("person").get("handle").stringValue()).isEqualTo("camille");
        Map<String, Long> types = new HashMap<>();
        manifest.get("types").forEach(type -> types.put(type.get("type").stringValue(), type.get("records").asLong()));
        assertThat(types).containsExactlyInAnyOrderEntriesOf(Map.of("geo.point", 12L, "bank.transaction", 3L));
        assertThat(entries).containsKeys("sources.jsonl", "batches.jsonl", "log.jsonl", "log-head.json");
        assertNothingHeldOnceTheServerIsDone();
        JsonNode log = ApiClient.json(client.get("/api/v1/log?limit=100"));
        JsonNode last = log.get("entries").get(log.get("entries").size() - 1);
        assertThat(last.get("action").stringValue()).isEqualTo("export");
        assertThat(last.get("count").asLong()).isEqualTo(15);
    }

    @Test
    void aDownloadTheBrowserAbandonsLeavesNoArchiveBehind() throws IOException, InterruptedException {
        URI base = URI.create(server.url());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/export HTTP/1.1\r\nHost: " + base.getHost() + "\r\nCookie: " + SessionCookie.NAME + "="
                    + client.sessionToken().orElseThrow() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        }

        assertNothingHeldOnceTheServerIsDone();
    }

    /**
     * The server deletes an archive once it has sent the last byte, which a client may receive a moment before: what
     * is asserted is that nothing stays, not when it goes.
     */
    private void assertNothingHeldOnceTheServerIsDone() throws InterruptedException {
        Instant patience = Instant.now().plus(Duration.ofSeconds(10));
        while (vault.inProgress().held() > 0 && Instant.now().isBefore(patience)) {
            Thread.sleep(50);
        }
        assertThat(vault.inProgress().held()).isZero();
    }

    @Test
    void aRestoreIntoAnAccountThatHoldsSomethingIsRefusedAndChangesNothing() {
        byte[] archive = download(client).body();

        HttpResponse<String> refused = client.send(client.request("/api/v1/restore").header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive)));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(ApiClient.json(refused).get("detail").stringValue()).isEqualTo("a restore needs an account that holds "
                + "nothing yet, and this one holds 2 source(s); erase it first, or restore into a new vault");
        assertThat(ApiClient.json(client.get("/api/v1/status")).get("records").asLong()).isEqualTo(15);
        assertThat(vault.inProgress().held()).isZero();
    }

    @Test
    void theArchiveExportedBeforeIsRestoredIntoAnEmptyAccount() {
        byte[] archive = download(client).body();
        empty.start();
        ApiClient fresh = empty.camille();

        HttpResponse<String> restored = fresh.send(fresh.request("/api/v1/restore").header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(archive)));

        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        JsonNode answer = ApiClient.json(restored);
        assertThat(answer.get("handle").stringValue()).isEqualTo("camille");
        assertThat(answer.get("records").asLong()).isEqualTo(15);
        assertThat(answer.get("grants").asInt()).isZero();
        assertThat(answer.get("given").asInt()).isZero();
        assertThat(answer.get("awaitingAdmission").asInt()).isZero();
        JsonNode status = ApiClient.json(fresh.get("/api/v1/status"));
        assertThat(status.get("records").asLong()).isEqualTo(15);
        assertThat(status.get("sources")).hasSize(2);
        assertThat(status.get("batches").asLong()).isEqualTo(2);
        assertThat(empty.vault().inProgress().held()).isZero();
    }

    @Test
    void anErasureWithoutTheHandleOrWithAnotherIsRefusedAndErasesNothing() {
        HttpResponse<String> withoutHandle = client.post("/api/v1/erasure", "{}");
        HttpResponse<String> withAnother = client.post("/api/v1/erasure", "{\"handle\":\"dominique\"}");
        HttpResponse<String> withoutToken = withoutCsrfToken(client).post("/api/v1/erasure", "{\"handle\":\"camille\"}");

        assertThat(withoutHandle.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(withoutHandle).get("detail").stringValue())
                .isEqualTo("the request needs a 'handle' as a JSON string");
        assertThat(withAnother.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(withAnother).get("detail").stringValue())
                .isEqualTo("the handle given is not this person's; type it exactly to confirm; nothing was erased");
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(client.get("/api/v1/status")).get("records").asLong()).isEqualTo(15);
        assertThat(new ApiClient(server).signIn("camille", TestServers.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void anErasureConfirmedByTheHandleErasesTheAccountEndsTheSessionAndSignInFails() {
        String token = client.sessionToken().orElseThrow();

        HttpResponse<String> erased = client.post("/api/v1/erasure", "{\"handle\":\"camille\"}");

        assertThat(erased.statusCode()).isEqualTo(200);
        JsonNode report = ApiClient.json(erased);
        assertThat(report.get("sources").asLong()).isEqualTo(2);
        assertThat(report.get("batches").asLong()).isEqualTo(2);
        assertThat(report.get("records").asLong()).isEqualTo(15);
        assertThat(erased.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith(SessionCookie.NAME + "=;")
                && cookie.contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
        client.useSessionToken(token);
        assertThat(client.get("/api/v1/status").statusCode()).isEqualTo(401);
        assertThat(new ApiClient(server).signIn("camille", TestServers.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(vault.people().find("camille")).isEmpty();
    }

    @Test
    void aNewPasswordReplacesTheOldOneAndSignsOutTheOtherSessions() {
        ApiClient elsewhere = running.camille();
        String replacement = "croix-rousse-2026";

        HttpResponse<String> changed = client.send(client.request("/api/v1/account/password")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"currentPassword\":\"" + TestServers.PASSWORD + "\",\"newPassword\":\"" + replacement + "\"}")));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        client.useCsrfToken(ApiClient.json(changed).get("csrfToken").stringValue());
        assertThat(client.get("/api/v1/status").statusCode()).isEqualTo(200);
        assertThat(client.post("/api/v1/keys/rotation", "").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get("/api/v1/status").statusCode()).isEqualTo(401);
        assertThat(new ApiClient(server).signIn("camille", TestServers.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(new ApiClient(server).signIn("camille", replacement).statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordOrATooShortNewOneChangesNothing() {
        HttpResponse<String> wrong = changePassword(client, "not-the-password", "croix-rousse-2026");
        HttpResponse<String> tooShort = changePassword(client, TestServers.PASSWORD, "short");

        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(ApiClient.json(wrong).get("detail").stringValue())
                .isEqualTo("the current password is wrong; nothing was changed");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(tooShort).get("detail").stringValue())
                .isEqualTo("a password must be 8 to 1024 characters long");
        assertThat(client.get("/api/v1/status").statusCode()).isEqualTo(200);
        assertThat(new ApiClient(server).signIn("camille", TestServers.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void guessingTheCurrentPasswordIsLimitedLikeSigningIn() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(changePassword(client, "guess-" + attempt, "croix-rousse-2026").statusCode()).isEqualTo(403);
        }

        HttpResponse<String> sixth = changePassword(client, TestServers.PASSWORD, "croix-rousse-2026");

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(new ApiClient(server).signIn("camille", "croix-rousse-2026").statusCode()).isEqualTo(429);
    }

    @Test
    void theKeysAreTheSigningKeyPublishedAndOneDataKeyPerSourceWhichRotationRenews() throws Exception {
        JsonNode keys = ApiClient.json(client.get("/api/v1/keys"));
        JWK published = JWKSet.parse(new ApiClient(server).get("/.well-known/jwks.json").body()).getKeys().getFirst();

        JsonNode signing = keys.get("signingKey");
        assertThat(signing.get("keyId").stringValue()).isEqualTo(published.getKeyID());
        assertThat(signing.get("algorithm").stringValue()).isEqualTo("ES256");
        assertThat(signing.get("curve").stringValue()).isEqualTo("P-256");
        assertThat(signing.get("thumbprint").stringValue()).isEqualTo(published.computeThumbprint().toString());
        assertThat(signing.get("published").stringValue()).isEqualTo("/.well-known/jwks.json");
        assertThat(keys.get("dataKeys")).hasSize(2);
        assertThat(keys.get("dataKeys").get(0).get("organization").stringValue()).isEqualTo("Google");
        assertThat(keys.get("dataKeys").get(1).get("organization").stringValue()).isEqualTo("Banque Exemple");

        HttpResponse<String> rotated = client.post("/api/v1/keys/rotation", "");

        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(ApiClient.json(rotated).get("sources").asInt()).isEqualTo(2);
        assertThat(ApiClient.json(client.get("/api/v1/records?type=geo.point")).get("records")).hasSize(12);
    }

    private static HttpResponse<String> changePassword(ApiClient client, String current, String replacement) {
        return client.send(client.request("/api/v1/account/password").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"currentPassword\":\"" + current + "\",\"newPassword\":\""
                        + replacement + "\"}")));
    }

    private ApiClient withoutCsrfToken(ApiClient signedIn) {
        ApiClient other = new ApiClient(server);
        other.useSessionToken(signedIn.sessionToken().orElseThrow());
        return other;
    }

    private static HttpResponse<byte[]> download(ApiClient client) {
        try {
            return HttpClient.newHttpClient().send(client.request("/api/v1/export").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }
}
