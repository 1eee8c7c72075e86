package vn.kyso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.kyso.support.BrowserPages;
import vn.kyso.support.RequiresBrowser;

/** A registrar imports tokens on the page: the dry run row by row, a rejected file, then the real run. */
@RequiresBrowser
class ImportPagesBrowserTest extends BrowserPages {

    @Test
    void aRegistrarDryRunsAFileFixesItAndAppliesIt() throws Exception {
        String agency = newAgency("Sở Xây dựng");
        String good = unique("TKW");
        String other = unique("TKV");
        Path dir = Files.createTempDirectory("kyso-import-page-");
        Path bad = dir.resolve("thiet-bi.csv");
        Files.writeString(bad, "Số serial,Loại thiết bị,Mã đơn vị,Ngày nhận\n" + good + ",SAFENET-5110," + agency
                + ",05/01/2026\n" + other + ",KHONG-CO,,05/01/2026\n", StandardCharsets.UTF_8);

        signIn(account("REGISTRAR", "Nguyễn Hữu Phước"));
        browser.get(url("/imports"));
        assertThat(text("h1")).isEqualTo("Nhập dữ liệu sẵn có");
        new Select(browser.findElement(By.id("kind"))).selectByValue("TOKENS");
        browser.findElement(By.id("file")).sendKeys(bad.toString());
        browser.findElement(By.cssSelector("#import-form button")).click();
        // the dry run runs in the background; the page reloads itself until it is done
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBe(By.id("import-status"), "Bị từ chối"));
        assertThat(text("[role=alert]")).contains("dòng 3");
        assertThat(text("#import-rows")).contains(other, "Từ chối", "KHONG-CO");
        assertThat(browser.findElements(By.id("import-apply"))).isEmpty();

        Path fixed = dir.resolve("thiet-bi-da-sua.csv");
        Files.writeString(fixed, Files.readString(bad).replace("KHONG-CO", "BIT4ID-TOKENME"), StandardCharsets.UTF_8);
        browser.get(url("/imports"));
        new Select(browser.findElement(By.id("kind"))).selectByValue("TOKENS");
        browser.findElement(By.id("file")).sendKeys(fixed.toString());
        browser.findElement(By.cssSelector("#import-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBe(By.id("import-status"), "Chạy thử đạt"));
        assertThat(text("#import-counts")).startsWith("2 mới");
        screenshot("import-dry-run");
        assertThat(admin().get("/api/v1/tokens/" + good).status()).isEqualTo(404);

        browser.findElement(By.cssSelector("#import-apply button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.textToBe(By.id("import-status"), "Đã áp dụng"));
        assertThat(admin().get("/api/v1/tokens/" + good).text("custodianAgencyCode")).isEqualTo(agency);
        assertThat(admin().get("/api/v1/tokens/" + other).text("model")).isEqualTo("BIT4ID-TOKENME");

        String csv = browser.findElement(By.cssSelector("a[href$='result.csv']")).getAttribute("href");
        HttpResponse<byte[]> result = inSession(csv);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).contains(good + ",CREATE");

        browser.get(url("/imports"));
        assertThat(text("#import-jobs")).contains("thiet-bi-da-sua.csv", "Đã áp dụng", "thiet-bi.csv", "Bị từ chối");
    }

    @Test
    void otherRolesDoNotImport() {
        signIn(account("CLERK", "Phạm Thu Trang"));
        browser.get(url("/imports"));
        assertThat(browser.findElements(By.id("import-form"))).isEmpty();
    }

    private String account(String role, String fullName) {
        String username = unique("imp").toLowerCase();
        var created = admin().post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "fullName", fullName, "roles", List.of(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    private void signIn(String username) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
