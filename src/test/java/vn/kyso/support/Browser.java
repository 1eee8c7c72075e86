package vn.kyso.support;

import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** A headless Chromium driven through Debian's chromedriver. */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver start() {
        if (!OptionalPieces.browser()) {
            // Only reached when KYSO_REQUIRE_OPTIONAL makes a missing browser a failure
            throw new IllegalStateException("Chromium is required: apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        // Both paths given, so Selenium Manager has nothing to look up or download
        options.setBinary(OptionalPieces.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--force-device-scale-factor=1");
        // A Vietnamese official's browser; headless Chromium ignores --lang for Accept-Language
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "vi-VN,vi"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(OptionalPieces.CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
