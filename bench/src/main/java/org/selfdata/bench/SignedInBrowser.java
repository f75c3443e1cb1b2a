package org.selfdata.bench;

import org.selfdata.model.ErrorCode;
import org.selfdata.model.SelfdataException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static java.util.Objects.requireNonNull;

/**
 * The person's browser as the benchmark drives it: signed in over HTTP with a handle and a password, it sends the
 * session cookie it was given with every request and the CSRF token with those that change something, as the pages do.
 */
final class SignedInBrowser {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COOKIE = "selfdata_session";
    private static final String CSRF_HEADER = "X-CSRF-Token";

    private final HttpClient client;
    private final URI base;
    private final String cookie;
    private final String csrfToken;

    private SignedInBrowser(HttpClient client, URI base, String cookie, String csrfToken) {
        this.client = client;
        this.base = base;
        this.cookie = cookie;
        this.csrfToken = csrfToken;
    }

    static SignedInBrowser signIn(HttpClient client, URI base, String handle, char[] password) {
        requireNonNull(client, "client is null");
        requireNonNull(base, "base is null");
        String body = JSON.createObjectNode().put("handle", handle).put("password", new String(password)).toString();
        HttpResponse<String> answer = send(client, HttpRequest.newBuilder(base.resolve("/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        expect(answer, 200, "signing in");
        String setCookie = answer.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(COOKIE + "=")).findFirst()
                .orElseThrow(() -> new SelfdataException(ErrorCode.INTERNAL, "signing in gave no session cookie"));
        return new SignedInBrowser(client, base, setCookie.substring(0, setCookie.indexOf(';')),
                JSON.readTree(answer.body()).get("csrfToken").stringValue());
    }

    /** A request as the browser sends it, with the session cookie; the load sends it again and again. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Cookie", cookie).header("Accept", "application/json");
    }

    JsonNode get(String path) {
        HttpResponse<String> answer = send(client, request(path).GET());
        expect(answer, 200, "GET " + path);
        return JSON.readTree(answer.body());
    }

    /** Sends JSON that changes something, with the CSRF token, and expects the status given. */
    JsonNode post(String path, String json, int expected) {
        HttpResponse<String> answer = send(client, request(path).header(CSRF_HEADER, csrfToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        expect(answer, expected, "POST " + path);
        return JSON.readTree(answer.body());
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SelfdataException(ErrorCode.INTERNAL, "the benchmark was interrupted", e);
        }
    }

    static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new SelfdataException(ErrorCode.INTERNAL, what + " answered " + answer.statusCode() + " where "
                    + status + " was expected: " + answer.body());
        }
    }
}
