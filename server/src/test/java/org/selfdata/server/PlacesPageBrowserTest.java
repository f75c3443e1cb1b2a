package org.selfdata.server;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.selfdata.model.Person;
import org.selfdata.vault.Engine;
import org.selfdata.vault.ImportRequest;
import org.selfdata.vault.SyntheticRecords;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The places page in a real browser: on the demo vault without tiles, where the map stays plain and says so; and with
 * a tile server, played here by the browser itself, which the map asks for tiles by zoom and position.
 */
class PlacesPageBrowserTest {
    /** A pale one-pixel PNG: enough for a tile. */
    private static final byte[] TILE = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGO4++wCAAU3ApSK/PzsAAAAAElFTkSuQmCC");
    private static final String TILE_SERVER = "https://tiles.selfdata.test";
    private static final double SUMMARY_READ = 180_000;

    @RegisterExtension
    final Chromium chromium = new Chromium();
    @RegisterExtension
    final RunningServer running = new RunningServer(Engine.SQLITE);

    @Test
    void withoutTilesTheDemoMapIsPlainWithHexagonsAndTopPlacesAndThePeriodChangesTheCounts() {
        chromium.browser();
        BrowserTab tab = new BrowserTab(chromium.browser(), DemoServer.get().server()).signIn("camille", TestServers.PASSWORD);
        Page page = tab.page();
        // A summary reads each of the period's points through the gate: seconds on a busy machine, not milliseconds.
        page.setDefaultTimeout(SUMMARY_READ);
        page.setDefaultNavigationTimeout(SUMMARY_READ);
        tab.open("/places");
        page.locator("#places[aria-busy=false]").waitFor();
        tab.recordFirstPaint("places");

        assertThat(page.locator(".leaflet-overlay-pane path.hexagon").count()).isGreaterThan(50);
        int places = page.locator("#top-places tbody tr").count();
        assertThat(places).isBetween(5, 20);
        assertThat(page.locator(".leaflet-overlay-pane path.place").count()).isEqualTo(places);
        assertThat(page.locator("#top-places tbody tr").first().locator("td").first().textContent()).isNotBlank();
        assertThat(page.locator("#trips tbody tr").count()).isEqualTo(20);
        System.out.println("places API took (ms): " + page.evaluate("performance.getEntriesByType('resource')"
                + ".filter(entry => entry.name.includes('/api/v1/places')).map(entry => Math.round(entry.duration))"));
        assertThat(page.locator("#map-notice").isVisible()).isTrue();
        assertThat(page.locator("#map-notice").textContent()).startsWith("The map has no background");
        assertThat(page.locator(".leaflet-tile").count()).isZero();
        String everything = page.locator("#summary").textContent();
        assertThat(everything).startsWith("483,054 location points, ");
        tab.screenshot("places");

        page.locator("#period-year").click();
        page.waitForFunction("before => document.getElementById('summary').textContent !== before", everything,
                new Page.WaitForFunctionOptions().setTimeout(SUMMARY_READ));
        page.locator("#places[aria-busy=false]").waitFor();

        long lastYear = Long.parseLong(page.locator("#summary").textContent().split(" ")[0].replace(",", ""));
        assertThat(lastYear).isLessThan(483_054);
        assertThat(page.locator("#period-year").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(page.locator("#period-all").getAttribute("aria-pressed")).isEqualTo("false");
        tab.assertNoProblems();
    }

    @Test
    void withTilesTheMapAsksTheTileServerForTilesByZoomAndPosition() {
        Person camille = running.vault().person(Optional.of("camille"));
        running.vault().imports().write(camille.id(), new ImportRequest(SyntheticRecords.LOCATION_HISTORY, "google-records",
                "Records.json"), SyntheticRecords.points(120));
        running.start(TestServers.SETTINGS.withTiles(new MapTiles(TILE_SERVER + "/{z}/{x}/{y}.png", "© Test tiles")));
        BrowserTab tab = new BrowserTab(chromium.browser(), running.server());
        List<String> asked = new CopyOnWriteArrayList<>();
        tab.page().route(TILE_SERVER + "/**", route -> {
            asked.add(route.request().url());
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("image/png").setBodyBytes(TILE));
        });

        tab.signIn("camille", TestServers.PASSWORD).open("/places");
        Page page = tab.page();
        page.locator("#places[aria-busy=false]").waitFor();
        page.locator(".leaflet-tile-loaded").first().waitFor();

        assertThat(asked).isNotEmpty().allSatisfy(url -> assertThat(url).matches(TILE_SERVER + "/\\d+/\\d+/\\d+\\.png"));
        assertThat(page.locator("#map-notice").isHidden()).isTrue();
        assertThat(page.locator("#map-attribution").textContent()).isEqualTo("© Test tiles");
        assertThat(page.locator(".leaflet-overlay-pane path.hexagon").count()).isPositive();
        assertThat(page.locator("#top-places tbody tr").count()).isEqualTo(1);
        tab.screenshot("places-with-tiles");
        tab.assertNoProblems();
    }
}
