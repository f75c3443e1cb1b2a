package org.selfdata.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser tab on selfdata's web interface, in English unless told otherwise, that remembers every console error,
 * uncaught exception and failed request it saw, so that a test can say none happened: a page blocked by its content
 * security policy, or calling a route that answers an error, fails its test.
 */
final class BrowserTab {
    private static final Path FIRST_PAINTS = Path.of("target", "first-paint.tsv");
    private static final String MEASURE = """
            () => {
                const paint = performance.getEntriesByName('first-contentful-paint')[0];
                const navigation = performance.getEntriesByType('navigation')[0];
                const resources = performance.getEntriesByType('resource');
                const api = resources.filter(resource => new URL(resource.name).pathname.startsWith('/api/'));
                return {
                    firstPaint: paint ? Math.round(paint.startTime) : -1,
                    requests: resources.length + 1,
                    bytes: navigation.transferSize + resources.reduce((sum, resource) => sum + resource.transferSize, 0),
                    apiRequests: api.length,
                    apiBytes: api.reduce((sum, resource) => sum + resource.transferSize, 0)
                };
            }""";

    /**
     * Routes a page asks for that a server may not offer, whose 404 the page expects and answers by leaving a part
     * out: the findings of the sources besides locations, on the page of what the data reveals.
     */
    private static final List<String> OPTIONAL_ROUTES = List.of("/api/v1/reveal/money", "/api/v1/reveal/agenda");

    private final Page page;
    private final String base;
    private final List<String> problems = new ArrayList<>();

    BrowserTab(Browser browser, SelfdataServer server) {
        this(browser, server, "en-GB");
    }

    BrowserTab(Browser browser, SelfdataServer server, String locale) {
        this(browser, new Browser.NewContextOptions().setLocale(locale), server);
    }

    /** A tab whose browser lives in this time zone, such as America/Montreal, whatever the person's is. */
    static BrowserTab inZone(Browser browser, SelfdataServer server, String zone) {
        return new BrowserTab(browser, new Browser.NewContextOptions().setLocale("en-GB").setTimezoneId(zone), server);
    }

    private BrowserTab(Browser browser, Browser.NewContextOptions options, SelfdataServer server) {
        BrowserContext context = browser.newContext(options.setViewportSize(1280, 900));
        this.page = context.newPage();
        this.base = server.url().substring(0, server.url().length() - 1);
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") && !(message.text().contains("status of 404") && optional(message.location()))) {
                problems.add("console: " + message.text() + " at " + message.location());
            }
        });
        page.onPageError(error -> problems.add("uncaught: " + error));
        page.onResponse(response -> {
            if (response.status() >= 400 && !(response.status() == 404 && optional(response.url()))) {
                problems.add(response.status() + " " + response.request().method() + " " + response.url());
            }
        });
    }

    Page page() {
        return page;
    }

    /** Whether an address is one of the routes a page expects a server may not offer. */
    private boolean optional(String address) {
        return OPTIONAL_ROUTES.stream().anyMatch(route -> address.startsWith(base + route));
    }

    /** Opens a path of the server, such as {@code /money}, and waits until the page has fetched what it shows. */
    BrowserTab open(String path) {
        page.navigate(base + path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return this;
    }

    BrowserTab signIn(String handle, String password) {
        open("/sign-in");
        page.locator("#sign-in-handle").fill(handle);
        page.locator("#sign-in-password").fill(password);
        page.locator("#sign-in-form button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/sign-in"));
        page.waitForLoadState(LoadState.NETWORKIDLE);
        return this;
    }

    /** Nothing went wrong in the tab: no console error, no uncaught exception, no response with an error status. */
    void assertNoProblems() {
        assertThat(problems).as("problems seen in the browser").isEmpty();
    }

    /** Forgets the problems seen so far, after a step meant to provoke one. */
    void forgetProblems() {
        problems.clear();
    }

    /** A full-page screenshot under target/screenshots, kept as a build artifact. */
    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot(name)).setFullPage(true));
    }

    /**
     * What the page now open took: its first contentful paint, and what it loaded. Written to
     * target/first-paint.tsv as a report; no test asserts a time, since machines differ.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> recordFirstPaint(String name) {
        Map<String, Object> measured = (Map<String, Object>) page.evaluate(MEASURE);
        String line = String.join("\t", name, String.valueOf(measured.get("firstPaint")),
                String.valueOf(measured.get("requests")), String.valueOf(measured.get("bytes")),
                String.valueOf(measured.get("apiRequests")), String.valueOf(measured.get("apiBytes"))) + "\n";
        try {
            Files.createDirectories(FIRST_PAINTS.getParent());
            if (!Files.exists(FIRST_PAINTS)) {
                Files.writeString(FIRST_PAINTS, "page\tfirst paint (ms)\trequests\tbytes\tAPI requests\tAPI bytes\n");
            }
            Files.writeString(FIRST_PAINTS, line, StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return measured;
    }
}
