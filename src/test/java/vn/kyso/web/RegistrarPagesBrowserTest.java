package vn.kyso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.kyso.support.RequiresBrowser;
import vn.kyso.support.BrowserPages;
import vn.kyso.support.TestPki;

/**
 * The registrar's token and certificate pages in a real headless Chromium. Screenshots go to
 * target/screenshots, or to -Dkyso.screenshots=docs/screenshots to refresh the README's.
 */
@RequiresBrowser
class RegistrarPagesBrowserTest extends BrowserPages {

    @Test
    void aRegistrarReportsAHandedOverTokenLostAndItsCertificateIsRevoked() throws Exception {
        String agency = newAgency("Sở Tư pháp tỉnh Lâm Đồng");
        Person holder = newIndividual(agency, "Nguyễn Thị Lan Anh");
        String token = tokenHandedOver(agency, holder);
        String certificate = issue(holder, token);

        signIn(account("REGISTRAR", "Trần Đức Thắng"));
        assertThat(text("header nav")).contains("Thiết bị lưu khóa", "Chứng thư số");
        browser.get(url("/tokens?q=" + token));
        browser.findElement(By.linkText(token)).click();
        assertThat(text("h1")).isEqualTo("Thiết bị " + token);
        assertThat(text("#token-state")).isEqualTo("Đang sử dụng");
        assertThat(text("main dl")).contains("Nguyễn Thị Lan Anh", "Sở Tư pháp tỉnh Lâm Đồng");
        // From IN_USE the table allows these four to a registrar, and nothing else is offered
        assertThat(browser.findElements(By.cssSelector("form.action")).stream().map(f -> f.getAttribute("id")))
                .containsExactlyInAnyOrder("action-report-locked", "action-report-lost", "action-report-damaged",
                        "action-return");
        assertThat(text("#history")).contains("Bàn giao cho thuê bao", "Nguyễn Thị Lan Anh");

        String record = browser.findElement(By.cssSelector("a[href*='/tokens/records/']")).getAttribute("href");
        HttpResponse<byte[]> pdf = inSession(record);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");

        WebElement lost = browser.findElement(By.id("action-report-lost"));
        lost.findElement(By.name("note")).sendKeys("Mất khi đi công tác huyện Đam Rông");
        lost.findElement(By.cssSelector("button")).click();
        waitFor(By.cssSelector("[role=status]"));
        assertThat(text("[role=status]")).contains("Báo mất", "Bị mất", certificate);
        assertThat(text("#token-state")).isEqualTo("Bị mất");
        assertThat(text("#history")).contains("Báo mất", "Bị mất", "Mất khi đi công tác huyện Đam Rông");
        assertThat(browser.findElements(By.cssSelector("form.action")).stream().map(f -> f.getAttribute("id")))
                .containsExactly("action-retire");
        screenshot("token", 1700);

        browser.findElement(By.linkText(certificate)).click();
        assertThat(text("#certificate-status")).isEqualTo("Đã thu hồi");
        assertThat(text("#revocation-reason")).contains("Khóa bí mật bị lộ", "Mất thiết bị lưu khóa bí mật");
        assertThat(browser.findElements(By.id("revoke"))).isEmpty();
    }

    @Test
    void aMoveMadeStaleByAnotherIsRefusedInThePagesLanguage() throws Exception {
        String agency = newAgency("Sở Y tế");
        Person holder = newIndividual(agency, "Phạm Văn Khải");
        String token = tokenHandedOver(agency, holder);
        signIn(account("REGISTRAR", "Lê Thị Mai"));
        browser.get(url("/tokens/" + token));
        // Someone else moves the token while the page is open
        assertThat(admin().post("/api/v1/tokens/" + token + "/report-damaged", Map.of()).status()).isEqualTo(200);
        browser.findElement(By.cssSelector("#action-report-locked button")).click();
        assertThat(waitFor(By.cssSelector("[role=alert]")).getText()).isNotBlank().doesNotContain("error.");
        assertThat(text("#token-state")).isEqualTo("Bị hỏng");
    }

    @Test
    void anAuditorReadsTokensButIsOfferedNoMove() throws Exception {
        String agency = newAgency("Sở Xây dựng");
        String token = tokenHandedOver(agency, newIndividual(agency, "Võ Thị Hồng"));
        signIn(account("AUDITOR", "Đinh Văn Nam"));
        browser.get(url("/tokens/" + token));
        assertThat(text("#token-state")).isEqualTo("Đang sử dụng");
        assertThat(browser.findElements(By.cssSelector("form.action"))).isEmpty();
        assertThat(inSession(url("/certificates/bulk-revocation")).statusCode()).isEqualTo(403);
    }

    @Test
    void aRegistrarRevokesOneCertificateAfterConfirming() throws Exception {
        String agency = newAgency("Sở Giáo dục và Đào tạo");
        String certificate = issue(newIndividual(agency, "Trịnh Thị Yến"), null);
        signIn(account("REGISTRAR", "Châu Văn Lộc"));
        browser.get(url("/certificates?agency=" + agency));
        browser.findElement(By.linkText(certificate)).click();
        assertThat(text("#certificate-status")).isEqualTo("Còn hiệu lực");
        browser.findElement(By.cssSelector("#revoke button")).click();
        assertThat(waitFor(By.cssSelector("#revoke [role=alert]")).getText()).isEqualTo("Hãy chọn lý do thu hồi.");

        new Select(browser.findElement(By.id("reason"))).selectByValue("AFFILIATION_CHANGED");
        browser.findElement(By.id("comment")).sendKeys("Chuyển công tác sang Sở Nội vụ");
        browser.findElement(By.cssSelector("#revoke button")).click();
        waitForText("h1", "Xác nhận thu hồi");
        assertThat(text("main")).contains("Trịnh Thị Yến", "Thay đổi nơi công tác", "Chuyển công tác sang Sở Nội vụ");
        assertThat(admin().get("/api/v1/certificates/" + certificate).text("status")).isEqualTo("VALID");
        browser.findElement(By.cssSelector("main form button")).click();
        assertThat(waitFor(By.cssSelector("[role=status]")).getText()).isEqualTo("Đã thu hồi chứng thư số.");
        assertThat(text("#certificate-status")).isEqualTo("Đã thu hồi");
        assertThat(text("main dl")).contains("Chuyển công tác sang Sở Nội vụ");

        browser.findElement(By.linkText("English")).click();
        assertThat(text("#certificate-status")).isEqualTo("Revoked");
        assertThat(text("#revocation-reason")).isEqualTo("Affiliation changed");
        browser.findElement(By.linkText("Tiếng Việt")).click();
    }

    @Test
    void aRegistrarPreviewsThenConfirmsABulkRevocation() throws Exception {
        String agency = newAgency("Ủy ban nhân dân huyện Đức Trọng");
        String first = issue(newIndividual(agency, "Hoàng Thị Thu Hà"), null);
        String second = issue(newIndividual(agency, "Bùi Quốc Việt"), null);

        signIn(account("REGISTRAR", "Ngô Thanh Tùng"));
        browser.get(url("/certificates"));
        browser.findElement(By.linkText("Thu hồi hàng loạt")).click();
        browser.findElement(By.id("agencyCode")).sendKeys(agency);
        new Select(browser.findElement(By.id("reason"))).selectByValue("CESSATION_OF_OPERATION");
        browser.findElement(By.id("comment")).sendKeys("Sáp nhập đơn vị hành chính");
        browser.findElement(By.cssSelector("#bulk-form button")).click();
        assertThat(waitFor(By.id("bulk-result")).getText()).contains("Xem trước", first, second, "Sẽ thu hồi",
                "Hoàng Thị Thu Hà", "Bùi Quốc Việt");
        assertThat(admin().get("/api/v1/certificates/" + first).text("status")).isEqualTo("VALID");
        screenshot("bulk-revocation");

        browser.findElement(By.cssSelector("#bulk-confirm button")).click();
        assertThat(waitFor(By.id("bulk-result")).getText()).contains("Kết quả thu hồi",
                "Đã thu hồi 2 chứng thư số; 0 không thu hồi được.", first, second);
        assertThat(browser.getCurrentUrl()).endsWith("/certificates/bulk-revocation");
        assertThat(admin().get("/api/v1/certificates/" + first).text("status")).isEqualTo("REVOKED");
        assertThat(admin().get("/api/v1/certificates/" + second).text("status")).isEqualTo("REVOKED");
    }

    private String tokenHandedOver(String agency, Person holder) {
        String serial = unique("TK");
        var received = admin().post("/api/v1/tokens", Map.of("serial", serial, "model", "SAFENET-5110",
                "agencyCode", agency));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        var handed = admin().post("/api/v1/tokens/" + serial + "/hand-over", Map.of("subscriberId", holder.id()));
        assertThat(handed.status()).as(handed.toString()).isEqualTo(200);
        return serial;
    }

    private String issue(Person holder, String token) throws Exception {
        var body = new java.util.HashMap<String, Object>(Map.of("subscriberId", holder.id(),
                "csr", TestPki.csr(TestPki.ec("secp256r1"))));
        if (token != null) {
            body.put("tokenSerial", token);
        }
        var issued = admin().post("/api/v1/certificates", body);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.text("serialNumber");
    }

    private String account(String role, String fullName) {
        String username = unique("reg").toLowerCase();
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
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** The whole page, so the token's history shows below its facts. */
    private void screenshot(String name, int height) throws Exception {
        var normal = browser.manage().window().getSize();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(normal.getWidth(), height));
        try {
            screenshot(name);
        } finally {
            browser.manage().window().setSize(normal);
        }
    }

}
