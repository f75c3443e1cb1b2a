package org.selfdata.server;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.selfdata.testing.ChildJvm;
import org.selfdata.testing.FileModes;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A vault made and served by a process under a permissive umask, in a folder others can enter, is private to its owner
 * all the same after an upload is imported and an archive downloaded: every file 0600, every folder 0700.
 */
class PrivateServedFilesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CONTACTS = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Alix Martin\r\nN:Martin;Alix;;;\r\n"
            + "TEL:+33 4 72 00 00 00\r\nEND:VCARD\r\n";

    @ParameterizedTest(name = "under umask {0}")
    @ValueSource(strings = {"022", "000"})
    void aServedVaultIsPrivateToItsOwnerAfterAnUploadAndADownload(String umask, @TempDir Path home)
            throws IOException, InterruptedException {
        Path folder = Files.createDirectory(home.resolve("vault"));
        FileModes.set(folder, "rwxr-xr-x");

        try (ChildJvm served = ChildJvm.Launch.inherited().withUmask(umask).start(ServedVault.class, "create",
                folder.toString())) {
            String line = served.awaitLineStartingWith(ServedVault.SERVING, PATIENCE);
            ApiClient client = new ApiClient(URI.create(line.substring(ServedVault.SERVING.length())));
            assertThat(client.signIn("camille", TestServers.PASSWORD).statusCode()).isEqualTo(200);

            HttpResponse<String> accepted = client.send(client.request("/api/v1/imports?name=contacts.vcf")
                    .header("Content-Type", "text/vcard").POST(HttpRequest.BodyPublishers.ofString(CONTACTS, UTF_8)));
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            assertThat(awaitEnd(client, accepted.headers().firstValue("Location").orElseThrow()).get("state").stringValue())
                    .isEqualTo("done");
            assertThat(client.get("/api/v1/export").statusCode()).isEqualTo(200);

            assertEveryFileIsPrivate(folder);
            assertThat(served.kill()).isEqualTo(ChildJvm.KILLED);
        }

        assertEveryFileIsPrivate(folder);
    }

    private static void assertEveryFileIsPrivate(Path folder) {
        Map<String, String> modes = FileModes.under(folder);
        assertThat(modes).containsEntry(".", "rwx------").containsEntry("master.key", "rw-------")
                .containsEntry("vault.db", "rw-------").containsEntry("in-progress", "rwx------");
        assertThat(modes).allSatisfy((name, mode) -> assertThat(mode).as(name)
                .isEqualTo(Files.isDirectory(folder.resolve(name)) ? "rwx------" : "rw-------"));
    }

    private static JsonNode awaitEnd(ApiClient client, String location) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = ApiClient.json(client.get(location));
            String state = job.get("state").stringValue();
            if (state.equals("done") || state.equals("failed")) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import of the upload did not end within " + PATIENCE);
    }
}
