package vn.kyso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import org.springframework.beans.factory.annotation.Autowired;

import vn.kyso.common.db.Db;
import vn.kyso.support.RequiresBrowser;
import vn.kyso.support.BrowserPages;
import vn.kyso.support.TestPki;

/**
 * The administrator's and the auditor's pages in a real headless Chromium: accounts, trust anchors
 * and the policy changed through the forms, then read back in the audit log. Screenshots as in
 * {@link VerifyPagesBrowserTest}.
 */
@RequiresBrowser
class AuditAdminPagesBrowserTest extends BrowserPages {

    @TempDir
    Path files;

    @Autowired
    Db db;

    @Test
    void anAdministratorChangesThingsAndAnAuditorSeesThem() throws Exception {
        var policyBefore = admin().get("/api/v1/validation-policy").json();
        try {
            signIn("admin", Files.readString(dataDir().resolve("initial-admin-password"), StandardCharsets.UTF_8).strip());
            browser.findElement(By.linkText("Quản trị")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/admin/users");

            // Nothing filled in: each field says what is wrong, next to it
            submit("form.upload");
            assertThat(text("#username-error")).contains("Tên đăng nhập phải dài từ 3 đến 64 ký tự");
            assertThat(text("#fullName-error")).isEqualTo("Vui lòng nhập họ và tên (tối đa 200 ký tự).");
            assertThat(text("#roles-error")).isEqualTo("Vui lòng chọn ít nhất một vai trò.");
            browser.executeScript("document.getElementById('password').scrollIntoView()");
            screenshot("admin-users-errors");

            String auditor = unique("kiemtoan");
            type("username", auditor);
            type("fullName", "Vũ Thị Hà");
            type("password", "ngắn");
            browser.findElement(By.id("role-AUDITOR")).click();
            browser.findElement(By.id("role-AGENCY_OFFICER")).click();
            submit("form.upload");
            // Both of the service's refusals at once, each by its field
            assertThat(text("#password-error")).isEqualTo("Mật khẩu phải có ít nhất 12 ký tự.");
            assertThat(text("#agencyCode-error")).isEqualTo("Cán bộ cơ quan phải gắn với một cơ quan.");
            assertThat(browser.findElement(By.id("role-AUDITOR")).isSelected()).isTrue();
            browser.findElement(By.id("role-AGENCY_OFFICER")).click();
            type("password", PASSWORD);
            submit("form.upload");
            assertThat(text("p.notice")).isEqualTo("Đã tạo người dùng " + auditor + ".");
            assertThat(text("table")).contains(auditor, "Vũ Thị Hà", "Kiểm toán viên");
            screenshot("admin-users");

            // A lock as too many wrong passwords leave it; set directly so no client gets throttled
            jdbc().sql("UPDATE app_user SET failed_logins = 5, locked_until = ? WHERE username = ?")
                    .params(db.instant(java.time.Instant.now().plusSeconds(3600)), auditor).update();
            browser.navigate().refresh();
            click(By.cssSelector("button[aria-label='Mở khóa tài khoản " + auditor + "']"));
            assertThat(text("p.notice")).isEqualTo("Đã mở khóa tài khoản " + auditor + ".");
            assertThat(browser.findElements(By.cssSelector("form.inline button"))).isEmpty();

            browser.findElement(By.linkText("Chứng thư gốc tin cậy")).click();
            type("name", "Gốc thử nghiệm");
            type("pem", "đây không phải chứng thư");
            submit("form.upload");
            assertThat(text("#pem-error")).isEqualTo("Không đọc được chứng thư số: hãy gửi PEM, DER hoặc gói PKCS#7.");
            var ca = new TestPki.OutsideCa(unique(""));
            Path root = Files.writeString(files.resolve("goc.crt"), TestPki.pem(ca.root));
            browser.findElement(By.id("pem")).clear();
            browser.findElement(By.id("file")).sendKeys(root.toString());
            submit("form.upload");
            assertThat(text("p.notice")).isEqualTo("Đã thêm chứng thư gốc Gốc thử nghiệm.");
            assertThat(text("table")).contains("Gốc thử nghiệm", "RootCA chuyên dùng thử nghiệm");
            screenshot("admin-trust-anchors");

            browser.findElement(By.linkText("Chính sách kiểm tra")).click();
            type("minRsaBits", "512");
            submit("form.upload");
            assertThat(text("#minRsaBits-error")).isEqualTo("Hãy nhập một số nguyên từ 1024 đến 16384.");
            type("minRsaBits", "3072");
            submit("form.upload");
            assertThat(text("p.notice")).isEqualTo("Đã lưu chính sách kiểm tra.");
            assertThat(browser.findElement(By.id("minRsaBits")).getAttribute("value")).isEqualTo("3072");
            browser.executeScript("document.querySelector('fieldset.choices').scrollIntoView()");
            screenshot("admin-policy");
            browser.findElement(By.linkText("English")).click();
            assertThat(text("h1")).isEqualTo("Validation policy");
            assertThat(text("label[for=minRsaBits]")).isEqualTo("Minimum RSA key size (bits)");
            browser.findElement(By.linkText("Tiếng Việt")).click();

            browser.manage().deleteAllCookies();
            signIn(auditor, PASSWORD);
            browser.findElement(By.linkText("Nhật ký kiểm toán")).click();
            assertThat(text("p.chain")).startsWith("Chuỗi nhật ký toàn vẹn (");
            assertThat(browser.findElement(By.cssSelector("p.chain")).getAttribute("class")).contains("ok");
            assertThat(text("table")).contains("user.create", auditor, "trust-anchor.add", "Gốc thử nghiệm",
                    "validation-policy.update");
            // The newest entry is the policy change, summarised as the one value that moved
            WebElement change = browser.findElement(By.cssSelector("table tbody tr details.change"));
            assertThat(change.getText()).isEqualTo("Xem thay đổi (1)");
            change.findElement(By.tagName("summary")).click();
            assertThat(change.getText()).contains("policy.minRsaBits", "2048 → 3072");
            screenshot("audit");

            type("actor", "admin");
            type("entityType", "user");
            submit("form.filters");
            List<String> actors = browser.findElements(By.cssSelector("table tbody tr td:nth-child(3)")).stream()
                    .map(WebElement::getText).distinct().toList();
            assertThat(actors).containsExactly("admin");
            assertThat(text("table")).contains(auditor).doesNotContain("trust-anchor.add");
            assertThat(browser.findElement(By.id("actor")).getAttribute("value")).isEqualTo("admin");
        } finally {
            // The database is shared with other test classes, which expect the default policy
            admin().put("/api/v1/validation-policy", policyBefore);
        }
    }

    @Test
    void aClerkIsKeptOutAndAnEditedEntryIsNamed() throws Exception {
        String clerk = newUserName("CLERK");
        signIn(clerk, PASSWORD);
        assertThat(text("header nav")).doesNotContain("Nhật ký kiểm toán", "Quản trị");
        assertThat(statusInSession("/audit")).isEqualTo(403);
        assertThat(statusInSession("/admin/users")).isEqualTo(403);
        assertThat(statusInSession("/admin/policy")).isEqualTo(403);

        browser.manage().deleteAllCookies();
        signIn(newUserName("AUDITOR"), PASSWORD);
        long seq = jdbc().sql("SELECT MAX(seq) FROM audit_entry").query(Long.class).single();
        String actor = jdbc().sql("SELECT actor FROM audit_entry WHERE seq = ?").param(seq).query(String.class).single();
        jdbc().sql("UPDATE audit_entry SET actor = ? WHERE seq = ?").params(actor + "x", seq).update();
        try {
            browser.get(url("/audit"));
            assertThat(text("p.chain")).isEqualTo("Bản ghi #" + seq + " đã bị sửa");
            assertThat(browser.findElement(By.cssSelector("p.chain")).getAttribute("class")).contains("bad");
        } finally {
            jdbc().sql("UPDATE audit_entry SET actor = ? WHERE seq = ?").params(actor, seq).update();
        }
        browser.get(url("/audit?from=hôm-qua"));
        assertThat(text("#from-error")).startsWith("Ngày không hợp lệ");
    }

    private String newUserName(String role) {
        String username = unique("web").toLowerCase();
        var created = admin().post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "fullName", "Người dùng " + username, "roles", List.of(role)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    private void signIn(String username, String password) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void type(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private void submit(String form) {
        click(By.cssSelector(form + " button[type=submit]"));
    }

    /** Clicks and waits for the next page, so the assertions read that page and not this one. */
    private void click(By by) {
        WebElement old = browser.findElement(By.tagName("main"));
        browser.findElement(by).click();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // Chromium sometimes answers a question about a node of the old page with an inspector error
        // instead of "stale element": both mean the old page is gone.
        wait.until(driver -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        // The old page is gone once its main element is stale; the new one may still be loading.
        wait.until(driver -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.readyState")));
    }

    private int statusInSession(String path) throws Exception {
        return inSession(url(path)).statusCode();
    }

}
