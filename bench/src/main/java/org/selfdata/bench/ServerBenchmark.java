package org.selfdata.bench;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.KeySource;
import org.selfdata.vault.Vault;
import org.selfdata.vault.VaultLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code selfdata serve} as a person starts it: a new Java process, with the same Java options as this one (so with the
 * launcher's ahead-of-time cache when there is one). Measured: the time from launching it to its first answered request,
 * beside the time to launch {@code selfdata --version}, the same process doing nothing; and its resident memory once it
 * has served a person's status and first pages of records, beside the same server on an empty vault.
 */
final class ServerBenchmark {
    private static final String MAIN = "org.selfdata.cli.Selfdata";
    private static final char[] PASSWORD = "benchmark-password".toCharArray();

    private ServerBenchmark() {}

    static List<Measurement> run(VaultLocation full, String handle, VaultLocation empty) {
        setPassword(full, handle);
        try {
            double version = launchOnly();
            Served withRecords = serve(full, handle);
            Served withNothing = serve(empty, "nobody");
            List<Measurement> measurements = new ArrayList<>();
            measurements.add(new Measurement("time to first answer of selfdata serve", withRecords.startMillis(), "ms",
                    java.util.Optional.of(new Measurement.Baseline("selfdata --version", version)), false));
            measurements.add(new Measurement("resident memory serving " + withRecords.records() + " records",
                    withRecords.residentMegabytes(), "MB",
                    java.util.Optional.of(new Measurement.Baseline("an empty vault", withNothing.residentMegabytes())), false));
            return measurements;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SelfdataException(ErrorCode.INTERNAL, "the server benchmark was interrupted", e);
        }
    }

    private record Served(double startMillis, double residentMegabytes, String records) {}

    private static void setPassword(VaultLocation location, String handle) {
        try (Vault vault = Vault.open(location, KeySource.keyFile(location.folder().resolve(VaultLocation.KEY_FILE)))) {
            vault.people().setPassword(vault.people().find(handle).orElseThrow().id(), PASSWORD);
        }
    }

    private static double launchOnly() throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long started = System.nanoTime();
            Process process = java("--version").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor();
            best = Math.min(best, (System.nanoTime() - started) / 1e6);
        }
        return best;
    }

    private static Served serve(VaultLocation location, String handle) throws IOException, InterruptedException {
        double best = Double.MAX_VALUE;
        double resident = 0;
        String records = "?";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        for (int round = 0; round < 3; round++) {
            int port = freePort();
            long started = System.nanoTime();
            Process process = java("serve", "--data", location.folder().toString(), "--port", Integer.toString(port))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                String base = "http://127.0.0.1:" + port + "/";
                waitForHealth(client, base, process);
                best = Math.min(best, (System.nanoTime() - started) / 1e6);
                records = exercise(client, base, handle);
                resident = residentMegabytes(process.pid());
            }
            finally {
                process.destroy();
                process.waitFor();
            }
        }
        return new Served(best, resident, records);
    }

    private static void waitForHealth(HttpClient client, String base, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new SelfdataException(ErrorCode.INTERNAL,
                        "selfdata serve stopped before answering (exit " + process.exitValue() + ")");
            }
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            }
            catch (IOException e) {
                Thread.sleep(5);
            }
        }
        throw new SelfdataException(ErrorCode.INTERNAL, "selfdata serve did not answer within a minute");
    }

    /** Signs in, asks for the status and ten pages of records, as a person opening the page would; returns the record count. */
    private static String exercise(HttpClient client, String base, String handle) throws IOException, InterruptedException {
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"handle\":\"" + handle + "\",\"password\":\"" + new String(PASSWORD) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 200) {
            return "0";
        }
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String status = client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/status")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        for (int page = 0; page < 10; page++) {
            client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/records?limit=1000")).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"records\":(\\d+)").matcher(status);
        long total = 0;
        while (count.find()) {
            total = Math.max(total, Long.parseLong(count.group(1)));
        }
        return String.format("%,d", total);
    }

    private static double residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return 0;
    }

    private static ProcessBuilder java(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> !option.startsWith("-XX:AOTCacheOutput") && !option.startsWith("-agentlib")).toList());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MAIN);
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
