package org.selfdata.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * A browser-like client of a real server: it keeps the session cookie it is given and sends the CSRF token with
 * requests that change something, as the owner's page does.
 */
final class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private Optional<String> sessionToken = Optional.empty();
    private Optional<String> csrfToken = Optional.empty();

    ApiClient(SelfdataServer server) {
        this(URI.create(server.url()));
    }

    /** A client of a server running elsewhere, such as in a process of its own. */
    ApiClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> signIn(String handle, String password) {
        HttpResponse<String> response = post("/api/v1/session",
                JSON.createObjectNode().put("handle", handle).put("password", password).toString());
        if (response.statusCode() == 200) {
            csrfToken = Optional.of(json(response).get("csrfToken").stringValue());
        }
        return response;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** A request as this client would send it, with its cookie and CSRF token, for tests that change it before sending. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path));
        sessionToken.ifPresent(token -> request.header("Cookie", SessionCookie.NAME + "=" + token));
        csrfToken.ifPresent(token -> request.header(CsrfTokens.HEADER, token));
        return request;
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The answer as bytes, for answers that may not be text, such as an export's zip archive. */
    HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            HttpResponse<T> response = http.send(request.build(), body);
            response.headers().allValues("Set-Cookie").stream()
                    .filter(cookie -> cookie.startsWith(SessionCookie.NAME + "="))
                    .forEach(this::keep);
            return response;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Optional<String> sessionToken() {
        return sessionToken;
    }

    Optional<String> csrfToken() {
        return csrfToken;
    }

    void forgetCsrfToken() {
        csrfToken = Optional.empty();
    }

    void useCsrfToken(String token) {
        csrfToken = Optional.of(token);
    }

    void useSessionToken(String token) {
        sessionToken = Optional.of(token);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private void keep(String setCookie) {
        String value = setCookie.substring(SessionCookie.NAME.length() + 1, setCookie.indexOf(';'));
        sessionToken = value.isEmpty() || setCookie.contains("Max-Age=0") ? Optional.empty() : Optional.of(value);
    }
}
