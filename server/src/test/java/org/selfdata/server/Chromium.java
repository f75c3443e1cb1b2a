package org.selfdata.server;

import com.microsoft.playwright.Browser;
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
 * A real Chromium, headless, driven by Playwright for one test and closed after it. Playwright's own browser download
 * is never used: the browser is Debian's ({@code /usr/bin/chromium}, or {@code SELFDATA_CHROMIUM}), which
 * {@code .ci/run} installs. On a machine without one, browser tests are skipped with a message saying so.
 */
final class Chromium implements AfterEachCallback {
    /** Without the networking flags, Chromium keeps calling home from a machine that may have no way out. */
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Optional<Playwright> playwright = Optional.empty();
    private Optional<Browser> browser = Optional.empty();

    /** The browser, started on first use; skips the test when this machine has no Chromium. */
    Browser browser() {
        if (browser.isEmpty()) {
            Path executable = executable();
            Assumptions.assumeTrue(Files.isExecutable(executable),
                    "no Chromium at " + executable + ": browser tests are skipped (install Debian's chromium package, "
                            + "or name one with SELFDATA_CHROMIUM)");
            Playwright started = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            playwright = Optional.of(started);
            browser = Optional.of(started.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable).setHeadless(true).setArgs(FLAGS)));
        }
        return browser.get();
    }

    /** Where a test's screenshots are kept, as artifacts of the build. */
    static Path screenshot(String name) {
        return Path.of("target", "screenshots", name + ".png");
    }

    private static Path executable() {
        return Path.of(Optional.ofNullable(System.getenv("SELFDATA_CHROMIUM")).orElse("/usr/bin/chromium"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        browser.ifPresent(Browser::close);
        playwright.ifPresent(Playwright::close);
    }
}
