package org.selfdata.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.SelfdataException;
import org.selfdata.vault.Engine;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The map's tiles: given to the pages showing a map only (the places page, the page of what the data reveals), and
 * allowed by those pages' policy only when the operator set them.
 */
class PlacesPageSettingsTest {
    private static final MapTiles TILES = new MapTiles("https://tile.example/{z}/{x}/{y}.png", "© Tile Example contributors");
    private static final String DEFAULT_IMAGES = "img-src 'self';";

    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);

    @Test
    void withTilesOnlyThePagesShowingAMapGetThemAndMayLoadImagesFromTheirOrigin() {
        PageSettings settings = new PageSettings(ServerSettings.defaults().withTiles(TILES));

        for (WebPage page : List.of(WebPage.PLACES, WebPage.REVEAL)) {
            assertThat(settings.of(page)).as(page.pageName()).isEqualTo(Map.of("tiles",
                    "https://tile.example/{z}/{x}/{y}.png", "tiles-attribution", "© Tile Example contributors"));
            assertThat(settings.contentSecurityPolicy(page)).as(page.pageName()).hasValueSatisfying(policy ->
                    assertThat(policy).contains("img-src 'self' data: https://tile.example;", "script-src 'self';",
                            "connect-src 'self';"));
        }
        for (WebPage page : WebPage.values()) {
            if (page != WebPage.PLACES && page != WebPage.REVEAL) {
                assertThat(settings.of(page)).as(page.pageName()).isEmpty();
                assertThat(settings.contentSecurityPolicy(page)).as(page.pageName()).isEmpty();
            }
        }
    }

    @Test
    void withoutTilesNoPageLoadsAnythingFromElsewhere() {
        PageSettings settings = new PageSettings(ServerSettings.defaults());

        for (WebPage page : WebPage.values()) {
            assertThat(settings.of(page)).as(page.pageName()).isEmpty();
            assertThat(settings.contentSecurityPolicy(page)).as(page.pageName()).isEmpty();
        }
    }

    @Test
    void theServedPagesShowingAMapCarryTheTilesAndTheirPolicyWhileOtherPagesKeepTheDefault() {
        running.start(TestServers.SETTINGS.withTiles(TILES));
        ApiClient camille = running.camille();

        HttpResponse<String> money = camille.get("/money");

        for (String mapped : List.of("/places", "/reveal")) {
            HttpResponse<String> page = camille.get(mapped);
            assertThat(page.body()).as(mapped).contains("data-tiles=\"https://tile.example/{z}/{x}/{y}.png\"",
                    "data-tiles-attribution=\"© Tile Example contributors\"");
            assertThat(page.headers().allValues("Content-Security-Policy")).as(mapped).singleElement().asString()
                    .contains("img-src 'self' data: https://tile.example;");
        }
        assertThat(money.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .contains(DEFAULT_IMAGES).doesNotContain("tile.example");
    }

    @Test
    void withoutTilesThePlacesPageKeepsTheDefaultPolicy() {
        running.start();

        HttpResponse<String> places = running.camille().get("/places");

        assertThat(places.headers().allValues("Content-Security-Policy")).singleElement().asString()
                .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(places.body()).contains("data-tiles=\"\"");
    }

    @Test
    void aSubdomainPlaceholderBecomesAWildcardAndAPortIsKept() {
        assertThat(new MapTiles("https://{s}.tile.example/{z}/{x}/{y}.png", "").origin()).isEqualTo("https://*.tile.example");
        assertThat(new MapTiles("http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png", "").origin())
                .isEqualTo("http://127.0.0.1:8081");
    }

    @Test
    void anAddressThatCouldBreakOutOfTheMarkupOrThePolicyIsRefused() {
        assertThatThrownBy(() -> new MapTiles("https://tile.example/{z}/{x}/{y}.png; script-src *", ""))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the tiles' address must be a URL of at most 512 plain characters");
        assertThatThrownBy(() -> new MapTiles("https://tile.example/\"{z}/{x}/{y}.png", ""))
                .isInstanceOf(SelfdataException.class);
        assertThatThrownBy(() -> new MapTiles("https://tile.example/tiles.png", ""))
                .isInstanceOf(SelfdataException.class)
                .hasMessage("the tiles' address must hold {z}, {x} and {y}, such as https://tile.example/{z}/{x}/{y}.png");
        assertThatThrownBy(() -> new MapTiles("javascript:{z}{x}{y}", "")).isInstanceOf(SelfdataException.class);
        assertThatThrownBy(() -> new MapTiles("https://tile.example/{z}/{x}/{y}.png", "line\nbreak"))
                .isInstanceOf(SelfdataException.class);
    }

    @Test
    void serverSettingsHaveNoTilesUnlessGiven() {
        assertThat(ServerSettings.defaults().tiles()).isEqualTo(Optional.empty());
        assertThat(ServerSettings.defaults().withTiles(TILES).withPort(0).tiles()).contains(TILES);
    }
}
