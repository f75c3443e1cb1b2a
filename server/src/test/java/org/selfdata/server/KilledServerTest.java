package org.selfdata.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfdata.testing.ChildJvm;
import org.selfdata.testing.Plaintext;
import org.selfdata.vault.Engine;
import org.selfdata.vault.InProgressFiles;
import org.selfdata.vault.TestVaults;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server killed with SIGKILL while it receives an upload, or while a slow browser downloads the archive of an export,
 * leaves nothing anyone can read: the file it was holding is sealed with a key that died with it, and it had no name in
 * the vault's folder. Nothing goes to the system's temporary folder either, and the next start finds nothing left.
 *
 * <p>The server runs in a JVM of its own; the test looks at the files that JVM holds open to kill it while it holds the
 * upload or the archive.
 */
class KilledServerTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final int POINTS = 200_000;
    /** The latitude of the synthetic points 1 to 99, as an archive writes it. */
    private static final String SAMPLE_LATITUDE = "45.7500";
    /** A latitude of every point of the uploaded location history, as the file writes it. */
    private static final String UPLOADED_LATITUDE = "457612345";

    @TempDir
    static Path shared;

    private static Path vaultFolder;

    @BeforeAll
    static void createAVaultLargeEnoughToBeKilledWhileExporting() {
        vaultFolder = shared.resolve("vault");
        try (Vault vault = TestServers.vaultWithCamille(Engine.SQLITE, vaultFolder)) {
            RunningServer.importLocationPoints(vault, POINTS);
        }
    }

    @Test
    void aServerKilledWhileItReceivesAnUploadLeavesNothingReadable(@TempDir Path temporary)
            throws IOException, InterruptedException {
        byte[] history = locationHistory(100_000);

        try (ChildJvm served = ChildJvm.Launch.inherited().withTemporaryFolder(temporary).start(ServedVault.class, "open",
                vaultFolder.toString())) {
            ApiClient client = signedIn(served);
            try (Socket socket = connect(client)) {
                OutputStream out = socket.getOutputStream();
                out.write(request(client, "POST /api/v1/imports?name=Records.json", history.length));
                out.write(history, 0, history.length / 2);
                out.flush();

                awaitSealedFileHeld(served);
                assertThat(served.kill()).isEqualTo(ChildJvm.KILLED);
            }
        }

        assertNothingReadableLeft(UPLOADED_LATITUDE, temporary);
    }

    @Test
    void aServerKilledWhileASlowBrowserDownloadsTheArchiveLeavesNothingReadable(@TempDir Path temporary)
            throws IOException, InterruptedException {
        try (ChildJvm served = ChildJvm.Launch.inherited().withTemporaryFolder(temporary).start(ServedVault.class, "open",
                vaultFolder.toString())) {
            ApiClient client = signedIn(served);
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(4096);
                URI base = client.request("/").build().uri();
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
                OutputStream out = socket.getOutputStream();
                out.write(request(client, "GET /api/v1/export", -1));
                out.flush();
                InputStream in = socket.getInputStream();
                assertThat(new String(in.readNBytes(12), US_ASCII)).isEqualTo("HTTP/1.1 200");

                awaitSealedFileHeld(served);
                assertThat(served.kill()).isEqualTo(ChildJvm.KILLED);
            }
        }

        assertNothingReadableLeft(SAMPLE_LATITUDE, temporary);
    }

    private static ApiClient signedIn(ChildJvm served) throws InterruptedException {
        String line = served.awaitLineStartingWith(ServedVault.SERVING, PATIENCE);
        ApiClient client = new ApiClient(URI.create(line.substring(ServedVault.SERVING.length())));
        assertThat(client.signIn("camille", TestServers.PASSWORD).statusCode()).isEqualTo(200);
        return client;
    }

    private static Socket connect(ApiClient client) throws IOException {
        URI base = client.request("/").build().uri();
        return new Socket(base.getHost(), base.getPort());
    }

    /** A request's head as the client would send it, with its cookie and CSRF token; -1 for no body. */
    private static byte[] request(ApiClient client, String requestLine, long contentLength) {
        URI base = client.request("/").build().uri();
        StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Cookie: ").append(SessionCookie.NAME).append('=').append(client.sessionToken().orElseThrow())
                .append("\r\n")
                .append(CsrfTokens.HEADER).append(": ").append(client.csrfToken().orElseThrow()).append("\r\n");
        if (contentLength >= 0) {
            head.append("Content-Type: application/octet-stream\r\nContent-Length: ").append(contentLength).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(US_ASCII);
    }

    /** Waits until the server holds a file of the vault's in-progress folder open, a file that has lost its name. */
    private static void awaitSealedFileHeld(ChildJvm served) throws InterruptedException {
        Path inProgress = vaultFolder.resolve(InProgressFiles.FOLDER);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (openFiles(served.pid()).stream().anyMatch(file -> file.startsWith(inProgress.toString())
                    && file.endsWith(" (deleted)"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server never held a sealed file in " + inProgress + ": " + openFiles(served.pid()));
    }

    /** What the process holds open, as Linux shows it. */
    private static List<String> openFiles(long pid) {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return descriptors.map(KilledServerTest::target).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        }
        catch (IOException closedMeanwhile) {
            return "";
        }
    }

    private static void assertNothingReadableLeft(String marker, Path temporary) {
        assertThat(Plaintext.filesHolding(marker, vaultFolder, temporary)).isEmpty();
        // Only the native libraries that SQLite's driver and H3 unpack there.
        assertThat(names(temporary)).allMatch(name -> name.contains(".so"));
        assertThat(vaultFolder.resolve(InProgressFiles.FOLDER)).isEmptyDirectory();
        try (Vault vault = Vault.open(VaultLocation.sqlite(vaultFolder), TestVaults.keyFile(vaultFolder))) {
            assertThat(vault.inProgress().folder()).isEmptyDirectory();
        }
    }

    /** A Takeout Records.json of that many points, every one at the same latitude. */
    private static byte[] locationHistory(int points) {
        StringBuilder json = new StringBuilder("{\"locations\": [\n");
        for (int index = 0; index < points; index++) {
            json.append(index == 0 ? "" : ",\n").append("{\"latitudeE7\": ").append(UPLOADED_LATITUDE)
                    .append(", \"longitudeE7\": ").append(48_300_000 + index).append(", \"accuracy\": 12, \"timestamp\": \"")
                    .append(Instant.parse("2025-03-10T08:00:00Z").plusSeconds(index)).append("\"}");
        }
        return json.append("\n]}\n").toString().getBytes(UTF_8);
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
