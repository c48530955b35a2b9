package io.hounsfield;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, headless, with nothing reaching out to the network. Playwright
 * downloads no browser of its own.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String baseUrl;

    public Browser(String baseUrl) {
        // A loaded two-core machine answers slower than Playwright's default 5 s expects.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        this.baseUrl = baseUrl;
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** A new page in its own context (own cookies), logged in as {@code username}. */
    public Page loggedIn(String username, String password) {
        return loggedIn(username, password, 1280, 900);
    }

    /** As {@link #loggedIn(String, String)}, in a window of {@code width} by {@code height} CSS pixels. */
    public Page loggedIn(String username, String password, int width, int height) {
        Page page = loggedOut(width, height);
        page.navigate(baseUrl + "/login");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button[type=submit]");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    /** A new page in its own context, not logged in. */
    public Page loggedOut(int width, int height) {
        return chromium.newContext(new NewContextOptions().setViewportSize(width, height)).newPage();
    }

    public String url(String path) {
        return baseUrl + path;
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
