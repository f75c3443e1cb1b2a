package org.selfdata.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The image run as a container runtime runs it, without one: its layers unpacked into a root, which is mounted
 * read-only in a mount namespace of its own with a writable {@code /data}, a tmpfs {@code /tmp} and {@code /run}, and
 * the key file mounted read-only where a secret goes; then its entry point, from its configuration, as its user.
 * Needs root and util-linux's {@code unshare} (CI has both); skipped otherwise, and unless {@code -Pimage} built it.
 */
class ImageRunTest {
    private static final String PASSWORD = "lyon-2025-guillotiere";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /**
     * Mounts what a runtime mounts, then starts the command in the root as the user. Arguments: the root, the data
     * folder, the secret (a folder mounted writable at /run/secrets, or a file mounted read-only as the key), the
     * uid, the gid, the working folder, then the command.
     */
    private static final String CONTAINER = """
            set -eu
            root="$1"; data="$2"; secret="$3"; uid="$4"; gid="$5"; folder="$6"; shift 6
            mount --bind "$root" "$root"
            mount -o remount,bind,ro "$root"
            mount -t proc proc "$root/proc"
            mount --rbind /dev "$root/dev"
            mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
            mount -t tmpfs tmpfs "$root/run"
            mkdir "$root/run/secrets"
            if [ -d "$secret" ]; then
                mount --bind "$secret" "$root/run/secrets"
            else
                touch "$root/run/secrets/selfdata-key"
                mount --bind "$secret" "$root/run/secrets/selfdata-key"
                mount -o remount,bind,ro "$root/run/secrets/selfdata-key"
            fi
            mount --bind "$data" "$root/data"
            exec unshare --root="$root" --wd="$folder" --setgid "$gid" --setuid "$uid" -- "$@"
            """;

    @TempDir
    Path work;
    private ImageTar image;
    private Path root;
    private Process init;
    private Process server;

    @BeforeEach
    void unpackTheImage() throws Exception {
        Path tar = ImageTar.built();
        assumeThat(Files.getAttribute(Path.of("/proc/self"), "unix:uid")).as("root, to mount and change user").isEqualTo(0);
        assumeThat(Path.of("/usr/bin/unshare")).as("util-linux's unshare").isExecutable();
        image = ImageTar.read(tar);
        root = Files.createDirectory(work.resolve("root"));
        Path layers = Files.createDirectory(work.resolve("layers"));
        run(List.of("tar", "-xf", tar.toString(), "-C", layers.toString()));
        for (String layer : image.layers().keySet()) {
            run(List.of("tar", "-xzpf", layers.resolve(layer).toString(), "--numeric-owner", "-C", root.toString()));
        }
        // the mount points a container runtime makes in the image's root
        for (String point : List.of("proc", "dev", "run")) {
            Files.createDirectories(root.resolve(point));
        }
    }

    @AfterEach
    void stopTheContainers() throws InterruptedException {
        for (Process process : Arrays.asList(init, server)) {
            if (process != null) {
                stop(process);
            }
        }
    }

    /**
     * Stops the entry point itself, the first process of the container's process namespace: once it has changed user
     * it no longer hears of unshare's end, and it ends the namespace with it.
     */
    private static void stop(Process container) throws InterruptedException {
        List<ProcessHandle> inside = container.descendants().toList();
        inside.forEach(ProcessHandle::destroy);
        for (ProcessHandle process : inside) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
            catch (ExecutionException | TimeoutException stillRunning) {
                process.destroyForcibly();
            }
        }
        container.destroy();
        if (!container.waitFor(30, TimeUnit.SECONDS)) {
            container.destroyForcibly().waitFor();
        }
    }

    @Test
    void theImageCreatesAVaultThenServesItOnAReadOnlyRootAsItsUserWithTheKeyAsASecret() throws Exception {
        // a fresh volume, as a runtime makes it from the image's /data; a folder the key is written to, once
        Path data = Files.createDirectory(work.resolve("data"));
        run(List.of("cp", "-a", root.resolve("data") + "/.", data.toString()));
        run(List.of("chmod", "0770", data.toString()));
        Path keys = Files.createDirectory(work.resolve("keys"));
        run(List.of("chown", image.config().get("User").asString(), keys.toString()));
        Set<String> imageFiles = files(root);

        init = container(data, keys, List.of("init", "--handle", "camille", "--zone", "Europe/Paris",
                "--password-stdin"), work.resolve("init.out"));
        init.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        init.getOutputStream().close();
        assertThat(init.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(init.exitValue()).as(Files.readString(work.resolve("init.out"))).isZero();

        int port = freePort();
        List<String> arguments = new ArrayList<>(ImageTar.strings(image.config().get("Cmd")));
        arguments.set(arguments.indexOf("--port") + 1, Integer.toString(port));
        server = container(data, keys.resolve("selfdata-key"), arguments, work.resolve("serve.out"));
        awaitHealth(port);

        HttpResponse<String> signInPage = get(port, "/sign-in");
        assertThat(signInPage.statusCode()).isEqualTo(200);
        assertThat(signInPage.body()).contains("<form id=\"sign-in-form\"");
        URI session = URI.create("http://127.0.0.1:" + port + "/api/v1/session");
        HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(session)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"handle\":\"camille\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"handle\":\"camille\"");

        assertThat(Files.readString(work.resolve("serve.out"))).contains("/data/vault/vault.db");
        assertThat(owner(data.resolve("vault"))).isEqualTo("65532 0700");
        assertThat(owner(data.resolve("vault/vault.db"))).isEqualTo("65532 0600");
        assertThat(owner(keys.resolve("selfdata-key"))).isEqualTo("65532 0600");
        assertThat(files(root)).as("nothing written outside the data folder").isEqualTo(imageFiles);
        assertThat(server.descendants().map(ImageRunTest::user)).as("the server's process").containsExactly("65532 0");
    }

    /** The image's entry point with these arguments, in its environment, as the user its configuration names. */
    private Process container(Path data, Path secret, List<String> arguments, Path output) throws IOException {
        String[] user = image.config().get("User").asString().split(":");
        List<String> command = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork",
                "--kill-child=SIGTERM", "--propagation", "private", "/bin/sh", "-c", CONTAINER, "container",
                root.toString(), data.toString(), secret.toString(), user[0], user[1],
                image.config().get("WorkingDir").asString()));
        command.addAll(ImageTar.strings(image.config().get("Entrypoint")));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        builder.environment().putAll(image.environment());
        return builder.start();
    }

    private void awaitHealth(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("the image's server stopped (exit " + server.exitValue() + "): "
                        + Files.readString(work.resolve("serve.out")));
            }
            try {
                HttpResponse<String> health = get(port, "/api/v1/health");
                assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
                assertThat(health.body()).contains("\"ok\"");
                return;
            }
            catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        fail("the image's server did not answer within 90 seconds: " + Files.readString(work.resolve("serve.out")));
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String owner(Path file) throws IOException {
        Map<String, Object> attributes = Files.readAttributes(file, "unix:uid,mode");
        return attributes.get("uid") + " " + String.format("%04o", (Integer) attributes.get("mode") & 07777);
    }

    /** The real and effective user and group of a process, as Linux says them: "uid gid" when they agree. */
    private static String user(ProcessHandle process) {
        try {
            List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"));
            String[] uids = status.stream().filter(line -> line.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+");
            String[] gids = status.stream().filter(line -> line.startsWith("Gid:")).findFirst().orElseThrow().split("\\s+");
            return uids[1].equals(uids[2]) && gids[1].equals(gids[2]) ? uids[1] + " " + gids[1] : String.join(" ", uids);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.map(path -> folder.relativize(path).toString()).collect(Collectors.toSet());
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
