package vn.kyso.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Kyso on SQLite and one headless Chromium for a class of page tests, signed out before each
 * test. Screenshots go to target/screenshots, or to -Dkyso.screenshots=docs/screenshots to
 * refresh the README's. Subclasses carry @RequiresBrowser.
 */
public abstract class BrowserPages extends SqliteContext {

    protected static final String PASSWORD = "Mật khẩu dài 2026!";
    protected static ChromeDriver browser;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void signedOut() {
        browser.manage().deleteAllCookies();
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The element's text; read again if the page was replaced between finding the element and reading it. */
    protected String text(String css) {
        for (int attempt = 0; ; attempt++) {
            try {
                return browser.findElement(By.cssSelector(css)).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    /** Waits until the element's text is exactly {@code expected}: the page after a click may still be loading. */
    protected void waitForText(String css, String expected) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(By.cssSelector(css), expected));
    }

    protected WebElement waitFor(By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** A GET with the browser's session cookie: what a click on a download link sends. */
    protected HttpResponse<byte[]> inSession(String address) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    protected void screenshot(String name) throws Exception {
        Path dir = Path.of(System.getProperty("kyso.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page, not just the first screenful, for long pages. */
    protected void screenshotWholePage(String name) throws Exception {
        Dimension before = browser.manage().window().getSize();
        // the window is taller than what it shows by its own frame, which differs between versions
        long height = (Long) browser.executeScript(
                "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(5000, height)));
        try {
            screenshot(name);
        } finally {
            browser.manage().window().setSize(before);
        }
    }
}
