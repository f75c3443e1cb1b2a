package org.selfdata.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.fail;

/**
 * An app built on openid-client, an OpenID-certified OAuth client, in a node process of its own: the script in
 * {@code src/test/node} runs the authorization code flow against a server and reports, in lines of JSON, what the
 * library made of it. A certified client's judgement, rather than our own reading of the RFCs, decides whether the
 * server speaks OAuth as apps expect.
 */
final class CertifiedClient implements AutoCloseable {
    private static final String SCRIPT = "authorization-code-flow.mjs";
    private static final long PATIENCE_SECONDS = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Stands for the end of the script's output in the queue of its lines. */
    private static final String ENDED = "";

    private final Process process;
    private final Writer input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer errors = new StringBuffer();

    private CertifiedClient(Process process) {
        this.process = process;
        this.input = process.outputWriter(StandardCharsets.UTF_8);
        Thread.ofVirtual().start(() -> read(process.getInputStream(), lines::add, () -> lines.add(ENDED)));
        Thread.ofVirtual().start(() -> read(process.getErrorStream(), line -> errors.append(line).append('\n'), () -> { }));
    }

    /** Skips the test when node or openid-client is missing; see {@link ThirdPartyScripts#requireInstalled}. */
    static void requireInstalled() {
        ThirdPartyScripts.requireInstalled("openid-client");
    }

    /** Starts the app, registered with the server under that client id and callback; it discovers the rest itself. */
    static CertifiedClient start(SelfdataServer server, String clientId, URI callback) {
        try {
            return new CertifiedClient(new ProcessBuilder(List.of("node", SCRIPT, server.url(), clientId,
                    callback.toString())).directory(ThirdPartyScripts.PROJECT.toFile()).start());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script's next message, which must be of that kind: its content, or the test fails with what node said. */
    JsonNode next(String kind) {
        String line;
        try {
            line = lines.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (line == null || line.equals(ENDED)) {
            return fail("the certified client " + (line == null ? "said nothing for " + PATIENCE_SECONDS + " s" : "ended")
                    + " while a \"" + kind + "\" was awaited; it wrote to its error output:\n" + errors);
        }
        JsonNode message = JSON.readTree(line);
        if (!message.has(kind)) {
            return fail("the certified client answered " + line + " while a \"" + kind + "\" was awaited; "
                    + "it wrote to its error output:\n" + errors);
        }
        return message.get(kind);
    }

    /** Hands the app the address the person's browser is sent back to once she has answered. */
    void callback(URI redirect) {
        try {
            input.write(JSON.createObjectNode().put("callback", redirect.toString()) + "\n");
            input.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void read(InputStream stream, Consumer<String> line, Runnable atEnd) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines().filter(text -> !text.isBlank()).forEach(line);
        }
        catch (IOException | UncheckedIOException e) {
            errors.append("(the output could not be read: ").append(e.getMessage()).append(")\n");
        }
        finally {
            atEnd.run();
        }
    }
}
