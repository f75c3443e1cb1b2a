package org.selfdata.server;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Chromium, headless, driven by Playwright. One browser serves every browser test of a test run, started on first
 * use and closed when the run ends, since starting Playwright's driver and a browser costs seconds each time; each test
 * works in browser contexts of its own (cookies, storage and cache apart), which are closed after it, so that no test
 * sees another's session. Playwright's own browser download is never used: the browser is Debian's, its headless shell
 * ({@code /usr/bin/chromium-headless-shell}, which {@code .ci/run} installs: Blink and V8 as in the browser, without
 * the desktop browser's processes, so that the browser tests take about a quarter less processor time) or else the
 * whole browser ({@code /usr/bin/chromium}), or the one {@code SELFDATA_CHROMIUM} names. On a machine without one,
 * browser tests are skipped with a message saying so.
 */
final class Chromium implements AfterEachCallback {
    /** Without the networking flags, Chromium keeps calling home from a machine that may have no way out. */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private static Optional<Playwright> playwright = Optional.empty();
    private static Optional<Browser> browser = Optional.empty();

    /**
     * The browser, started on first use (or again if it went away); skips the test when this machine has no Chromium.
     */
    Browser browser() {
        return shared();
    }

    private static synchronized Browser shared() {
        if (browser.isPresent() && browser.get().isConnected()) {
            return browser.get();
        }
        Path executable = executable();
        Assumptions.assumeTrue(Files.isExecutable(executable),
                "no Chromium at " + executable + ": browser tests are skipped (install Debian's chromium-headless-shell "
                        + "or chromium package, or name one with SELFDATA_CHROMIUM)");
        closeShared();
        Playwright started = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        playwright = Optional.of(started);
        browser = Optional.of(started.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable).setHeadless(true).setArgs(FLAGS)));
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(Chromium::closeShared));
        return browser.get();
    }

    private static synchronized void closeShared() {
        browser.ifPresent(Browser::close);
        playwright.ifPresent(Playwright::close);
        browser = Optional.empty();
        playwright = Optional.empty();
    }

    /** Where a test's screenshots are kept, as artifacts of the build. */
    static Path screenshot(String name) {
        return Path.of("target", "screenshots", name + ".png");
    }

    private static Path executable() {
        Optional<String> named = Optional.ofNullable(System.getenv("SELFDATA_CHROMIUM"));
        if (named.isPresent()) {
            return Path.of(named.get());
        }
        Path shell = Path.of("/usr/bin/chromium-headless-shell");
        return Files.isExecutable(shell) ? shell : Path.of("/usr/bin/chromium");
    }

    /** Closes the contexts the test opened, with their pages, so that the next test starts from a clean browser. */
    @Override
    public void afterEach(ExtensionContext context) {
        synchronized (Chromium.class) {
            browser.ifPresent(started -> List.copyOf(started.contexts()).forEach(BrowserContext::close));
        }
    }
}
