package vn.kyso.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.kyso.support.BrowserPages;
import vn.kyso.support.RequiresBrowser;
import vn.kyso.support.TestPki;

/** The agency tree and subscriber pages: register a unit and an official, issue and renew their certificate. */
@RequiresBrowser
class AgencySubscriberPagesBrowserTest extends BrowserPages {

    @Test
    void aRegistrarRegistersAUnitAndAnOfficialAndIssuesTheirCertificate() throws Exception {
        String parent = newAgency("Ủy ban nhân dân tỉnh Lâm Đồng");
        signIn(account("REGISTRAR", "Hoàng Văn Tùng", null));
        browser.get(url("/agencies?q=" + parent));
        browser.findElement(By.linkText("Ủy ban nhân dân tỉnh Lâm Đồng")).click();
        assertThat(text("h1")).contains("Ủy ban nhân dân tỉnh Lâm Đồng", parent);

        // A unit under it; the tax code is wrong first, and the error stands next to that field
        String code = unique("SNV");
        WebElement form = browser.findElement(By.id("new-agency"));
        form.findElement(By.id("code")).sendKeys(code);
        form.findElement(By.id("name")).sendKeys("Sở Nội vụ");
        form.findElement(By.id("taxCode")).sendKeys("58012");
        form.findElement(By.cssSelector("button")).click();
        assertThat(waitFor(By.id("taxCode-error")).getText()).isNotBlank().doesNotContain("{");
        assertThat(browser.findElement(By.id("taxCode")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Sở Nội vụ");
        assertThat(jdbc().sql("SELECT COUNT(*) FROM agency WHERE code = ?").param(code).query(Long.class).single())
                .isZero();
        browser.findElement(By.id("taxCode")).clear();
        browser.findElement(By.id("taxCode")).sendKeys("5801234567");
        browser.findElement(By.cssSelector("#new-agency button")).click();
        waitFor(By.cssSelector("[role=status]"));
        assertThat(text("h1")).contains("Sở Nội vụ", code);
        assertThat(text("nav.crumbs")).contains("Ủy ban nhân dân tỉnh Lâm Đồng", "Sở Nội vụ");

        // An official of the new unit, from the unit's page
        browser.findElement(By.id("new-subscriber")).click();
        assertThat(browser.findElement(By.id("agencyCode")).getAttribute("value")).isEqualTo(code);
        String email = unique("tn").toLowerCase() + "@lamdong.gov.vn";
        int n = unique("").hashCode() & 0xfffff;
        String nationalId = "068185" + String.format("%06d", n % 1_000_000);
        browser.findElement(By.id("type-INDIVIDUAL")).click();
        browser.findElement(By.id("fullName")).sendKeys("Trần Thị Ngọc Ánh");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("position")).sendKeys("Chuyên viên");
        browser.findElement(By.id("nationalId")).sendKeys(nationalId);
        browser.executeScript("arguments[0].value = '1985-05-05'", browser.findElement(By.id("dateOfBirth")));
        browser.findElement(By.cssSelector("#new-subscriber button[type=submit]")).click();
        waitFor(By.cssSelector("[role=status]"));
        assertThat(text("h1")).contains("Trần Thị Ngọc Ánh", "Cá nhân");
        assertThat(text("#subscriber")).contains(email, nationalId, "05/05/1985");
        assertThat(text("main")).contains("Chưa có chứng thư số nào.");

        // A certificate from a pasted CSR; the page of the new certificate follows
        String csr = TestPki.csr(TestPki.ec("secp256r1"));
        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("csr")), csr);
        browser.findElement(By.cssSelector("#issue button[type=submit]")).click();
        waitFor(By.cssSelector("[role=status]"));
        assertThat(text("[role=status]")).startsWith("Đã cấp chứng thư số");
        assertThat(text("#certificate-status")).isEqualTo("Còn hiệu lực");
        assertThat(text("main dl")).contains("Trần Thị Ngọc Ánh", code);
        String first = browser.getCurrentUrl().replaceAll(".*/certificates/", "");
        screenshot("certificate-issued");

        // Renewal keeps the key and supersedes nothing; the new certificate names the one it replaces
        browser.findElement(By.cssSelector("#renew button[type=submit]")).click();
        waitFor(By.cssSelector("[role=status]"));
        assertThat(text("[role=status]")).contains("Đã cấp chứng thư số mới");
        String second = browser.getCurrentUrl().replaceAll(".*/certificates/", "");
        assertThat(second).isNotEqualTo(first);
        assertThat(text("main dl")).contains(first);

        browser.findElement(By.linkText("Trần Thị Ngọc Ánh")).click();
        assertThat(text("#certificates")).contains(first, second);
        screenshotWholePage("subscriber");
        browser.findElement(By.linkText("← Về cơ quan, đơn vị")).click();
        assertThat(text("#subscribers")).contains("Trần Thị Ngọc Ánh", "Chuyên viên");
        screenshotWholePage("agency");
        assertThat(audited("subscriber.create", email)).isTrue();
    }

    @Test
    void aBadCsrIsRefusedNextToTheFieldAndNothingIsIssued() throws Exception {
        String agency = newAgency("Sở Xây dựng");
        Person person = newIndividual(agency, "Đỗ Minh Quân");
        signIn(account("REGISTRAR", "Nguyễn Hữu Phước", null));
        browser.get(url("/subscribers/" + person.id()));
        browser.findElement(By.id("csr")).sendKeys("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----");
        browser.findElement(By.cssSelector("#issue button[type=submit]")).click();
        assertThat(waitFor(By.id("csr-error")).getText()).isNotBlank().doesNotContain("error.");
        assertThat(jdbc().sql("SELECT COUNT(*) FROM certificate WHERE subscriber_id = ?").param(person.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anOfficerSeesItsOwnSubtreeAndNothingOfAnotherAgency() throws Exception {
        String own = newAgency("Sở Giáo dục và Đào tạo");
        String other = newAgency("Sở Tài chính");
        Person colleague = newIndividual(own, "Lê Văn Hiếu");
        Person stranger = newIndividual(other, "Vũ Thị Hồng");
        signIn(account("AGENCY_OFFICER", "Phan Thanh Bình", own));

        browser.get(url("/agencies"));
        assertThat(text("#agencies")).contains("Sở Giáo dục và Đào tạo").doesNotContain("Sở Tài chính");
        browser.get(url("/agencies?q=" + other));
        assertThat(text("main")).doesNotContain("Sở Tài chính");
        browser.get(url("/agencies/" + own));
        assertThat(text("#subscribers")).contains("Lê Văn Hiếu");
        assertThat(browser.findElements(By.id("new-agency"))).isEmpty();
        browser.get(url("/subscribers/" + colleague.id()));
        assertThat(text("h1")).contains("Lê Văn Hiếu");
        assertThat(browser.findElements(By.id("issue"))).isEmpty();

        for (String path : List.of("/agencies/" + other, "/subscribers/" + stranger.id())) {
            browser.get(url(path));
            assertThat(text("main")).as(path).doesNotContain("Sở Tài chính", "Vũ Thị Hồng");
            assertThat(text("h1")).as(path).isEqualTo("Không tìm thấy");
        }
        browser.get(url("/subscribers/new?agency=" + own));
        assertThat(text("h1")).isEqualTo("Không được phép");
    }

    @Test
    void aLongListIsPagedAndTheNextPageKeepsTheAddress() throws Exception {
        String agency = newAgency("Ủy ban nhân dân xã Tà Hine");
        for (int i = 1; i <= 27; i++) {
            newIndividual(agency, String.format("Cán bộ xã số %02d", i));
        }
        signIn(account("AUDITOR", "Kiểm toán viên Đỗ Hà", null));
        browser.get(url("/agencies/" + agency + "?lang=vi"));
        assertThat(text("#subscribers caption")).contains("27");
        assertThat(text("nav.pager")).contains("Trang 1/2");
        browser.findElement(By.cssSelector("nav.pager a[rel=next]")).click();
        waitFor(By.cssSelector("nav.pager a[rel=prev]"));
        assertThat(browser.getCurrentUrl()).contains("/agencies/" + agency).contains("lang=vi").contains("page=1");
        assertThat(text("#subscribers")).contains("Cán bộ xã số 27").doesNotContain("Cán bộ xã số 01");
    }

    @Test
    void aTimedOutSessionSendsThePersonToSignInWithAReason() throws Exception {
        signIn(account("REGISTRAR", "Đinh Công Sơn", null));
        browser.get(url("/agencies"));
        assertThat(browser.findElement(By.cssSelector("meta[name=kyso-session]")).getAttribute("content"))
                .isEqualTo("1800");
        var alive = inSession(url("/session/alive"));
        assertThat(alive.statusCode()).isEqualTo(204);

        // What the browser holds after the server forgot the session
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.manage().addCookie(new Cookie("JSESSIONID", "0123456789ABCDEF0123456789ABCDEF"));
        browser.get(url("/agencies"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        assertThat(text("main [role=status]")).contains("Phiên làm việc đã hết hạn");
    }

    private boolean audited(String action, String text) {
        return jdbc().sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND after_state LIKE ?")
                .param(action).param("%" + text + "%").query(Long.class).single() > 0;
    }

    private String account(String role, String fullName, String agencyCode) {
        String username = unique("ag").toLowerCase();
        var body = new java.util.HashMap<String, Object>(Map.of("username", username, "password", PASSWORD,
                "fullName", fullName, "roles", List.of(role)));
        if (agencyCode != null) {
            body.put("agencyCode", agencyCode);
        }
        var created = admin().post("/api/v1/users", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return username;
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
