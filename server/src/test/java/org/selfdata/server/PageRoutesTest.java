package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PageRoutesTest {
    private static final Pattern LINKS = Pattern.compile("(?:src|href|action)=\"([^\"]*)\"");

    @RegisterExtension
    final RunningServer running = RunningServer.started(Engine.SQLITE);
    private final ApiClient client = new ApiClient(running.server());

    @Test
    void thePageIsServedToAnyoneWithItsScriptAndStyle() {
        HttpResponse<String> page = client.get("/");
        HttpResponse<String> script = client.get("/selfdata.js");
        HttpResponse<String> style = client.get("/selfdata.css");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
        assertThat(page.body()).contains("<form id=\"sign-in-form\" method=\"post\" action=\"/api/v1/session\">",
                "<input name=\"password\" type=\"password\" autocomplete=\"current-password\" required>");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("fetch(path", "'X-CSRF-Token'", "/api/v1/status");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
    }

    @Test
    void thePageLoadsNothingFromElsewhereAndNothingInline() {
        String page = client.get("/").body();

        Matcher links = LINKS.matcher(page);
        List<String> targets = links.results().map(match -> match.group(1)).toList();
        assertThat(targets).containsExactly("/selfdata.css", "/selfdata.js", "/api/v1/session");
        assertThat(page).doesNotContain("<script>", "<style", " style=", " onclick=", " onsubmit=");
        assertThat(client.get("/selfdata.js").body()).doesNotContain("innerHTML", "http://", "https://", "eval(");
    }

    @Test
    void onlyThePagesFilesAreServed() {
        assertThat(client.get("/index.html").statusCode()).isEqualTo(404);
        assertThat(client.get("/org/selfdata/server/openapi.json").statusCode()).isEqualTo(404);

        HttpResponse<String> climbing = client.get("/../pom.xml");

        assertThat(climbing.statusCode()).isEqualTo(400);
        assertThat(climbing.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(climbing.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(ApiClient.json(climbing)).isEqualTo(ApiClient.json("""
                {"type":"https://selfdata.invalid/problems/invalid-argument","title":"Invalid argument","status":400,
                 "detail":"the request is malformed"}"""));
    }
}
