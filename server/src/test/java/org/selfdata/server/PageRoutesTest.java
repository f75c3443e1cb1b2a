package org.selfdata.server;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.vault.Engine;
import org.selfdata.texts.Language;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The web interface's pages as the server hands them out: who gets which page, in which language, carrying what. */
class PageRoutesTest {
    private static final Pattern LINKS = Pattern.compile("(?:src|href|action)=\"([^\"]*)\"");

    @RegisterExtension
    final RunningServer running = RunningServer.started(Engine.SQLITE);
    private final ApiClient anyone = new ApiClient(running.server());

    @Test
    void aPageAskedForWithoutASessionLeadsToSignInAndBack() {
        HttpResponse<String> money = anyone.get("/money");

        assertThat(money.statusCode()).isEqualTo(303);
        assertThat(money.headers().firstValue("Location")).contains("/sign-in?next=%2Fmoney");
        assertThat(money.body()).doesNotContain("Money");
    }

    @Test
    void theSignInPageIsForAnyoneInTheBrowsersLanguage() {
        HttpResponse<String> english = anyone.get("/sign-in");
        HttpResponse<String> french = anyone.send(anyone.request("/sign-in")
                .header("Accept-Language", "de-CH, fr;q=0.8, en;q=0.5"));

        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
        assertThat(english.body()).contains("<html lang=\"en\">",
                "<form id=\"sign-in-form\" method=\"post\" action=\"/api/v1/session\" data-next=\"/\">",
                "type=\"password\" autocomplete=\"current-password\" required", ">Sign in<");
        assertThat(french.body()).contains("<html lang=\"fr\">", ">Se connecter<", ">Mot de passe<");
        assertThat(french.headers().firstValue("Content-Language")).contains("fr");
    }

    @TestFactory
    Stream<DynamicTest> everyPageIsRenderedForTheOwnerInBothLanguagesAndLoadsOnlyItsOwnFiles() {
        ApiClient camille = running.camille();
        return Arrays.stream(WebPage.values()).filter(WebPage::needsSession).flatMap(page -> Stream.of(Language.values())
                .map(language -> DynamicTest.dynamicTest(page.pageName() + " in " + language.code(), () -> {
                    HttpResponse<String> response = camille.send(camille.request(page.path())
                            .header("Cookie", "selfdata_session=" + camille.sessionToken().orElseThrow() + "; selfdata_language="
                                    + language.code()));

                    assertThat(response.statusCode()).isEqualTo(200);
                    String html = response.body();
                    assertThat(html).contains("<html lang=\"" + language.code() + "\">",
                            "<script src=\"/assets/" + page.pageName() + ".js\" defer></script>");
                    String title = Texts.read(language, "common").get("nav." + page.pageName());
                    assertThat(html).contains(WebPage.navigation().contains(page) ? "aria-current=\"page\">" + title + "<"
                            : "<h1 id=\"page-title\">" + title + "</h1>");
                    assertThat(html).doesNotContain("<script>", "<style", " style=", " onclick=", " onsubmit=");
                    Matcher links = LINKS.matcher(html);
                    List<String> targets = links.results().map(match -> match.group(1)).toList();
                    assertThat(targets).allSatisfy(target -> assertThat(target)
                            .matches("#content|/(assets/|vendor/|language\\?|api/v1/|[a-z-]*$).*"));
                    assertThat(targets.stream().filter(target -> target.startsWith("/vendor/")))
                            .containsExactlyInAnyOrderElementsOf(Stream.concat(page.styles().stream(),
                                    page.libraryScripts().stream()).map(library -> "/vendor/" + library).toList());
                })));
    }

    @Test
    void theLanguageSwitchKeepsTheChoiceAndLeadsBackOnlyToThisSite() {
        HttpResponse<String> toFrench = anyone.get("/language?to=fr&back=/money");
        HttpResponse<String> elsewhere = anyone.get("/language?to=en&back=https://elsewhere.example/");
        HttpResponse<String> schemeRelative = anyone.get("/language?to=en&back=//elsewhere.example/");
        HttpResponse<String> unknown = anyone.get("/language?to=de&back=/");

        assertThat(toFrench.statusCode()).isEqualTo(303);
        assertThat(toFrench.headers().firstValue("Location")).contains("/money");
        assertThat(toFrench.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie -> assertThat(cookie)
                .startsWith("selfdata_language=fr;").contains("Path=/", "SameSite=Lax"));
        assertThat(elsewhere.headers().firstValue("Location")).contains("/");
        assertThat(schemeRelative.headers().firstValue("Location")).contains("/");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void signingInLeadsBackOnlyToAPathOfThisSite() {
        ApiClient camille = running.camille();

        assertThat(camille.get("/sign-in?next=%2Fenergy").headers().firstValue("Location")).contains("/energy");
        for (String path : ReturnPaths.HOSTILE) {
            HttpResponse<String> signedIn = camille.get("/sign-in?next=" + ReturnPaths.encoded(path));
            assertThat(signedIn.statusCode()).as(path).isEqualTo(303);
            assertThat(signedIn.headers().firstValue("Location")).as(path).contains("/");
        }
    }

    @Test
    void theSignInPageCarriesWhereToGoOnceSignedInAsTheServerVettedIt() {
        for (String path : ReturnPaths.HOSTILE) {
            assertThat(anyone.get("/sign-in?next=" + ReturnPaths.encoded(path)).body()).as(path)
                    .contains("<form id=\"sign-in-form\" method=\"post\" action=\"/api/v1/session\" data-next=\"/\">");
        }
        assertThat(anyone.get("/sign-in").body()).contains("data-next=\"/\">");
        assertThat(anyone.get("/sign-in?next=%2Fenergy").body()).contains("data-next=\"/energy\">");
        assertThat(anyone.get("/sign-in?next=" + ReturnPaths.encoded(ReturnPaths.LOCAL.getLast())).body())
                .contains("data-next=\"/consent?response_type=code&amp;client_id=budget"
                        + "&amp;redirect_uri=https%3A%2F%2Fbudget.example%2Fback\">");
    }

    @Test
    void theLanguageSwitchLeadsBackToNoneOfThePathsThatWouldLeaveThisSite() {
        for (String path : ReturnPaths.HOSTILE) {
            HttpResponse<String> switched = anyone.get("/language?to=fr&back=" + ReturnPaths.encoded(path));
            assertThat(switched.statusCode()).as(path).isEqualTo(303);
            assertThat(switched.headers().firstValue("Location")).as(path).contains("/");
        }
    }

    @Test
    void scriptsAndStylesAreServedByNameFromTheirFolderAndLibrariesFromTheirList() {
        HttpResponse<String> script = anyone.get("/assets/selfdata.js");
        HttpResponse<String> style = anyone.get("/assets/selfdata.css");
        HttpResponse<String> map = anyone.get("/vendor/leaflet.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("fetch(path", "'X-CSRF-Token'");
        assertThat(style.headers().firstValue("Content-Type")).contains("text/css; charset=utf-8");
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.body()).contains("Leaflet");
        for (String missing : List.of("/assets/nothing.js", "/assets/Selfdata.js", "/assets/selfdata.properties",
                "/vendor/leaflet-src.js", "/index.html", "/selfdata.js", "/org/selfdata/server/openapi.json")) {
            assertThat(anyone.get(missing).statusCode()).as(missing).isEqualTo(404);
        }
        HttpResponse<String> climbing = anyone.get("/assets/..%2F..%2Fvendor.properties");
        assertThat(climbing.statusCode()).isBetween(400, 404);
        assertThat(climbing.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void noScriptBuildsMarkupFromTextOrCallsElsewhere() {
        List<String> scripts = Stream.of(Stream.of("selfdata", "consent"),
                Arrays.stream(WebPage.values()).map(WebPage::pageName),
                Arrays.stream(WebPage.values()).flatMap(page -> page.sharedScripts().stream())
                        .map(shared -> shared.substring(0, shared.length() - ".js".length())))
                .flatMap(names -> names).distinct().toList();

        for (String script : scripts) {
            HttpResponse<String> response = anyone.get("/assets/" + script + ".js");
            assertThat(response.statusCode()).as(script).isEqualTo(200);
            assertThat(response.body()).as(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML",
                    "document.write", "http://", "https://", "eval(", "new Function");
        }
    }
}
