package vn.kyso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.kyso.support.Api;
import vn.kyso.support.SignedSample;
import vn.kyso.support.RequiresBrowser;
import vn.kyso.support.BrowserPages;

/**
 * The clerk's pages in a real headless Chromium: sign in through the form, upload, read the card,
 * open the checks, fetch the receipt, switch language, and what another role may not see.
 * Screenshots go to target/screenshots, or to -Dkyso.screenshots=docs/screenshots to refresh the README's.
 */
@RequiresBrowser
class VerifyPagesBrowserTest extends BrowserPages {

    @TempDir
    Path files;

    record Account(String username, String fullName) {
    }

    @Test
    void aClerkSeesAValidAndATamperedDocument() throws Exception {
        SignedSample sample = SignedSample.issue(this, "Nguyễn Thị Thu Trang", "Ủy ban nhân dân xã Đạ Tẻh");
        Account clerk = account("CLERK", null, "Trần Văn Bình");
        browser.get(url("/login"));
        screenshot("login");
        signIn(clerk);
        assertThat(text("header")).contains("Trần Văn Bình", "Văn thư", "Kiểm tra chữ ký");

        browser.get(url("/verify"));
        screenshot("upload-form");
        browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
        assertThat(waitFor(By.id("document-error")).getText()).isEqualTo("Vui lòng chọn văn bản cần kiểm tra.");

        String validId = upload(file("cong-van-45.p7m", sample.valid()));
        WebElement card = browser.findElement(By.cssSelector("section.verdict"));
        assertThat(card.getAttribute("class")).contains("ok");
        assertThat(card.findElement(By.tagName("h1")).getText()).contains("Hợp lệ");
        assertThat(text("section.signature")).contains("Nguyễn Thị Thu Trang", "Ủy ban nhân dân xã Đạ Tẻh",
                "Không có dấu thời gian");
        WebElement details = browser.findElement(By.cssSelector("details.checks"));
        WebElement firstCheck = details.findElement(By.cssSelector("li"));
        assertThat(firstCheck.isDisplayed()).isFalse();
        details.findElement(By.tagName("summary")).click();
        assertThat(details.getAttribute("open")).isNotNull();
        assertThat(firstCheck.isDisplayed()).isTrue();
        assertThat(firstCheck.getText()).contains("Đạt");
        screenshot("valid");

        String receipt = browser.findElement(By.linkText("Tải biên nhận (PDF)")).getAttribute("href");
        assertThat(receipt).endsWith("/verify/" + validId + "/receipt.pdf");
        HttpResponse<byte[]> pdf = inSession(receipt);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        browser.findElement(By.linkText("English")).click();
        assertThat(browser.findElement(By.cssSelector("section.verdict h1")).getText()).contains("Valid");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(text("section.signature")).contains("No timestamp");
        browser.findElement(By.linkText("Tiếng Việt")).click();
        assertThat(browser.findElement(By.cssSelector("section.verdict h1")).getText()).contains("Hợp lệ");

        browser.get(url("/verify"));
        upload(file("cong-van-45-da-sua.p7m", sample.tampered()));
        card = browser.findElement(By.cssSelector("section.verdict"));
        assertThat(card.getAttribute("class")).contains("bad");
        assertThat(card.findElement(By.tagName("h1")).getText()).contains("Không hợp lệ");
        browser.findElement(By.cssSelector("details.checks summary")).click();
        assertThat(text("details.checks")).contains("Không đạt");
        screenshot("invalid");

        browser.findElement(By.linkText("Lịch sử kiểm tra")).click();
        assertThat(text("table")).contains("cong-van-45.p7m", "cong-van-45-da-sua.p7m", "Hợp lệ", "Không hợp lệ");
        browser.findElement(By.linkText("cong-van-45.p7m")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/verify/" + validId);
    }

    @Test
    void anAgencyOfficerCannotOpenAClerksVerification() throws Exception {
        SignedSample sample = SignedSample.issue(this, "Lê Văn Cường", "Sở Nội vụ");
        Account clerk = account("CLERK", null, "Phạm Thị Dung");
        var made = Api.at(port()).as(clerk.username(), PASSWORD).postMultipart("/api/v1/verifications",
                new Api.Part("document", "to-trinh.p7m", sample.valid()));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);

        Account officer = account("AGENCY_OFFICER", newAgency("Ủy ban nhân dân huyện Lạc Dương"), "Hoàng Minh Đức");
        signIn(officer);
        assertThat(text("header")).contains("Cán bộ cơ quan", "Kiểm tra chữ ký");
        browser.get(url("/verify/" + made.text("id")));
        assertThat(text("main")).contains("Không tìm thấy").doesNotContain("Lê Văn Cường");
        assertThat(inSession(url("/verify/" + made.text("id"))).statusCode()).isEqualTo(404);
        assertThat(inSession(url("/verify/" + made.text("id") + "/receipt.pdf")).statusCode()).isEqualTo(404);
        browser.get(url("/verify/history"));
        assertThat(text("main")).doesNotContain("to-trinh.p7m");
    }

    @Test
    void anAuditorIsNotOfferedTheUploadForm() throws Exception {
        signIn(account("AUDITOR", null, "Vũ Thị Hà"));
        assertThat(text("header nav")).contains("Trang chủ", "Lịch sử kiểm tra").doesNotContain("Kiểm tra chữ ký");
        assertThat(inSession(url("/verify")).statusCode()).isEqualTo(403);
    }

    @Test
    void aFileOverTheLimitIsRefusedWithAClearMessage() throws Exception {
        signIn(account("CLERK", null, "Đỗ Quang Huy"));
        Path big = files.resolve("qua-lon.pdf");
        try (RandomAccessFile out = new RandomAccessFile(big.toFile(), "rw")) {
            out.setLength(50L * 1024 * 1024 + 256 * 1024);
        }
        // In the browser: refused before the upload starts, next to the field
        browser.get(url("/verify"));
        browser.findElement(By.id("document")).sendKeys(big.toString());
        browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
        assertThat(waitFor(By.id("document-error")).getText()).isEqualTo("Tệp lớn hơn mức tối đa 50 MB.");
        assertThat(browser.getCurrentUrl()).endsWith("/verify");

        // Without the script (or with another client): the server answers with a page, not a stack trace
        browser.get(url("/verify"));
        browser.executeScript("document.getElementById('document').removeAttribute('data-max-bytes')");
        browser.findElement(By.id("document")).sendKeys(big.toString());
        browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.titleContains("413"));
        assertThat(text("main")).contains("Quá lớn", "Tệp tải lên lớn hơn mức cho phép.").doesNotContain("Exception");
        assertThat(text("header")).contains("Đỗ Quang Huy");
    }

    private Account account(String role, String agency, String fullName) {
        String username = unique("web").toLowerCase();
        var body = new java.util.HashMap<String, Object>(Map.of("username", username, "password", PASSWORD,
                "fullName", fullName, "roles", List.of(role)));
        if (agency != null) {
            body.put("agencyCode", agency);
        }
        var created = admin().post("/api/v1/users", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Account(username, fullName);
    }

    private void signIn(Account account) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(account.username());
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Submits the form with {@code document} and returns the id the verdict page shows. */
    private String upload(Path document) {
        browser.findElement(By.id("document")).sendKeys(document.toString());
        browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.verdict")));
        String current = browser.getCurrentUrl();
        return current.substring(current.lastIndexOf('/') + 1);
    }

    private Path file(String name, byte[] content) throws Exception {
        return Files.write(files.resolve(name), content);
    }

}
